package org.upright.advice.rules;

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
 * rule already fired for the same person and period.
 */
@ApplicationScoped
public class AdviceIssuer {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void issue(String userId, AdviceDraft draft) {
        if (Advice.issued(userId, draft.ruleId(), draft.period())) {
            return;
        }
        Advice advice = Advice.from(userId, draft, clock.instant());
        advice.persist();
        outbox.add(Topics.ADVICE_ISSUED, userId, CloudEventTypes.ADVICE_ISSUED, advice.id, EventJson.write(advice.toRecord()));
    }
}
