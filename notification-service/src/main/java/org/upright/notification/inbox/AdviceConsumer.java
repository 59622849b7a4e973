package org.upright.notification.inbox;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.upright.events.AdviceIssued;
import org.upright.events.BatchConsumption;
import org.upright.events.EventJson;
import org.upright.events.MalformedRecordException;
import org.upright.events.Topics;
import org.upright.notification.deadletters.DeadLetters;

/**
 * Puts the records of {@link Topics#ADVICE_ISSUED} in their people's inboxes, a batch per
 * transaction, as the broker hands them over; see {@link BatchConsumption} for what happens to a
 * record that cannot be read and to a batch that fails.
 */
@ApplicationScoped
public class AdviceConsumer {

    static final String DEAD_LETTERS = "advice-issued-dead-letters";

    @Inject
    InboxWriter inbox;

    @Inject
    @Channel(DEAD_LETTERS)
    MutinyEmitter<String> deadLetters;

    @Incoming(Topics.ADVICE_ISSUED)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        BatchConsumption.consume(records, AdviceConsumer::read,
                (record, reason) -> DeadLetters.send(deadLetters, record, reason), inbox::deliverAll);
    }

    static AdviceIssued read(String json) {
        if (json == null) {
            throw new MalformedRecordException("the record has no value");
        }
        AdviceIssued advice = EventJson.read(json, AdviceIssued.class);
        if (advice.adviceId() == null || advice.userId() == null || advice.ruleId() == null
                || advice.severity() == null || advice.message() == null || advice.source() == null
                || advice.issuedAt() == null) {
            throw new MalformedRecordException("an advice needs adviceId, userId, ruleId, severity, message, source and issuedAt");
        }
        return advice;
    }
}
