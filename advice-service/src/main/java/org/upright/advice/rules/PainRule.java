package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.upright.events.AdviceIssued;
import org.upright.events.Severity;

/**
 * {@code pain-see-doctor}: pain that is intense, that does not improve, or that keeps coming back.
 * Pain days belong to one spell unless at least {@code windowDays} days without pain separate them; the rule fires
 * at most once per spell. It never says what the pain is: only that a doctor should see it.
 */
@ApplicationScoped
public class PainRule implements Rule {

    public static final String ID = "pain-see-doctor";
    static final AdviceIssued.Source SOURCE = Source.article("Treatment",
            "Back pain that is intense, that does not get better with care at home, or that keeps coming back "
                    + "is a reason to see a doctor.");

    private final RulesConfig config;

    public PainRule(RulesConfig config) {
        this.config = config;
    }

    @Override
    public Description description() {
        RulesConfig.Pain pain = config.pain();
        return new Description(ID, "Pain a doctor should see",
                ("a pain report of severity %d or more; or pain on %d days within %d; or the %s spell of pain within %d days, "
                        + "each after at least %d days without pain")
                        .formatted(pain.intenseSeverity(), pain.days(), pain.windowDays(), ordinal(pain.recurringSpells()),
                                pain.recurrenceDays(), pain.windowDays()),
                Severity.URGENT, SOURCE);
    }

    /**
     * @param painDays the worst severity of each day with pain, as far back as recurrenceDays allows
     * @param reported the days that just got a pain report: only their spells are judged
     */
    public List<AdviceDraft> evaluate(SortedMap<LocalDate, Integer> painDays, Set<LocalDate> reported) {
        List<List<LocalDate>> spells = spells(painDays);
        List<AdviceDraft> drafts = new ArrayList<>();
        for (int i = 0; i < spells.size(); i++) {
            List<LocalDate> spell = spells.get(i);
            if (spell.stream().anyMatch(reported::contains)) {
                judge(spell, painDays, spells.subList(0, i)).ifPresent(drafts::add);
            }
        }
        return drafts;
    }

    private Optional<AdviceDraft> judge(List<LocalDate> spell, Map<LocalDate, Integer> painDays, List<List<LocalDate>> earlier) {
        RulesConfig.Pain pain = config.pain();
        LocalDate first = spell.get(0);
        LocalDate last = spell.get(spell.size() - 1);
        int worst = spell.stream().mapToInt(painDays::get).max().orElse(0);
        String why;
        double figure;
        double target;
        String unit;
        if (worst >= pain.intenseSeverity()) {
            why = "You reported pain of %d out of 10.".formatted(worst);
            figure = worst;
            target = pain.intenseSeverity();
            unit = "severity";
        } else if (mostDaysInAWindow(spell) >= pain.days()) {
            why = "You have reported pain on %d days within %d days.".formatted(mostDaysInAWindow(spell), pain.windowDays());
            figure = mostDaysInAWindow(spell);
            target = pain.days();
            unit = "pain days in " + pain.windowDays();
        } else {
            long recentSpells = earlier.stream()
                    .filter(other -> ChronoUnit.DAYS.between(other.get(0), first) <= pain.recurrenceDays())
                    .count() + 1;
            if (recentSpells < pain.recurringSpells()) {
                return Optional.empty();
            }
            why = "Your pain has come back: %d spells of it within %d days.".formatted(recentSpells, pain.recurrenceDays());
            figure = recentSpells;
            target = pain.recurringSpells();
            unit = "spells in " + pain.recurrenceDays() + " days";
        }
        String message = why + " Pain that is intense, does not get better with care at home, or keeps coming back is a reason "
                + "to see a doctor, who can find out what is behind it.";
        return Optional.of(new AdviceDraft(ID, "pain:" + first, first + "/" + last.plusDays(1), Severity.URGENT, message,
                figure, target, unit, SOURCE));
    }

    private int mostDaysInAWindow(List<LocalDate> spell) {
        int most = 0;
        for (int from = 0; from < spell.size(); from++) {
            int to = from;
            while (to < spell.size() && ChronoUnit.DAYS.between(spell.get(from), spell.get(to)) < config.pain().windowDays()) {
                to++;
            }
            most = Math.max(most, to - from);
        }
        return most;
    }

    private List<List<LocalDate>> spells(SortedMap<LocalDate, Integer> painDays) {
        List<List<LocalDate>> spells = new ArrayList<>();
        LocalDate previous = null;
        for (LocalDate day : painDays.keySet()) {
            if (previous == null || ChronoUnit.DAYS.between(previous, day) > config.pain().windowDays()) {
                spells.add(new ArrayList<>());
            }
            spells.get(spells.size() - 1).add(day);
            previous = day;
        }
        return spells;
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            default -> n + "th";
        };
    }
}
