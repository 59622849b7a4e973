package org.upright.advice.deadletters;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.upright.events.DeadLetterHeaders;

/** How this service's consumers send a record they cannot read to its dead-letter topic: as it was, with the reason. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** @param record a record whose value is a String or UTF-8 bytes */
    public static void send(MutinyEmitter<String> deadLetters, ConsumerRecord<String, ?> record, String reason) {
        Object value = record.value();
        String text = value == null ? "" : value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        deadLetters.sendMessageAndAwait(Message.of(text)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                        .withHeaders(DeadLetterHeaders.of(record, reason, ConfigProvider.getConfig().getValue("quarkus.application.name", String.class)))
                        .build()));
    }
}
