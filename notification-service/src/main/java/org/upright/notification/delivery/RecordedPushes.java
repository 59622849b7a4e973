package org.upright.notification.delivery;

import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.upright.notification.policy.PushHistory;

/**
 * The pushes the delivery log records for one person: what the cap and the cooldowns count. The
 * policy asks once per channel; each answer is read from the database once, so one of these serves
 * one advice.
 */
final class RecordedPushes implements PushHistory {

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
