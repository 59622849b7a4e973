package org.upright.notification.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;
import org.upright.notification.policy.Decision.Outcome;

class NudgePolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "{0} in {1}: {2} until {3}")
    @CsvSource(nullValues = "-", value = {
        // local time (2026-11-23 is a Monday) | zone | outcome | until (local)
        "2026-11-25T21:59, Europe/Berlin,    PUSH,  -",
        "2026-11-25T22:00, Europe/Berlin,    DELAY, 2026-11-26T07:00",   // Wednesday night, weekday morning
        "2026-11-26T03:00, Europe/Berlin,    DELAY, 2026-11-26T07:00",   // after midnight: last night's window
        "2026-11-26T06:59, Europe/Berlin,    DELAY, 2026-11-26T07:00",
        "2026-11-26T07:00, Europe/Berlin,    PUSH,  -",
        "2026-11-27T23:00, Europe/Berlin,    DELAY, 2026-11-28T09:00",   // Friday night ends with a weekend morning
        "2026-11-28T08:30, Europe/Berlin,    DELAY, 2026-11-28T09:00",
        "2026-11-29T22:30, Europe/Berlin,    DELAY, 2026-11-30T07:00",   // Sunday night, Monday is a weekday
        "2026-11-25T22:30, America/New_York, DELAY, 2026-11-26T07:00",   // the person's own zone, west
        "2026-11-25T06:00, Asia/Tokyo,       DELAY, 2026-11-25T07:00",   // and east
        "2026-11-25T12:00, Asia/Tokyo,       PUSH,  -",
        "2026-03-29T01:30, Europe/Berlin,    DELAY, 2026-03-29T09:00",   // the spring-forward night (a Sunday)
    })
    void quietHoursDelayUntilTheyEndInThePersonsZone(LocalDateTime local, ZoneId zone, Outcome outcome, LocalDateTime until) {
        Instant now = local.atZone(zone).toInstant();
        Decision decision = decide(advice("cdc-aerobic", Severity.INFO, now), Channel.WEBHOOK, NudgePreferences.defaults(zone), none(), now);

        assertEquals(outcome, decision.outcome(), decision.reason());
        if (until != null) {
            assertEquals(until.atZone(zone).toInstant(), decision.at());
        }
    }

    @ParameterizedTest(name = "{0} quiet {1}-{2} at {3}: {4}")
    @CsvSource(nullValues = "-", value = {
        "WEDNESDAY, 13:00, 14:00, 13:30, DELAY",   // a same-day window
        "WEDNESDAY, 13:00, 14:00, 14:00, PUSH",
        "WEDNESDAY, 10:00, 10:00, 10:00, PUSH",    // from equal to to: no window
        "TUESDAY,   22:00, 07:00, 03:00, DELAY",   // Tuesday's window runs into Wednesday
        "THURSDAY,  22:00, 07:00, 03:00, PUSH",    // Thursday's does not cover Wednesday morning
    })
    void windowsBelongToTheDayTheyStart(DayOfWeek day, LocalTime from, LocalTime to, LocalTime at, Outcome outcome) {
        Map<DayOfWeek, QuietHours> quiet = new EnumMap<>(DayOfWeek.class);
        quiet.put(day, new QuietHours(from, to));
        NudgePreferences preferences = with(NudgePreferences.defaults(BERLIN), quiet);
        Instant now = LocalDate.parse("2026-11-25").atTime(at).atZone(BERLIN).toInstant(); // a Wednesday

        assertEquals(outcome, decide(advice("cdc-aerobic", Severity.INFO, now), Channel.EMAIL, preferences, none(), now).outcome());
    }

    @ParameterizedTest(name = "{0} issued {1} min before {2} on {3}: {4}")
    @CsvSource({
        // a sitting nudge delayed from 22:10 to 07:00 is worthless by then
        "sitting-hourly-break, INFO,   10,  2026-11-25T22:10, WEBHOOK, SUPPRESS",
        "sitting-hourly-break, INFO,   61,  2026-11-25T15:00, WEBHOOK, SUPPRESS",  // stale already
        "sitting-hourly-break, INFO,   10,  2026-11-25T15:00, WEBHOOK, PUSH",
        "cdc-aerobic,          INFO,   10,  2026-11-25T22:10, WEBHOOK, DELAY",     // a week's pacing keeps
        // urgent advice: on the live stream at once, by e-mail and webhook after quiet hours
        "pain-see-doctor,      URGENT, 1,   2026-11-25T23:00, STREAM,  PUSH",
        "pain-see-doctor,      URGENT, 1,   2026-11-25T23:00, EMAIL,   DELAY",
        "pain-see-doctor,      URGENT, 1,   2026-11-25T23:00, WEBHOOK, DELAY",
    })
    void staleNudgesAreDroppedAndUrgentOnesReachTheStreamAtNight(String rule, Severity severity, int minutesAgo, LocalDateTime local,
                                                                Channel channel, Outcome outcome) {
        Instant now = local.atZone(BERLIN).toInstant();
        AdviceIssued advice = advice(rule, severity, now.minus(Duration.ofMinutes(minutesAgo)));
        Decision decision = decide(advice, channel, NudgePreferences.defaults(BERLIN), none(), now);

        assertEquals(outcome, decision.outcome(), decision.reason());
    }

    @ParameterizedTest(name = "{2} pushed today, {0} last pushed {1} min ago, {3}: {4}")
    @CsvSource(nullValues = "-", value = {
        "cdc-aerobic,     -,   5, INFO,   PUSH,     pushed",
        "cdc-aerobic,     -,   6, INFO,   SUPPRESS, daily cap",
        "pain-see-doctor, -,   6, URGENT, PUSH,     pushed",      // never capped
        "posture-poor,    119, 0, INFO,   SUPPRESS, cooldown",
        "posture-poor,    120, 0, INFO,   PUSH,     pushed",
        "pain-see-doctor, 10,  0, URGENT, PUSH,     pushed",      // no cooldown either
    })
    void theDailyCapAndTheCooldownHoldExceptForUrgentAdvice(String rule, Integer lastPushedMinutesAgo, int pushedToday, Severity severity,
                                                           Outcome outcome, String reason) {
        Instant now = LocalDateTime.parse("2026-11-25T15:00").atZone(BERLIN).toInstant();
        PushHistory history = history(pushedToday, lastPushedMinutesAgo == null ? null : now.minus(Duration.ofMinutes(lastPushedMinutesAgo)));
        Decision decision = decide(advice(rule, severity, now), Channel.WEBHOOK, NudgePreferences.defaults(BERLIN), history, now);

        assertEquals(outcome, decision.outcome(), decision.reason());
        assertTrue(decision.reason().startsWith(reason), decision.reason());
    }

    @Test
    void aRulesOwnCooldownOverridesTheDefault() {
        Instant now = LocalDateTime.parse("2026-11-25T15:00").atZone(BERLIN).toInstant();
        NudgePreferences defaults = NudgePreferences.defaults(BERLIN);
        NudgePreferences preferences = new NudgePreferences(BERLIN, defaults.quietHours(), 6, Duration.ofHours(2),
                Map.of("sitting-hourly-break", Duration.ofMinutes(30)), null, Set.of(), defaults.channels());
        PushHistory history = history(1, now.minus(Duration.ofMinutes(31)));

        assertEquals(Outcome.PUSH, decide(advice("sitting-hourly-break", Severity.INFO, now), Channel.STREAM, preferences, history, now).outcome());
        assertEquals(Outcome.SUPPRESS, decide(advice("posture-poor", Severity.INFO, now), Channel.STREAM, preferences,
                history(1, now.minus(Duration.ofMinutes(31))), now).outcome());
    }

    @ParameterizedTest(name = "snoozed {0} min from now, muted {1}, {2}: {3}")
    @CsvSource({
        "30,  false, INFO,   SUPPRESS",
        "-30, false, INFO,   PUSH",     // the snooze is over
        "30,  false, URGENT, PUSH",
        "0,   true,  INFO,   SUPPRESS",
        "0,   true,  URGENT, PUSH",     // never muted
    })
    void snoozedAndMutedAdviceIsNotPushedUnlessUrgent(int snoozeMinutes, boolean muted, Severity severity, Outcome outcome) {
        Instant now = LocalDateTime.parse("2026-11-25T15:00").atZone(BERLIN).toInstant();
        NudgePreferences defaults = NudgePreferences.defaults(BERLIN);
        String rule = severity == Severity.URGENT ? "pain-see-doctor" : "stress-high";
        NudgePreferences preferences = new NudgePreferences(BERLIN, defaults.quietHours(), 6, Duration.ofHours(2), Map.of(),
                snoozeMinutes == 0 ? null : now.plus(Duration.ofMinutes(snoozeMinutes)), muted ? Set.of(rule) : Set.of(), defaults.channels());

        assertEquals(outcome, decide(advice(rule, severity, now), Channel.EMAIL, preferences, none(), now).outcome());
    }

    @Test
    void onlyTheChannelsThatAreOnGetADecision() {
        Instant now = LocalDateTime.parse("2026-11-25T15:00").atZone(BERLIN).toInstant();
        NudgePreferences defaults = NudgePreferences.defaults(BERLIN);
        NudgePreferences emailOnly = new NudgePreferences(BERLIN, defaults.quietHours(), 6, Duration.ofHours(2), Map.of(), null, Set.of(),
                EnumSet.of(Channel.EMAIL));

        List<Decision> decisions = NudgePolicy.decide(advice("cdc-aerobic", Severity.INFO, now), emailOnly, none(), now);
        assertEquals(List.of(Channel.EMAIL), decisions.stream().map(Decision::channel).toList());
        assertEquals(3, NudgePolicy.decide(advice("cdc-aerobic", Severity.INFO, now), defaults, none(), now).size());
    }

    private static Decision decide(AdviceIssued advice, Channel channel, NudgePreferences preferences, PushHistory history, Instant now) {
        return NudgePolicy.decide(advice, channel, preferences, history, now);
    }

    private static NudgePreferences with(NudgePreferences base, Map<DayOfWeek, QuietHours> quiet) {
        return new NudgePreferences(base.zone(), quiet, base.dailyCap(), base.cooldown(), base.ruleCooldowns(), base.snoozedUntil(),
                base.mutedRules(), base.channels());
    }

    private static AdviceIssued advice(String rule, Severity severity, Instant issuedAt) {
        return new AdviceIssued(UUID.randomUUID(), "alice", rule, severity, "message", 1, 2, "min",
                new AdviceIssued.Source("doc", "section", "point"), "2026-W48", issuedAt);
    }

    private static PushHistory none() {
        return history(0, null);
    }

    private static PushHistory history(int pushedToday, Instant lastPush) {
        return new PushHistory() {
            @Override
            public int pushedOn(LocalDate day) {
                return pushedToday;
            }

            @Override
            public Optional<Instant> lastPushOf(String ruleId) {
                return Optional.ofNullable(lastPush);
            }
        };
    }
}
