package org.upright.notification.preferences;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.upright.events.RuleIds;
import org.upright.notification.policy.Channel;
import org.upright.notification.policy.NudgePreferences;
import org.upright.notification.policy.QuietHours;
import org.upright.problems.FieldError;

/**
 * Preferences as the API shows and takes them. A PUT replaces them all; a field left out takes
 * its default, and a zone left out follows the person's profile. A GET shows the zone in effect and
 * whether it is the profile's, so that preferences read and put back as they were keep following
 * the profile. Quiet hours are per weekday; a day left out (or null) has none.
 */
@Schema(name = "Preferences", example = """
        {"timeZone": "Europe/Berlin",
         "quietHours": {"monday": {"from": "22:00", "to": "07:00"}, "friday": {"from": "23:00", "to": "09:00"},
                        "saturday": {"from": "23:00", "to": "09:00"}},
         "dailyCap": 6, "cooldownMinutes": 120, "ruleCooldownMinutes": {"sitting-hourly-break": 60},
         "snoozedUntil": "2026-11-25T18:00:00Z", "mutedRules": ["stress-high"], "channels": ["stream", "email"],
         "email": "alice@example.com"}""")
public record PreferencesView(@Schema(description = "IANA zone of quiet hours and the daily cap; left out, the zone of the person's"
                                      + " profile in activity-service, else UTC") String timeZone,
                              @Schema(description = "Whether the zone follows the person's profile: true when timeZone was left out;"
                                      + " sent as true, a timeZone beside it is what a GET showed and is not kept") Boolean timeZoneFromProfile,
                              Map<String, Window> quietHours, Integer dailyCap, Integer cooldownMinutes,
                              Map<String, Integer> ruleCooldownMinutes, Instant snoozedUntil, Set<String> mutedRules,
                              Set<String> channels, String email) {

    static final int MAX_DAILY_CAP = 100;
    static final int MAX_COOLDOWN_MINUTES = 7 * 24 * 60;
    private static final String NOT_A_RULE = "is not a rule: GET /api/v1/rules on advice-service lists them";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A quiet window, such as 22:00 to 07:00; it may run past midnight. */
    public record Window(String from, String to) {
    }

    /** What a person who never set anything has stored: nothing, so every field takes its default. */
    static final PreferencesView NONE = new PreferencesView(null, null, null, null, null, null, null, null, null, null);

    /** The zone when neither the preferences nor the person's profile name one. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    static PreferencesView of(NudgePreferences preferences, boolean zoneFromProfile, String email) {
        Map<String, Window> quiet = new LinkedHashMap<>();
        preferences.quietHours().forEach((day, window) -> quiet.put(dayName(day), new Window(window.from().toString(), window.to().toString())));
        Map<String, Integer> ruleCooldowns = new LinkedHashMap<>();
        preferences.ruleCooldowns().forEach((rule, cooldown) -> ruleCooldowns.put(rule, (int) cooldown.toMinutes()));
        Set<String> channels = new TreeSet<>();
        preferences.channels().forEach(channel -> channels.add(channel.wireName()));
        return new PreferencesView(preferences.zone().getId(), zoneFromProfile, quiet, preferences.dailyCap(), (int) preferences.cooldown().toMinutes(),
                ruleCooldowns, preferences.snoozedUntil(), new TreeSet<>(preferences.mutedRules()), channels, email);
    }

    /** What is wrong with these preferences, field by field; empty when they can be stored. */
    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (Boolean.FALSE.equals(timeZoneFromProfile) && timeZone == null) {
            errors.add(new FieldError("timeZone", "is required when timeZoneFromProfile is false"));
        }
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "is not an IANA time zone such as Europe/Berlin"));
            }
        }
        if (quietHours != null) {
            quietHours.forEach((day, window) -> {
                if (parseDay(day) == null) {
                    errors.add(new FieldError("quietHours." + day, "is not a weekday: monday to sunday"));
                } else if (window != null && (parseTime(window.from()) == null || parseTime(window.to()) == null)) {
                    errors.add(new FieldError("quietHours." + day, "needs from and to as HH:mm, such as 22:00 and 07:00"));
                }
            });
        }
        if (dailyCap != null && (dailyCap < 0 || dailyCap > MAX_DAILY_CAP)) {
            errors.add(new FieldError("dailyCap", "must be between 0 and " + MAX_DAILY_CAP));
        }
        if (cooldownMinutes != null && (cooldownMinutes < 0 || cooldownMinutes > MAX_COOLDOWN_MINUTES)) {
            errors.add(new FieldError("cooldownMinutes", "must be between 0 and " + MAX_COOLDOWN_MINUTES));
        }
        if (ruleCooldownMinutes != null) {
            ruleCooldownMinutes.forEach((rule, minutes) -> {
                if (!RuleIds.ALL.contains(rule)) {
                    errors.add(new FieldError("ruleCooldownMinutes." + rule, NOT_A_RULE));
                } else if (minutes == null || minutes < 0 || minutes > MAX_COOLDOWN_MINUTES) {
                    errors.add(new FieldError("ruleCooldownMinutes." + rule, "must be between 0 and " + MAX_COOLDOWN_MINUTES));
                }
            });
        }
        if (mutedRules != null) {
            for (String rule : mutedRules) {
                if (!RuleIds.ALL.contains(rule)) {
                    errors.add(new FieldError("mutedRules", "'" + rule + "' " + NOT_A_RULE));
                }
            }
        }
        if (channels != null) {
            for (String channel : channels) {
                if (parseChannel(channel) == null) {
                    errors.add(new FieldError("channels", "'" + channel + "' is not a channel: stream, webhook or email"));
                }
            }
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "is not an e-mail address"));
        }
        return errors;
    }

    /** These preferences with {@code channel} off; channels left out meant the default ones. */
    PreferencesView withoutChannel(Channel channel) {
        Set<String> on = new TreeSet<>();
        if (channels == null) {
            NudgePreferences.defaults(DEFAULT_ZONE).channels().forEach(each -> on.add(each.wireName()));
        } else {
            on.addAll(channels);
        }
        on.remove(channel.wireName());
        return new PreferencesView(timeZone, timeZoneFromProfile, quietHours, dailyCap, cooldownMinutes, ruleCooldownMinutes,
                snoozedUntil, mutedRules, on, email);
    }

    /** What is kept of them: a zone that follows the profile is not pinned to the one a GET showed. */
    PreferencesView toStore() {
        String pinned = Boolean.TRUE.equals(timeZoneFromProfile) ? null : timeZone;
        return new PreferencesView(pinned, null, quietHours, dailyCap, cooldownMinutes, ruleCooldownMinutes, snoozedUntil, mutedRules,
                channels, email);
    }

    /**
     * These preferences with the defaults filled in, the zone from {@code profileZone} when they name
     * none (and UTC when that is null too); call only when {@link #errors()} is empty.
     */
    NudgePreferences toPolicy(ZoneId profileZone) {
        ZoneId zone = timeZone != null ? ZoneId.of(timeZone) : profileZone != null ? profileZone : DEFAULT_ZONE;
        NudgePreferences defaults = NudgePreferences.defaults(zone);
        Map<DayOfWeek, QuietHours> quiet = new EnumMap<>(DayOfWeek.class);
        if (quietHours == null) {
            quiet.putAll(defaults.quietHours());
        } else {
            quietHours.forEach((day, window) -> {
                if (window != null) {
                    quiet.put(parseDay(day), new QuietHours(parseTime(window.from()), parseTime(window.to())));
                }
            });
        }
        Map<String, Duration> ruleCooldowns = new LinkedHashMap<>();
        if (ruleCooldownMinutes != null) {
            ruleCooldownMinutes.forEach((rule, minutes) -> ruleCooldowns.put(rule, Duration.ofMinutes(minutes)));
        }
        Set<Channel> on = EnumSet.noneOf(Channel.class);
        if (channels == null) {
            on.addAll(defaults.channels());
        } else {
            channels.forEach(channel -> on.add(parseChannel(channel)));
        }
        return new NudgePreferences(defaults.zone(), quiet, dailyCap == null ? defaults.dailyCap() : dailyCap,
                cooldownMinutes == null ? defaults.cooldown() : Duration.ofMinutes(cooldownMinutes), ruleCooldowns, snoozedUntil,
                mutedRules == null ? Set.of() : Set.copyOf(mutedRules), on);
    }

    private static String dayName(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    private static DayOfWeek parseDay(String day) {
        for (DayOfWeek candidate : DayOfWeek.values()) {
            if (dayName(candidate).equals(day)) {
                return candidate;
            }
        }
        return null;
    }

    private static LocalTime parseTime(String time) {
        try {
            return time == null ? null : LocalTime.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Channel parseChannel(String channel) {
        return Channel.fromWireName(channel).orElse(null);
    }
}
