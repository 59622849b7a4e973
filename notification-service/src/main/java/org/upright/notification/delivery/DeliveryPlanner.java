package org.upright.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.upright.events.AdviceIssued;
import org.upright.notification.policy.Channel;
import org.upright.notification.policy.Decision;
import org.upright.notification.policy.NudgePolicy;
import org.upright.notification.policy.NudgePreferences;
import org.upright.notification.preferences.PreferencesStore;

/**
 * Asks the nudge policy about a new advice and records its decision for each channel the person
 * has on, with the reason, before anything is sent: the delivery log.
 */
@ApplicationScoped
public class DeliveryPlanner {

    @Inject
    PreferencesStore preferences;

    @Inject
    Event<DeliveriesDue> due;

    @Inject
    Event<HeldBack> heldBack;

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Decision> plan(AdviceIssued advice, Instant now) {
        NudgePreferences wanted = preferences.policyOf(advice.userId());
        List<Decision> decisions = NudgePolicy.decide(advice, wanted, new RecordedPushes(advice.userId(), wanted.zone()), now);
        EnumSet<Channel> toSend = EnumSet.noneOf(Channel.class);
        for (Decision decision : decisions) {
            Delivery delivery = new Delivery();
            delivery.id = UUID.randomUUID();
            delivery.adviceId = advice.adviceId();
            delivery.userId = advice.userId();
            delivery.ruleId = advice.ruleId();
            delivery.channel = decision.channel().wireName();
            delivery.decided(decision, decision.reason(), now);
            delivery.persist();
            if (decision.outcome() != Decision.Outcome.SUPPRESS) {
                toSend.add(decision.channel());
            }
            if (decision.outcome() == Decision.Outcome.DELAY) {
                heldBack.fire(new HeldBack(decision.at()));
            }
        }
        if (!toSend.isEmpty()) {
            due.fire(new DeliveriesDue(toSend));
        }
        return decisions;
    }
}
