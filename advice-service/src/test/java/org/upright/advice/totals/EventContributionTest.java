package org.upright.advice.totals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.upright.advice.rules.TestRules;
import org.upright.events.ActivityEvent;
import org.upright.events.EventType;
import org.upright.events.Intensity;

class EventContributionTest {

    private static final Counting COUNTING = Counting.from(TestRules.defaults());
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "{0} min at {1} METs: {2} moderate, {3} vigorous, {4} moderate-equivalent")
    @CsvSource({
        "30, 2.9,  0,  0,  0",
        "30, 3.0,  30, 0,  30",
        "30, 5.9,  30, 0,  30",
        "30, 6.0,  0,  30, 60",
        "75, 8.0,  0,  75, 150",   // 75 vigorous minutes meet the target on their own
        "150, 4.0, 150, 0, 150",
        "1, 3.0,   1,  0,  1",     // bouts of any length count
    })
    void metsDecideTheBandAndAVigorousMinuteCountsTwice(int minutes, double mets, double moderate, double vigorous, double equivalent) {
        WeekFigures week = week(exercise("2026-11-24T07:00:00+01:00", minutes, null, mets, null));
        assertEquals(moderate, week.moderateMinutes());
        assertEquals(vigorous, week.vigorousMinutes());
        assertEquals(equivalent, week.moderateEquivalentMinutes());
    }

    @ParameterizedTest(name = "{0}, muscle-strengthening {1}: {2} strength days")
    @CsvSource(nullValues = "null", value = {
        "strength-training, null,  1",
        "strength-training, false, 0",
        "yoga,              true,  1",
        "running,           null,  0",
    })
    void strengthCountsWhenStatedOrWhenItIsStrengthTraining(String activity, Boolean strengthening, int days) {
        WeekFigures week = week(event(EventType.EXERCISE, "2026-11-24T18:00:00+01:00", 45, e -> e.activity(activity).strengthening(strengthening)));
        assertEquals(days, week.strengthDays());
    }

    @Test
    void twoStrengthSessionsOnOneDayAreOneStrengthDay() {
        WeekFigures week = week(strength("2026-11-24T07:00:00+01:00"), strength("2026-11-24T18:00:00+01:00"),
                strength("2026-11-26T18:00:00+01:00"));
        assertEquals(2, week.strengthDays());
    }

    @ParameterizedTest(name = "strength session at {0} counts on {1}")
    @CsvSource({
        "2026-11-24T23:30:00+00:00, 2026-11-25",   // 00:30 in Berlin: the next local day
        "2026-11-29T23:30:00+00:00, 2026-11-30",   // and so the next ISO week
        "2026-11-24T22:30:00-05:00, 2026-11-25",
    })
    void oneOffsCountOnTheLocalDayTheyStarted(String start, LocalDate day) {
        Map<LocalDate, DayFigures> days = EventContribution.of(strength(start), BERLIN, null, COUNTING);
        assertEquals(Set.of(day), days.keySet());
        assertEquals(1, days.get(day).strengthSessions());
    }

    @ParameterizedTest(name = "{0} for {1} min in {2}")
    @CsvSource({
        // sitting from 23:00 to 01:30 local: split at local midnight
        "2026-11-24T23:00:00+01:00, 150, Europe/Berlin,     2026-11-24=60 2026-11-25=90",
        // the same instants seen from New York are all on the 24th
        "2026-11-24T23:00:00+01:00, 150, America/New_York,  2026-11-24=150",
        // and from Tokyo, the 25th
        "2026-11-24T23:00:00+01:00, 150, Asia/Tokyo,        2026-11-25=150",
        // Sunday night into Monday: the days fall in two ISO weeks
        "2026-11-29T23:30:00+01:00, 60,  Europe/Berlin,     2026-11-29=30 2026-11-30=30",
        // the autumn DST night in Berlin: 00:00 to 04:00 local is five hours of sitting
        "2026-10-25T00:00:00+02:00, 300, Europe/Berlin,     2026-10-25=300",
    })
    void sittingIsSplitAtLocalMidnight(String start, int minutes, ZoneId zone, String expected) {
        Map<LocalDate, DayFigures> days = EventContribution.of(sitting(start, minutes), zone, null, COUNTING);
        Map<String, Long> sat = new TreeMap<>();
        days.forEach((day, figures) -> sat.put(day.toString(), figures.sittingSeconds() / 60));
        Map<String, Long> wanted = new TreeMap<>();
        for (String part : expected.split(" ")) {
            wanted.put(part.split("=")[0], Long.parseLong(part.split("=")[1]));
        }
        assertEquals(wanted, sat);
    }

    @ParameterizedTest(name = "a bout of {0} min: longest {0}, long {1}")
    @CsvSource({"59, 0", "60, 1", "150, 1"})
    void aBoutOfAnHourOrMoreIsLong(int minutes, int longBouts) {
        WeekFigures week = week(sitting("2026-11-24T09:00:00+01:00", minutes), sitting("2026-11-24T14:00:00+01:00", 20));
        assertEquals(minutes * 60L, week.total().longestBoutSeconds());
        assertEquals(longBouts, week.total().longBouts());
        assertEquals((minutes + 20) * 60L, week.total().sittingSeconds());
    }

    @Test
    void anOpenBoutAddsNothingUntilItCloses() {
        ActivityEvent open = event(EventType.SITTING, "2026-11-24T09:00:00+01:00", 0, e -> e.open());
        assertEquals(Map.of(), EventContribution.of(open, BERLIN, null, COUNTING));
    }

    @ParameterizedTest(name = "{0}: poor {1}")
    @CsvSource({"slouched, true", "hunched, true", "leaning-forward, true", "upright, false", "reclined, false"})
    void postureCountsAsObservedAndPoorWhenItIs(String posture, boolean poor) {
        WeekFigures week = week(event(EventType.POSTURE, "2026-11-24T10:00:00+01:00", 40, e -> e.posture(posture)));
        assertEquals(40 * 60L, week.total().postureSeconds());
        assertEquals(poor ? 40 * 60L : 0, week.total().poorPostureSeconds());
    }

    @Test
    void poorPostureShareIsOfSittingTimeAndElseOfObservedTime() {
        ActivityEvent slouch = event(EventType.POSTURE, "2026-11-24T10:00:00+01:00", 30, e -> e.posture("slouched"));
        ActivityEvent upright = event(EventType.POSTURE, "2026-11-24T11:00:00+01:00", 90, e -> e.posture("upright"));
        assertEquals(0.25, week(slouch, upright).poorPostureShare().getAsDouble());
        assertEquals(0.3, week(slouch, upright, sitting("2026-11-24T09:00:00+01:00", 100)).poorPostureShare().getAsDouble());
        assertEquals(true, week(sitting("2026-11-24T09:00:00+01:00", 100)).poorPostureShare().isPresent());
        assertEquals(true, week().poorPostureShare().isEmpty());
    }

    @ParameterizedTest(name = "stress level {0} for 30 min: {1} high-stress minutes")
    @CsvSource({"69, 0", "70, 30", "100, 30", "0, 0"})
    void stressCountsFromTheHighLevel(int level, int highMinutes) {
        WeekFigures week = week(event(EventType.STRESS, "2026-11-24T10:00:00+01:00", 30, e -> e.level(level)));
        assertEquals(highMinutes * 60L, week.total().highStressSeconds());
    }

    @Test
    void painCountsDaysAndTheWorstSeverity() {
        WeekFigures week = week(symptom("2026-11-24T08:00:00+01:00", 3), symptom("2026-11-24T20:00:00+01:00", 6),
                symptom("2026-11-26T08:00:00+01:00", 2));
        assertEquals(2, week.painDays());
        assertEquals(3, week.total().painReports());
        assertEquals(6, week.total().maxPainSeverity());
    }

    @Test
    void stretchBreaksAreCounted() {
        WeekFigures week = week(event(EventType.STRETCH, "2026-11-24T10:00:00+01:00", 3, e -> { }),
                event(EventType.STRETCH, "2026-11-25T10:00:00+01:00", 3, e -> { }));
        assertEquals(2, week.total().stretchBreaks());
    }

    @Test
    void theOrderEventsArriveInDoesNotChangeTheWeek() {
        List<ActivityEvent> events = new ArrayList<>(List.of(
                exercise("2026-11-24T07:00:00+01:00", 30, Intensity.VIGOROUS, null, null),
                strength("2026-11-29T23:30:00+01:00"),
                sitting("2026-11-24T23:00:00+01:00", 150),
                sitting("2026-11-25T09:00:00+01:00", 65),
                symptom("2026-11-26T08:00:00+01:00", 5),
                symptom("2026-11-23T08:00:00+01:00", 2),
                event(EventType.POSTURE, "2026-11-25T10:00:00+01:00", 40, e -> e.posture("hunched"))));
        WeekFigures inOrder = week(events.toArray(ActivityEvent[]::new));
        Random random = new Random(7);
        for (int shuffle = 0; shuffle < 20; shuffle++) {
            Collections.shuffle(events, random);
            assertEquals(inOrder, week(events.toArray(ActivityEvent[]::new)));
        }
    }

    @Test
    void lightExerciseAddsNoAerobicMinutes() {
        WeekFigures week = week(exercise("2026-11-24T07:00:00+01:00", 60, Intensity.LIGHT, null, null));
        assertEquals(0.0, week.moderateEquivalentMinutes());
    }

    private static WeekFigures week(ActivityEvent... events) {
        TreeMap<LocalDate, DayFigures> days = new TreeMap<>();
        for (ActivityEvent event : events) {
            EventContribution.of(event, BERLIN, null, COUNTING).forEach((day, figures) -> days.merge(day, figures, DayFigures::plus));
        }
        return WeekFigures.of(IsoWeek.parse("2026-W48"), days);
    }

    private static ActivityEvent exercise(String start, int minutes, Intensity intensity, Double mets, Boolean strengthening) {
        return event(EventType.EXERCISE, start, minutes, e -> e.activity("cycling").intensity(intensity).mets(mets).strengthening(strengthening));
    }

    private static ActivityEvent strength(String start) {
        return event(EventType.EXERCISE, start, 30, e -> e.activity("strength-training"));
    }

    private static ActivityEvent sitting(String start, int minutes) {
        return event(EventType.SITTING, start, minutes, e -> { });
    }

    private static ActivityEvent symptom(String start, int severity) {
        return event(EventType.SYMPTOM, start, 0, e -> e.severity(severity));
    }

    static ActivityEvent event(EventType type, String start, int minutes, java.util.function.Consumer<Fields> fields) {
        Fields f = new Fields();
        fields.accept(f);
        OffsetDateTime from = OffsetDateTime.parse(start);
        return new ActivityEvent(UUID.randomUUID(), "u", "test", type, from, f.open ? null : from.plusMinutes(minutes), null,
                f.activity, f.intensity, f.mets, null, f.strengthening, f.posture, f.level, type == EventType.SYMPTOM ? "lower-back" : null,
                f.severity, type == EventType.SYMPTOM ? "spasm" : null, null, null);
    }

    /** The type-specific fields of a test event. */
    static final class Fields {
        String activity;
        Intensity intensity;
        Double mets;
        Boolean strengthening;
        String posture;
        Integer level;
        Integer severity;
        boolean open;

        Fields activity(String value) { activity = value; return this; }
        Fields intensity(Intensity value) { intensity = value; return this; }
        Fields mets(Double value) { mets = value; return this; }
        Fields strengthening(Boolean value) { strengthening = value; return this; }
        Fields posture(String value) { posture = value; return this; }
        Fields level(int value) { level = value; return this; }
        Fields severity(int value) { severity = value; return this; }
        Fields open() { open = true; return this; }
    }
}
