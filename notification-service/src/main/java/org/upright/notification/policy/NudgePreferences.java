package org.upright.notification.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a person wants pushed, and when: the policy's input. Quiet hours are per weekday (a day
 * without an entry has none); a rule's own cooldown overrides the default one.
 */
public record NudgePreferences(ZoneId zone, Map<DayOfWeek, QuietHours> quietHours, int dailyCap, Duration cooldown,
                               Map<String, Duration> ruleCooldowns, Instant snoozedUntil, Set<String> mutedRules,
                               Set<Channel> channels) {

    public static final int DEFAULT_DAILY_CAP = 6;
    public static final Duration DEFAULT_COOLDOWN = Duration.ofHours(2);

    /** A new person's: UTC until they say otherwise, quiet 22:00-07:00 on weekdays and 22:00-09:00 at weekends, every channel on. */
    public static NudgePreferences defaults(ZoneId zone) {
        Map<DayOfWeek, QuietHours> quiet = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean weekendMorningFollows = day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY;
            quiet.put(day, new QuietHours(LocalTime.of(22, 0), weekendMorningFollows ? LocalTime.of(9, 0) : LocalTime.of(7, 0)));
        }
        return new NudgePreferences(zone, quiet, DEFAULT_DAILY_CAP, DEFAULT_COOLDOWN, Map.of(), null, Set.of(),
                EnumSet.allOf(Channel.class));
    }

    public Duration cooldownOf(String ruleId) {
        return ruleCooldowns.getOrDefault(ruleId, cooldown);
    }
}
