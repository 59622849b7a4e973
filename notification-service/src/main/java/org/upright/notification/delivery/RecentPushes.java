package org.upright.notification.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.upright.notification.policy.NudgePreferences;
import org.upright.notification.policy.PushHistory;

/**
 * One person's pushes that the cap and the cooldowns count: those the delivery log held when a batch
 * of decisions began, read for all the batch's people at once, and those decided since, added as
 * they are made. It knows as far back as the policy asks: today, and the person's longest cooldown.
 */
final class RecentPushes implements PushHistory {

    /** Today starts at most a day and an hour (a DST change) ago in any zone: two days cover it. */
    private static final Duration AT_LEAST = Duration.ofDays(2);

    private final ZoneId zone;
    private final List<Push> pushes = new ArrayList<>();

    private record Push(UUID adviceId, String ruleId, Instant at) {
    }

    RecentPushes(ZoneId zone) {
        this.zone = zone;
    }

    /** Reads the pushes of these people, in the caller's transaction. */
    static Map<String, RecentPushes> read(Connection connection, Map<String, NudgePreferences> people, Instant now)
            throws SQLException {
        Map<String, RecentPushes> recent = new HashMap<>();
        Duration reach = AT_LEAST;
        for (Map.Entry<String, NudgePreferences> person : people.entrySet()) {
            recent.put(person.getKey(), new RecentPushes(person.getValue().zone()));
            reach = longer(reach, person.getValue().cooldown());
            for (Duration cooldown : person.getValue().ruleCooldowns().values()) {
                reach = longer(reach, cooldown);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("select user_id, advice_id, rule_id, decided_at from delivery"
                + " where user_id = any(?::text[]) and decided_at >= ? and decision = 'push'")) {
            select.setObject(1, people.keySet().toArray(String[]::new));
            select.setTimestamp(2, Timestamp.from(now.minus(reach)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    recent.get(rows.getString(1)).add(rows.getObject(2, UUID.class), rows.getString(3), rows.getTimestamp(4).toInstant());
                }
            }
        }
        return recent;
    }

    private static Duration longer(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    /** A push decided after the log was read: the next advice's cap and cooldowns count it. */
    void add(UUID adviceId, String ruleId, Instant at) {
        pushes.add(new Push(adviceId, ruleId, at));
    }

    @Override
    public int pushedOn(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Set<UUID> advice = new HashSet<>();
        for (Push push : pushes) {
            if (!push.at().isBefore(from) && push.at().isBefore(to)) {
                advice.add(push.adviceId());
            }
        }
        return advice.size();
    }

    @Override
    public Optional<Instant> lastPushOf(String ruleId) {
        return pushes.stream().filter(push -> push.ruleId().equals(ruleId)).map(Push::at).max(Instant::compareTo);
    }
}
