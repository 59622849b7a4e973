package org.upright.notification.deadletters;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.upright.events.DeadLetterHeaders;

/** How this service's consumers send a record they cannot read to its dead-letter topic: as it was, with the reason. */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static void send(MutinyEmitter<String> deadLetters, ConsumerRecord<String, String> record, String reason) {
        deadLetters.sendMessageAndAwait(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                        .withHeaders(DeadLetterHeaders.of(record, reason, ConfigProvider.getConfig().getValue("quarkus.application.name", String.class)))
                        .build()));
    }
}
