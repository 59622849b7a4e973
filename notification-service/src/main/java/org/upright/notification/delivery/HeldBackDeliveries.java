package org.upright.notification.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.upright.events.AdviceIssued;
import org.upright.notification.inbox.Notification;
import org.upright.notification.policy.Channel;
import org.upright.notification.policy.Decision;
import org.upright.notification.policy.NudgePolicy;
import org.upright.notification.policy.NudgePreferences;
import org.upright.notification.preferences.PreferencesStore;

/**
 * Judges a delivery that quiet hours held back once more when it falls due, against the pushes
 * made since: the daily cap and the cooldowns hold for what waited overnight as for the rest, and a
 * nudge muted, snoozed or gone stale meanwhile is not pushed. The channels of one advice are judged
 * together, the oldest advice first, so that each push counts for the next. The dispatchers send only
 * deliveries decided {@code push}, so none goes out before this second look.
 */
@ApplicationScoped
public class HeldBackDeliveries {

    private static final int JUDGE_AT_ONCE = 100;

    @Inject
    PreferencesStore preferences;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<DeliveriesDue> due;

    /**
     * The earliest a held-back delivery falls due, as far as this instance knows: until then a run
     * needs no look, which spares every nudge a transaction. {@link #lookAgain()} forgets it.
     */
    private final AtomicReference<Instant> nextDue = new AtomicReference<>(Instant.MIN);

    void heldBack(@Observes(during = TransactionPhase.AFTER_SUCCESS) HeldBack heldBack) {
        nextDue.accumulateAndGet(heldBack.until(), HeldBackDeliveries::earlier);
    }

    /** Another instance may have held deliveries back: the next run looks. */
    void lookAgain() {
        nextDue.set(Instant.MIN);
    }

    /** @return how many held-back deliveries fell due and were judged */
    public int judgeDue(Instant now) {
        if (nextDue.get().isAfter(now)) {
            return 0;
        }
        // forgotten before the look, so what is held back meanwhile is either seen by it or kept by heldBack()
        nextDue.set(Instant.MAX);
        try {
            Judged judged = judge(now);
            nextDue.accumulateAndGet(judged.nextDue(), HeldBackDeliveries::earlier);
            return judged.count();
        } catch (RuntimeException e) {
            lookAgain();
            throw e;
        }
    }

    private record Judged(int count, Instant nextDue) {
    }

    private static Instant earlier(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }

    private Judged judge(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var entityManager = Panache.getEntityManager();
            @SuppressWarnings("unchecked")
            List<UUID> ids = entityManager.createNativeQuery(
                            "select id from {h-schema}delivery where decision = 'delay' and status = 'pending' and due_at <= ?1"
                                    + " order by due_at limit " + JUDGE_AT_ONCE + " for update skip locked")
                    .setParameter(1, Timestamp.from(now)).getResultList();
            if (ids.isEmpty()) {
                return new Judged(0, heldBackUntil());
            }
            Map<UUID, List<Delivery>> byAdvice = Delivery.<Delivery>list("id in ?1", ids).stream()
                    .collect(Collectors.groupingBy(delivery -> delivery.adviceId));
            List<Notification> advice = Notification.list("adviceId in ?1 order by issuedAt", byAdvice.keySet());
            Map<String, NudgePreferences> wanted = preferences.policiesOf(advice.stream().map(one -> one.userId)
                    .collect(Collectors.toSet()));
            Map<String, RecentPushes> pushes;
            try (Connection connection = dataSource.getConnection()) {
                pushes = RecentPushes.read(connection, wanted, now);
            }
            EnumSet<Channel> toSend = EnumSet.noneOf(Channel.class);
            for (Notification one : advice) {
                AdviceIssued issued = one.toAdvice();
                RecentPushes history = pushes.get(one.userId);
                for (Delivery delivery : byAdvice.get(one.adviceId)) {
                    Channel channel = Channel.fromWireName(delivery.channel).orElseThrow();
                    Decision decision = NudgePolicy.decide(issued, channel, wanted.get(one.userId), history, now);
                    delivery.decided(decision, "held back until " + delivery.dueAt + ", then " + decision.reason(), now);
                    if (decision.outcome() == Decision.Outcome.PUSH) {
                        history.add(one.adviceId, one.ruleId, decision.at());
                    }
                    if (decision.outcome() != Decision.Outcome.SUPPRESS) {
                        toSend.add(channel);
                    }
                }
            }
            if (!toSend.isEmpty()) {
                due.fire(new DeliveriesDue(toSend));
            }
            return new Judged(ids.size(), heldBackUntil());
        });
    }

    /** When the next held-back delivery falls due; {@link Instant#MAX} when none is held back. */
    private static Instant heldBackUntil() {
        Object next = Panache.getEntityManager().createNativeQuery(
                "select min(due_at) from {h-schema}delivery where decision = 'delay' and status = 'pending'").getSingleResult();
        return next == null ? Instant.MAX : Delivery.instantOf(next);
    }
}
