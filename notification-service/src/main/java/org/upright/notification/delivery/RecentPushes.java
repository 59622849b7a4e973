package org.upright.notification.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.upright.notification.policy.NudgePreferences;
import org.upright.notification.policy.PushHistory;

/**
 * One person's pushes that the cap and the cooldowns count: what the delivery log held when a batch
 * of decisions began, summed up by the database for all the batch's people at once (each rule's last
 * push, and how many advice were pushed today), and the pushes decided since, added as they are
 * made. It knows as far back as the policy asks: today, and the person's longest cooldown.
 */
final class RecentPushes implements PushHistory {

    /**
     * Per person and rule: the last push, and the advice pushed today, each once whatever its
     * channels. An advice has one rule, so the rules' counts add up to the person's.
     */
    private static final String LOGGED = "select d.user_id, d.rule_id, max(d.decided_at),"
            + " count(distinct d.advice_id) filter (where d.decided_at >= p.today_from)"
            + " from unnest(?::text[], ?::timestamptz[], ?::timestamptz[]) as p(user_id, today_from, since)"
            + " join delivery d on d.user_id = p.user_id and d.decided_at >= p.since and d.decision = 'push'"
            + " group by d.user_id, d.rule_id";

    private final ZoneId zone;
    private final LocalDate today;
    private final Map<String, Instant> lastPushes = new HashMap<>();
    private int loggedToday;
    private final Map<LocalDate, Set<UUID>> addedByDay = new HashMap<>();

    RecentPushes(ZoneId zone, LocalDate today) {
        this.zone = zone;
        this.today = today;
    }

    /** Reads the pushes of these people, in the caller's transaction. */
    static Map<String, RecentPushes> read(Connection connection, Map<String, NudgePreferences> people, Instant now)
            throws SQLException {
        Map<String, RecentPushes> recent = new HashMap<>();
        String[] users = new String[people.size()];
        String[] todayFrom = new String[people.size()];
        String[] since = new String[people.size()];
        int row = 0;
        for (Map.Entry<String, NudgePreferences> person : people.entrySet()) {
            ZoneId zone = person.getValue().zone();
            LocalDate today = now.atZone(zone).toLocalDate();
            Instant startOfToday = today.atStartOfDay(zone).toInstant();
            Instant cooledDown = now.minus(longestCooldown(person.getValue()));
            recent.put(person.getKey(), new RecentPushes(zone, today));
            users[row] = person.getKey();
            todayFrom[row] = startOfToday.toString();
            since[row] = (cooledDown.isBefore(startOfToday) ? cooledDown : startOfToday).toString();
            row++;
        }
        try (PreparedStatement select = connection.prepareStatement(LOGGED)) {
            select.setObject(1, users);
            select.setObject(2, todayFrom);
            select.setObject(3, since);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    recent.get(rows.getString(1)).logged(rows.getString(2), rows.getTimestamp(3).toInstant(), rows.getInt(4));
                }
            }
        }
        return recent;
    }

    private static Duration longestCooldown(NudgePreferences preferences) {
        Duration longest = preferences.cooldown();
        for (Duration cooldown : preferences.ruleCooldowns().values()) {
            longest = cooldown.compareTo(longest) > 0 ? cooldown : longest;
        }
        return longest;
    }

    private void logged(String ruleId, Instant lastPush, int pushedToday) {
        lastPushes.merge(ruleId, lastPush, RecentPushes::later);
        loggedToday += pushedToday;
    }

    /** A push decided after the log was read: the next advice's cap and cooldowns count it. */
    void add(UUID adviceId, String ruleId, Instant at) {
        lastPushes.merge(ruleId, at, RecentPushes::later);
        addedByDay.computeIfAbsent(at.atZone(zone).toLocalDate(), day -> new HashSet<>()).add(adviceId);
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    /** @throws IllegalArgumentException for a day before today, which the log was not read for */
    @Override
    public int pushedOn(LocalDate day) {
        if (day.isBefore(today)) {
            throw new IllegalArgumentException("the pushes of " + day + " were not read, only those from " + today);
        }
        return (day.equals(today) ? loggedToday : 0) + addedByDay.getOrDefault(day, Set.of()).size();
    }

    @Override
    public Optional<Instant> lastPushOf(String ruleId) {
        return Optional.ofNullable(lastPushes.get(ruleId));
    }
}
