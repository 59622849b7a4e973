package org.upright.events;

import static org.upright.events.CloudEventHeaders.utf8;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a record sent to a dead-letter topic: why, where it came from, and which consumer
 * refused it (two services read {@link Topics#PROFILES} and share its dead-letter topic).
 */
public final class DeadLetterHeaders {

    private DeadLetterHeaders() {
    }

    /** @param consumer the service that could not read the record, as its consumer group is named */
    public static RecordHeaders of(ConsumerRecord<?, ?> record, String reason, String consumer) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", utf8(reason));
        headers.add("dead-letter-consumer", utf8(consumer));
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        return headers;
    }
}
