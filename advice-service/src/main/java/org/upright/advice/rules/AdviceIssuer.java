package org.upright.advice.rules;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.upright.advice.outbox.Outbox;
import org.upright.events.CloudEventTypes;
import org.upright.events.EventJson;
import org.upright.events.Topics;

/**
 * Issues advice: stores it and puts it in the outbox in the caller's transaction, unless the same
 * rule already fired for the same person and cause. Returns whether it was issued.
 */
@ApplicationScoped
public class AdviceIssuer {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean issue(String userId, AdviceDraft draft) {
        if (Advice.issued(userId, draft.ruleId(), draft.cause())) {
            return false;
        }
        Advice advice = Advice.from(userId, draft, clock.instant());
        advice.persist();
        meters.counter("upright.advice.issued", "rule", draft.ruleId()).increment();
        outbox.add(Topics.ADVICE_ISSUED, userId, CloudEventTypes.ADVICE_ISSUED, advice.id, EventJson.write(advice.toRecord()));
        return true;
    }
}
