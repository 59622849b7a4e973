package org.upright.notification.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/**
 * Decides, for each channel a person has on, whether an advice is pushed now, later or not at all.
 * In this order: muted, snoozed, cooldown and the daily cap suppress it, except urgent advice, which
 * none of them hold back; quiet hours delay it until they end, or drop it if it is stale by then,
 * except urgent advice on the live stream. A nudge that would come too late to help is stale: a
 * sitting nudge an hour after it was issued, a day's verdict the next evening.
 */
public final class NudgePolicy {

    /** How long advice of a rule is worth pushing; anything else keeps for three days. */
    static final Map<String, Duration> FRESH_FOR = Map.of(
            "sitting-hourly-break", Duration.ofHours(1),
            "sitting-long-day", Duration.ofHours(12),
            "stress-high", Duration.ofHours(12),
            "pain-see-doctor", Duration.ofDays(7));
    static final Duration DEFAULT_FRESH_FOR = Duration.ofDays(3);

    private NudgePolicy() {
    }

    public static List<Decision> decide(AdviceIssued advice, NudgePreferences preferences, PushHistory history, Instant now) {
        List<Decision> decisions = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            if (preferences.channels().contains(channel)) {
                decisions.add(decide(advice, channel, preferences, history, now));
            }
        }
        return decisions;
    }

    /** The decision for one channel, as {@link #decide(AdviceIssued, NudgePreferences, PushHistory, Instant)} makes it for each. */
    public static Decision decide(AdviceIssued advice, Channel channel, NudgePreferences preferences, PushHistory history, Instant now) {
        boolean urgent = advice.severity() == Severity.URGENT;
        Instant staleAt = advice.issuedAt().plus(FRESH_FOR.getOrDefault(advice.ruleId(), DEFAULT_FRESH_FOR));
        if (!now.isBefore(staleAt)) {
            return Decision.suppress(channel, now, "stale: worth pushing until " + staleAt);
        }
        if (!urgent) {
            if (preferences.mutedRules().contains(advice.ruleId())) {
                return Decision.suppress(channel, now, "muted: " + advice.ruleId());
            }
            if (preferences.snoozedUntil() != null && now.isBefore(preferences.snoozedUntil())) {
                return Decision.suppress(channel, now, "snoozed until " + preferences.snoozedUntil());
            }
            Optional<Instant> last = history.lastPushOf(advice.ruleId());
            Duration cooldown = preferences.cooldownOf(advice.ruleId());
            if (last.isPresent() && now.isBefore(last.get().plus(cooldown))) {
                return Decision.suppress(channel, now, "cooldown: " + advice.ruleId() + " was pushed at " + last.get()
                        + ", at most once in " + cooldown.toMinutes() + " minutes");
            }
            LocalDate today = now.atZone(preferences.zone()).toLocalDate();
            if (history.pushedOn(today) >= preferences.dailyCap()) {
                return Decision.suppress(channel, now, "daily cap: " + preferences.dailyCap() + " nudges pushed today");
            }
        }
        Optional<Instant> quietUntil = quietUntil(preferences, now);
        if (quietUntil.isEmpty() || (urgent && channel == Channel.STREAM)) {
            return Decision.push(channel, now);
        }
        if (!quietUntil.get().isBefore(staleAt)) {
            return Decision.suppress(channel, now, "quiet hours: stale by the time they end at " + quietUntil.get());
        }
        return Decision.delay(channel, quietUntil.get());
    }

    /** When the quiet hours {@code now} falls in end; empty outside them. */
    static Optional<Instant> quietUntil(NudgePreferences preferences, Instant now) {
        ZonedDateTime local = now.atZone(preferences.zone());
        LocalDate today = local.toLocalDate();
        // last night's window may still run this morning
        QuietHours lastNight = preferences.quietHours().get(today.minusDays(1).getDayOfWeek());
        if (lastNight != null && !lastNight.isEmpty() && lastNight.crossesMidnight() && local.toLocalTime().isBefore(lastNight.to())) {
            return Optional.of(ZonedDateTime.of(today, lastNight.to(), preferences.zone()).toInstant());
        }
        QuietHours tonight = preferences.quietHours().get(today.getDayOfWeek());
        if (tonight == null || tonight.isEmpty() || local.toLocalTime().isBefore(tonight.from())) {
            return Optional.empty();
        }
        if (tonight.crossesMidnight()) {
            return Optional.of(ZonedDateTime.of(today.plusDays(1), tonight.to(), preferences.zone()).toInstant());
        }
        return local.toLocalTime().isBefore(tonight.to())
                ? Optional.of(ZonedDateTime.of(today, tonight.to(), preferences.zone()).toInstant())
                : Optional.empty();
    }
}
