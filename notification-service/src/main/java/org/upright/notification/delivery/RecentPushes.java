package org.upright.notification.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final ZoneId zone;
    private final List<Push> pushes = new ArrayList<>();

    private record Push(UUID adviceId, String ruleId, Instant at) {
    }

    RecentPushes(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Reads the pushes of these people, in the caller's transaction: each person's since the start of
     * their today or their longest cooldown, whichever reaches further back, and no more (one span for
     * the whole batch read two days of everyone's pushes).
     */
    static Map<String, RecentPushes> read(Connection connection, Map<String, NudgePreferences> people, Instant now)
            throws SQLException {
        Map<String, RecentPushes> recent = new HashMap<>();
        String[] userIds = new String[people.size()];
        String[] since = new String[people.size()];
        int i = 0;
        for (Map.Entry<String, NudgePreferences> person : people.entrySet()) {
            NudgePreferences preferences = person.getValue();
            recent.put(person.getKey(), new RecentPushes(preferences.zone()));
            Instant from = LocalDate.ofInstant(now, preferences.zone()).atStartOfDay(preferences.zone()).toInstant();
            for (Duration cooldown : cooldowns(preferences)) {
                from = earlier(from, now.minus(cooldown));
            }
            userIds[i] = person.getKey();
            since[i++] = from.toString();
        }
        try (PreparedStatement select = connection.prepareStatement("select person.user_id, pushed.advice_id, pushed.rule_id, pushed.decided_at"
                + " from unnest(?::text[], ?::timestamptz[]) as person(user_id, since) cross join lateral ("
                + "select advice_id, rule_id, decided_at from delivery"
                + " where user_id = person.user_id and decided_at >= person.since and decision = 'push') pushed")) {
            select.setObject(1, userIds);
            select.setObject(2, since);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    recent.get(rows.getString(1)).add(rows.getObject(2, UUID.class), rows.getString(3), rows.getTimestamp(4).toInstant());
                }
            }
        }
        return recent;
    }

    private static List<Duration> cooldowns(NudgePreferences preferences) {
        List<Duration> cooldowns = new ArrayList<>(preferences.ruleCooldowns().values());
        cooldowns.add(preferences.cooldown());
        return cooldowns;
    }

    private static Instant earlier(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
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
