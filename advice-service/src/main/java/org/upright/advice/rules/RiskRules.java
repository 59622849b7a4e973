package org.upright.advice.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.upright.advice.sitting.SittingBouts;
import org.upright.advice.totals.DayFigures;
import org.upright.advice.totals.DayTotals;
import org.upright.advice.totals.ExerciseKinds;
import org.upright.advice.totals.IsoWeek;
import org.upright.advice.totals.UserDay;
import org.upright.advice.totals.WeekFigures;

/**
 * The rules that watch what just happened, run after each batch in its transaction: each looks only
 * at the days and weeks the batch changed, with the history it needs read in one query, and the
 * batch's advice is issued together.
 */
@ApplicationScoped
public class RiskRules {

    @Inject
    RulesConfig config;

    @Inject
    DayTotals dayTotals;

    @Inject
    AdviceIssuer issuer;

    @Inject
    SittingBreakRule sittingBreak;

    @Inject
    LongDayRule longDay;

    @Inject
    StressRule stress;

    @Inject
    PostureRule posture;

    @Inject
    OveruseRule overuse;

    @Inject
    PainRule pain;

    /**
     * @param additions   what the batch added to each person-day
     * @param closedBouts the sitting bouts the batch closed
     * @param newKinds    sessions of activities new to people who had recorded others
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterBatch(Map<UserDay, DayFigures> additions, List<SittingBouts.Bout> closedBouts, List<ExerciseKinds.Session> newKinds) {
        List<AdviceIssuer.Issue> issues = new ArrayList<>();
        for (SittingBouts.Bout bout : closedBouts) {
            sittingBreak.sat(bout.boutId(), bout.start(), bout.end())
                    .ifPresent(draft -> issues.add(new AdviceIssuer.Issue(bout.userId(), draft)));
        }
        for (ExerciseKinds.Session session : newKinds) {
            issues.add(new AdviceIssuer.Issue(session.userId(), overuse.newActivity(session.activity(), session.day(), session.minutes())));
        }
        if (!additions.isEmpty()) {
            judgeChangedDaysAndWeeks(additions, issues);
        }
        issuer.issueAll(issues);
    }

    private void judgeChangedDaysAndWeeks(Map<UserDay, DayFigures> additions, List<AdviceIssuer.Issue> issues) {
        Map<String, TreeMap<LocalDate, DayFigures>> history = history(additions.keySet());
        Set<WeekOf> weeks = additions.keySet().stream().map(key -> new WeekOf(key.userId(), key.week())).collect(Collectors.toSet());
        additions.forEach((key, added) -> {
            DayFigures day = history.get(key.userId()).get(key.day());
            if (added.sittingSeconds() > 0) {
                longDay.evaluate(key.day(), day).ifPresent(draft -> issues.add(new AdviceIssuer.Issue(key.userId(), draft)));
            }
            if (added.highStressSeconds() > 0) {
                stress.evaluate(key.day(), day).ifPresent(draft -> issues.add(new AdviceIssuer.Issue(key.userId(), draft)));
            }
        });
        for (WeekOf weekOf : weeks) {
            TreeMap<LocalDate, DayFigures> days = history.get(weekOf.userId());
            WeekFigures week = WeekFigures.of(weekOf.week(), days);
            posture.evaluate(week).ifPresent(draft -> issues.add(new AdviceIssuer.Issue(weekOf.userId(), draft)));
            overuse.spike(week, weeksBefore(weekOf.week(), days))
                    .ifPresent(draft -> issues.add(new AdviceIssuer.Issue(weekOf.userId(), draft)));
        }
        additions.keySet().stream()
                .filter(key -> additions.get(key).painReports() > 0)
                .collect(Collectors.groupingBy(UserDay::userId, Collectors.mapping(UserDay::day, Collectors.toSet())))
                .forEach((userId, reported) -> pain.evaluate(painDays(history.get(userId)), reported)
                        .forEach(draft -> issues.add(new AdviceIssuer.Issue(userId, draft))));
    }

    /** The weeks before {@code week} that overuse and stay-active compare with, oldest first. */
    List<WeekFigures> weeksBefore(IsoWeek week, TreeMap<LocalDate, DayFigures> days) {
        List<WeekFigures> before = new ArrayList<>();
        for (int back = config.overuse().baselineWeeks(); back >= 1; back--) {
            before.add(WeekFigures.of(week.minus(back), days));
        }
        return before;
    }

    static SortedMap<LocalDate, Integer> painDays(SortedMap<LocalDate, DayFigures> days) {
        SortedMap<LocalDate, Integer> pain = new TreeMap<>();
        days.forEach((day, figures) -> {
            if (figures.painReports() > 0) {
                pain.put(day, figures.maxPainSeverity());
            }
        });
        return pain;
    }

    /**
     * Each person's days from {@code backDays} before their first changed day to the Sunday of their
     * last: what every rule looks back on, whoever else is in the batch.
     */
    private Map<String, TreeMap<LocalDate, DayFigures>> history(Collection<UserDay> changed) {
        long backDays = Math.max(config.pain().recurrenceDays() + config.pain().windowDays(), 7L * (config.overuse().baselineWeeks() + 1));
        Map<String, LocalDate> first = new HashMap<>();
        Map<String, LocalDate> last = new HashMap<>();
        for (UserDay day : changed) {
            first.merge(day.userId(), day.day(), (a, b) -> a.isBefore(b) ? a : b);
            last.merge(day.userId(), day.day(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return dayTotals.days(first.keySet().stream()
                .map(userId -> new DayTotals.Span(userId, first.get(userId).minusDays(backDays), IsoWeek.of(last.get(userId)).sunday()))
                .toList());
    }

    private record WeekOf(String userId, IsoWeek week) {
    }
}
