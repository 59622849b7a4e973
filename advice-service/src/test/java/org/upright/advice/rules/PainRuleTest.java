package org.upright.advice.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.upright.events.Severity;

class PainRuleTest {

    private final PainRule rule = new PainRule(TestRules.defaults());

    @ParameterizedTest(name = "{0} (just reported {1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
        // day=severity ...                                    | just reported | cause fired, or none
        "2026-11-24=6                                          | 2026-11-24    | none",
        "2026-11-24=7                                          | 2026-11-24    | pain:2026-11-24",        // intense
        "2026-11-24=10                                         | 2026-11-24    | pain:2026-11-24",
        "2026-11-20=3 2026-11-24=2                             | 2026-11-24    | none",
        "2026-11-20=3 2026-11-24=2 2026-11-30=1                | 2026-11-30    | pain:2026-11-20",        // 3 days within 14
        "2026-11-01=3 2026-11-14=2 2026-11-27=1                | 2026-11-27    | none",                   // never 3 within 14 days
        "2026-10-01=8 2026-11-24=2                             | 2026-11-24    | none",                   // the intense spell is an old one
        "2026-10-01=8 2026-11-24=2                             | 2026-10-01    | pain:2026-10-01",        // late report of it
        // a third spell within 90 days, each after at least 14 days without pain: it keeps coming back
        "2026-09-01=2 2026-10-01=2 2026-11-01=2                | 2026-11-01    | pain:2026-11-01",
        "2026-08-01=2 2026-10-01=2 2026-11-01=2                | 2026-11-01    | none",                   // the first was 92 days before
        "2026-10-01=2 2026-11-01=2                             | 2026-11-01    | none",                   // only the second
        "2026-11-01=2 2026-11-14=2                             | 2026-11-14    | none",                   // 12 days apart: one spell
    })
    void firesOncePerSpellThatIsIntensePersistentOrRecurring(String days, LocalDate reported, String expected) {
        SortedMap<LocalDate, Integer> painDays = new TreeMap<>();
        for (String part : days.trim().split("\\s+")) {
            painDays.put(LocalDate.parse(part.split("=")[0]), Integer.parseInt(part.split("=")[1]));
        }
        List<AdviceDraft> drafts = rule.evaluate(painDays, Set.of(reported));

        assertEquals(expected.equals("none") ? List.of() : List.of(expected), drafts.stream().map(AdviceDraft::cause).toList());
        drafts.forEach(draft -> {
            assertEquals(Severity.URGENT, draft.severity());
            assertEquals("Treatment", draft.source().section());
        });
    }
}
