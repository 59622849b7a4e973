package org.upright.advice.review;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.upright.advice.review.ReviewMarks.Mark;
import org.upright.advice.review.ReviewMarks.PersonWeek;
import org.upright.advice.rules.AdviceDraft;
import org.upright.advice.rules.AdviceIssuer;
import org.upright.advice.rules.AerobicRule;
import org.upright.advice.rules.RulesConfig;
import org.upright.advice.rules.StayActiveRule;
import org.upright.advice.rules.StrengthRule;
import org.upright.advice.rules.WeeklySummaryRule;
import org.upright.advice.totals.DayFigures;
import org.upright.advice.totals.DayTotals;
import org.upright.advice.totals.IsoWeek;
import org.upright.advice.totals.WeekFigures;

/**
 * The rules that judge a week by the clock rather than by an event: the mid-week pacing nudges
 * (cdc-aerobic, cdc-strength) and, once the week is over, their verdicts, stay-active and the
 * weekly summary. Times are in each person's zone. It looks at people active in the last two
 * weeks; a review missed while the service was down is made as soon as it is back, within the
 * following week.
 */
@ApplicationScoped
public class WeekReview {

    private static final Logger LOG = Logger.getLogger(WeekReview.class);
    /** The rules a summary lists as the risk factors that showed up. */
    static final List<String> RISK_RULES = List.of("sitting-hourly-break", "sitting-long-day", "posture-poor",
            "overuse-spike", "stress-high", "pain-see-doctor");
    /** People reviewed in one transaction: a few statements for all of them, rather than a few each. */
    private static final int PEOPLE_AT_ONCE = 200;

    @Inject
    RulesConfig config;

    @Inject
    DayTotals dayTotals;

    @Inject
    AdviceIssuer issuer;

    @Inject
    AerobicRule aerobic;

    @Inject
    StrengthRule strength;

    @Inject
    StayActiveRule stayActive;

    @Inject
    WeeklySummaryRule summary;

    @Inject
    ReviewMarks marks;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @ConfigProperty(name = "upright.review.enabled", defaultValue = "true")
    boolean enabled;

    @Scheduled(every = "${upright.review.check-interval:60s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        if (enabled) {
            reviewAt(clock.instant());
        }
    }

    /** Makes every pacing check and week review due at {@code now}; returns how many it made. */
    public int reviewAt(Instant now) {
        long startedAt = System.nanoTime();
        List<Person> due = candidates(now);
        int made = 0;
        for (int from = 0; from < due.size(); from += PEOPLE_AT_ONCE) {
            made += reviewTogether(due.subList(from, Math.min(due.size(), from + PEOPLE_AT_ONCE)), now);
        }
        if (!due.isEmpty()) {
            LOG.infof("made %d pacing checks and week reviews for %d people in %d ms", made, due.size(),
                    (System.nanoTime() - startedAt) / 1_000_000);
        }
        return made;
    }

    /**
     * One transaction and a handful of statements for all these people. Should it fail, each is
     * tried again on their own, so that one person's failure holds no one else back.
     */
    private int reviewTogether(List<Person> people, Instant now) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> review(people, now));
        } catch (RuntimeException e) {
            if (people.size() == 1) {
                LOG.warnf("reviewing the weeks of %s failed, the next run retries: %s", people.get(0).userId(), e.toString());
                return 0;
            }
            return people.stream().mapToInt(person -> reviewTogether(List.of(person), now)).sum();
        }
    }

    private int review(List<Person> people, Instant now) {
        List<Plan> plans = people.stream().map(person -> plan(person, now)).filter(plan -> plan.pacingDue || plan.reviewDue).toList();
        if (plans.isEmpty()) {
            return 0;
        }
        Set<Mark> done = marks.done(plans.stream()
                .flatMap(plan -> Stream.of(plan.current, plan.last).map(week -> new PersonWeek(plan.userId(), week))).toList());
        Set<Plan> reviewed = plans.stream().filter(plan -> plan.reviewDue && !done.contains(Mark.reviewed(plan.userId(), plan.last)))
                .collect(Collectors.toSet());
        // from what a review compares its week with, to the end of the week a pacing check looks at
        LocalDate from = plans.stream().map(plan -> plan.last.minus(config.overuse().baselineWeeks() + 1).monday())
                .min(LocalDate::compareTo).orElseThrow();
        LocalDate to = plans.stream().map(plan -> plan.current.sunday()).max(LocalDate::compareTo).orElseThrow();
        Map<String, TreeMap<LocalDate, DayFigures>> days = dayTotals.days(plans.stream().map(Plan::userId).toList(), from, to);
        Map<String, Set<String>> fired = firedRiskRules(reviewed);
        List<AdviceIssuer.Issue> issues = new ArrayList<>();
        List<Mark> made = new ArrayList<>();
        for (Plan plan : plans) {
            TreeMap<LocalDate, DayFigures> personDays = days.getOrDefault(plan.userId(), new TreeMap<>());
            if (plan.pacingDue && !done.contains(Mark.paced(plan.userId(), plan.current))) {
                WeekFigures week = WeekFigures.of(plan.current, personDays);
                aerobic.pacing(week, plan.today).ifPresent(draft -> issues.add(new AdviceIssuer.Issue(plan.userId(), draft)));
                strength.pacing(week).ifPresent(draft -> issues.add(new AdviceIssuer.Issue(plan.userId(), draft)));
                made.add(Mark.paced(plan.userId(), plan.current));
            }
            if (reviewed.contains(plan)) {
                // a week that ended before the person's first recorded day is not theirs to review: it is marked, not judged
                if (!plan.person.firstDay().isAfter(plan.last.sunday())) {
                    reviewWeek(plan.last, personDays, fired.getOrDefault(plan.userId(), Set.of()))
                            .forEach(draft -> issues.add(new AdviceIssuer.Issue(plan.userId(), draft)));
                }
                made.add(Mark.reviewed(plan.userId(), plan.last));
            }
        }
        issuer.issueAll(issues);
        marks.mark(made, now);
        return made.size();
    }

    private Plan plan(Person person, Instant now) {
        LocalDate today = now.atZone(person.zone()).toLocalDate();
        IsoWeek current = IsoWeek.of(today);
        boolean pacingDue = !now.isBefore(at(current, config.aerobic().pacingDay().getValue(), config.aerobic().pacingTime(), person.zone()));
        boolean reviewDue = !now.isBefore(at(current, config.summary().day().getValue(), config.summary().time(), person.zone()));
        return new Plan(person, today, current, current.minus(1), pacingDue, reviewDue);
    }

    private List<AdviceDraft> reviewWeek(IsoWeek week, TreeMap<LocalDate, DayFigures> days, Set<String> firedRiskRules) {
        int baselineWeeks = config.overuse().baselineWeeks();
        List<AdviceDraft> drafts = new ArrayList<>();
        WeekFigures figures = WeekFigures.of(week, days);
        aerobic.verdict(figures).ifPresent(drafts::add);
        strength.verdict(figures).ifPresent(drafts::add);
        WeekFigures before = WeekFigures.of(week.minus(1), days);
        Optional<WeekFigures> painWeek = before.painDays() > 0 ? Optional.of(before)
                : figures.painDays() > 0 ? Optional.of(figures) : Optional.empty();
        List<WeekFigures> beforePain = painWeek.map(pain -> IntStream.rangeClosed(1, baselineWeeks)
                .mapToObj(back -> WeekFigures.of(pain.week().minus(baselineWeeks + 1 - back), days)).toList()).orElse(List.of());
        stayActive.evaluate(figures, painWeek, beforePain).ifPresent(drafts::add);
        drafts.add(summary.summarise(figures, RISK_RULES.stream().filter(firedRiskRules::contains).toList()));
        return drafts;
    }

    /** Per person, the risk rules that fired for the week under review or any moment in it. */
    private Map<String, Set<String>> firedRiskRules(Collection<Plan> plans) {
        Map<String, Set<String>> fired = new HashMap<>();
        List<Plan> reviewed = List.copyOf(plans);
        if (reviewed.isEmpty()) {
            return fired;
        }
        String sql = "select distinct a.user_id, a.rule_id from advice a"
                + " join unnest(?::text[], ?::text[], ?::text[], ?::text[]) as r(user_id, week, first_day, after_last_day) on a.user_id = r.user_id"
                + " where a.rule_id = any(?::text[]) and (a.period = r.week or (a.period >= r.first_day and a.period < r.after_last_day))";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, reviewed.stream().map(Plan::userId).toArray(String[]::new));
            select.setObject(2, reviewed.stream().map(plan -> plan.last.toString()).toArray(String[]::new));
            select.setObject(3, reviewed.stream().map(plan -> plan.last.monday().toString()).toArray(String[]::new));
            select.setObject(4, reviewed.stream().map(plan -> plan.last.monday().plusDays(7).toString()).toArray(String[]::new));
            select.setObject(5, RISK_RULES.toArray(String[]::new));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    fired.computeIfAbsent(row.getString(1), user -> new HashSet<>()).add(row.getString(2));
                }
            }
            return fired;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the risk rules that fired", e);
        }
    }

    private static Instant at(IsoWeek week, int dayOfWeek, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(week.monday().plusDays(dayOfWeek - 1L), time, zone).toInstant();
    }

    /** Who {@link #reviewAt} looks at: by user id. */
    List<String> peopleDueAt(Instant now) {
        return candidates(now).stream().map(Person::userId).toList();
    }

    /**
     * The people active in the last 15 days whose current week is due for pacing and not paced yet,
     * or whose last week is due for review and not reviewed yet, each in the person's zone: everyone
     * else is left out in the query, so a run with nothing due costs one query.
     */
    @SuppressWarnings("unchecked")
    private List<Person> candidates(Instant now) {
        LocalDate since = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(15);
        String localNow = "(cast(?2 as timestamptz) at time zone coalesce(p.time_zone, 'UTC'))";
        String localToday = localNow + "::date";
        // date_trunc('week') is the ISO week's Monday at midnight, local time
        String pacingDue = localNow + " >= date_trunc('week', " + localNow + ") + ?3 * interval '1 second'";
        String reviewDue = localNow + " >= date_trunc('week', " + localNow + ") + ?4 * interval '1 second'";
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                        "select d.user_id, p.time_zone, (select min(day)::text from day_total f where f.user_id = d.user_id)"
                                + " from (select distinct user_id from day_total where day >= ?1) d left join person p on p.user_id = d.user_id"
                                + " where (" + pacingDue + " and not exists (select 1 from week_review r where r.user_id = d.user_id"
                                + "   and r.paced_at is not null and r.iso_week = to_char(" + localToday + ", 'IYYY-\"W\"IW')))"
                                + " or (" + reviewDue + " and not exists (select 1 from week_review r where r.user_id = d.user_id"
                                + "   and r.reviewed_at is not null and r.iso_week = to_char(" + localToday + " - 7, 'IYYY-\"W\"IW')))")
                .setParameter(1, since).setParameter(2, Timestamp.from(now))
                .setParameter(3, sinceMonday(config.aerobic().pacingDay().getValue(), config.aerobic().pacingTime()))
                .setParameter(4, sinceMonday(config.summary().day().getValue(), config.summary().time()))
                .getResultList());
        return rows.stream().map(row -> new Person((String) row[0], row[1] == null ? ZoneOffset.UTC : ZoneId.of((String) row[1]),
                LocalDate.parse((String) row[2]))).toList();
    }

    private static long sinceMonday(int dayOfWeek, LocalTime time) {
        return (dayOfWeek - 1L) * 86_400 + time.toSecondOfDay();
    }

    /** Someone due for something, with the zone their weeks are counted in and their first recorded day. */
    private record Person(String userId, ZoneId zone, LocalDate firstDay) {
    }

    /** What is due for a person at the moment of the review. */
    private record Plan(Person person, LocalDate today, IsoWeek current, IsoWeek last, boolean pacingDue, boolean reviewDue) {

        String userId() {
            return person.userId();
        }
    }
}
