package org.upright.events;

import static org.upright.events.CloudEventHeaders.utf8;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The headers of a record sent to a dead-letter topic: why, and where it came from. */
public final class DeadLetterHeaders {

    private DeadLetterHeaders() {
    }

    public static RecordHeaders of(ConsumerRecord<?, ?> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", utf8(reason));
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        return headers;
    }
}
