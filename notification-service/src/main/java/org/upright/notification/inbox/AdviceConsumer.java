package org.upright.notification.inbox;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.upright.events.AdviceIssued;
import org.upright.events.EventJson;
import org.upright.events.MalformedRecordException;
import org.upright.events.Topics;

/**
 * Puts each record of {@link Topics#ADVICE_ISSUED} in its person's inbox. Passing failures are
 * retried; a record that cannot be stored goes to the dead-letter topic and consumption goes on.
 */
@ApplicationScoped
public class AdviceConsumer {

    @Inject
    InboxWriter inbox;

    @Incoming(Topics.ADVICE_ISSUED)
    @Blocking
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = MalformedRecordException.class)
    public void consume(String json) {
        inbox.deliver(read(json));
    }

    static AdviceIssued read(String json) {
        AdviceIssued advice = EventJson.read(json, AdviceIssued.class);
        if (advice.adviceId() == null || advice.userId() == null || advice.ruleId() == null
                || advice.severity() == null || advice.message() == null || advice.source() == null
                || advice.issuedAt() == null) {
            throw new MalformedRecordException("an advice needs adviceId, userId, ruleId, severity, message, source and issuedAt");
        }
        return advice;
    }
}
