package org.upright.notification.delivery;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.upright.events.AdviceIssued;
import org.upright.notification.policy.Channel;
import org.upright.notification.policy.Decision;
import org.upright.notification.policy.NudgePolicy;
import org.upright.notification.policy.NudgePreferences;
import org.upright.notification.policy.PushHistory;
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
            delivery.decision = decision.outcome().name().toLowerCase(Locale.ROOT);
            delivery.reason = decision.reason();
            delivery.dueAt = decision.at();
            delivery.status = decision.outcome() == Decision.Outcome.SUPPRESS ? Delivery.SUPPRESSED : Delivery.PENDING;
            delivery.decidedAt = now;
            delivery.updatedAt = now;
            delivery.persist();
            if (decision.outcome() != Decision.Outcome.SUPPRESS) {
                toSend.add(decision.channel());
            }
        }
        if (!toSend.isEmpty()) {
            due.fire(new DeliveriesDue(toSend));
        }
        return decisions;
    }

    /**
     * The pushes the delivery log records for one person: what the cap and the cooldowns count. The
     * policy asks once per channel; each answer is read from the database once.
     */
    private static final class RecordedPushes implements PushHistory {

        private final String userId;
        private final ZoneId zone;
        private final Map<LocalDate, Integer> pushedOn = new HashMap<>();
        private final Map<String, Optional<Instant>> lastPushOf = new HashMap<>();

        RecordedPushes(String userId, ZoneId zone) {
            this.userId = userId;
            this.zone = zone;
        }

        @Override
        public int pushedOn(LocalDate day) {
            return pushedOn.computeIfAbsent(day, this::countPushedOn);
        }

        @Override
        public Optional<Instant> lastPushOf(String ruleId) {
            return lastPushOf.computeIfAbsent(ruleId, this::readLastPushOf);
        }

        private int countPushedOn(LocalDate day) {
            Instant from = day.atStartOfDay(zone).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
            return ((Number) Panache.getEntityManager().createNativeQuery(
                            "select count(distinct advice_id) from {h-schema}delivery"
                                    + " where user_id = ?1 and decision = 'push' and decided_at >= ?2 and decided_at < ?3")
                    .setParameter(1, userId).setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to))
                    .getSingleResult()).intValue();
        }

        private Optional<Instant> readLastPushOf(String ruleId) {
            Object last = Panache.getEntityManager().createNativeQuery(
                            "select max(decided_at) from {h-schema}delivery where user_id = ?1 and rule_id = ?2 and decision = 'push'")
                    .setParameter(1, userId).setParameter(2, ruleId).getSingleResult();
            return Optional.ofNullable(last).map(Delivery::instantOf);
        }
    }
}
