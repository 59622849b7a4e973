package org.upright.advice.review;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
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
        int made = 0;
        for (Object[] row : candidates(now)) {
            String userId = (String) row[0];
            ZoneId zone = row[1] == null ? ZoneOffset.UTC : ZoneId.of((String) row[1]);
            LocalDate firstDay = LocalDate.parse((String) row[2]);
            try {
                made += review(userId, zone, firstDay, now);
            } catch (RuntimeException e) {
                LOG.warnf("reviewing the weeks of %s failed, the next run retries: %s", userId, e.toString());
            }
        }
        return made;
    }

    /** A week that ended before the person's first recorded day is not theirs to review: it is marked, not judged. */
    private int review(String userId, ZoneId zone, LocalDate firstDay, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        IsoWeek current = IsoWeek.of(today);
        IsoWeek last = current.minus(1);
        boolean pacingDue = !now.isBefore(at(current, config.aerobic().pacingDay().getValue(), config.aerobic().pacingTime(), zone));
        boolean reviewDue = !now.isBefore(at(current, config.summary().day().getValue(), config.summary().time(), zone));
        if (!pacingDue && !reviewDue) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> done = marks(userId, current, last);
            int made = 0;
            if (pacingDue && !done.contains(current + "/paced")) {
                WeekFigures week = WeekFigures.of(current, dayTotals.days(userId, current.monday(), current.sunday()));
                aerobic.pacing(week, today).ifPresent(draft -> issuer.issue(userId, draft));
                strength.pacing(week).ifPresent(draft -> issuer.issue(userId, draft));
                mark(userId, current, "paced_at", now);
                made++;
            }
            if (reviewDue && !done.contains(last + "/reviewed")) {
                if (!firstDay.isAfter(last.sunday())) {
                    reviewWeek(userId, last);
                }
                mark(userId, last, "reviewed_at", now);
                made++;
            }
            return made;
        });
    }

    private void reviewWeek(String userId, IsoWeek week) {
        int baselineWeeks = config.overuse().baselineWeeks();
        TreeMap<LocalDate, DayFigures> days = dayTotals.days(userId, week.minus(baselineWeeks + 1).monday(), week.sunday());
        WeekFigures figures = WeekFigures.of(week, days);
        aerobic.verdict(figures).ifPresent(draft -> issuer.issue(userId, draft));
        strength.verdict(figures).ifPresent(draft -> issuer.issue(userId, draft));
        WeekFigures before = WeekFigures.of(week.minus(1), days);
        Optional<WeekFigures> painWeek = before.painDays() > 0 ? Optional.of(before)
                : figures.painDays() > 0 ? Optional.of(figures) : Optional.empty();
        List<WeekFigures> beforePain = painWeek.map(pain -> IntStream.rangeClosed(1, baselineWeeks)
                .mapToObj(back -> WeekFigures.of(pain.week().minus(baselineWeeks + 1 - back), days)).toList()).orElse(List.of());
        stayActive.evaluate(figures, painWeek, beforePain).ifPresent(draft -> issuer.issue(userId, draft));
        issuer.issue(userId, summary.summarise(figures, firedRiskRules(userId, week)));
    }

    /** The risk rules that fired for the week or any moment in it, in the catalogue's order. */
    private List<String> firedRiskRules(String userId, IsoWeek week) {
        @SuppressWarnings("unchecked")
        List<String> fired = Panache.getEntityManager().createNativeQuery(
                        "select distinct rule_id from advice where user_id = ?1 and rule_id in ?2"
                                + " and (period = ?3 or (period >= ?4 and period < ?5))")
                .setParameter(1, userId).setParameter(2, RISK_RULES).setParameter(3, week.toString())
                .setParameter(4, week.monday().toString()).setParameter(5, week.monday().plusDays(7).toString())
                .getResultList();
        return RISK_RULES.stream().filter(fired::contains).toList();
    }

    private static Instant at(IsoWeek week, int dayOfWeek, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(week.monday().plusDays(dayOfWeek - 1L), time, zone).toInstant();
    }

    /** Who {@link #reviewAt} looks at: by user id. */
    List<String> peopleDueAt(Instant now) {
        return candidates(now).stream().map(row -> (String) row[0]).toList();
    }

    /**
     * The people active in the last 15 days whose current week is due for pacing and not paced yet,
     * or whose last week is due for review and not reviewed yet, each in the person's zone: everyone
     * else is left out in the query, so a run with nothing due costs one query.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> candidates(Instant now) {
        LocalDate since = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(15);
        String localNow = "(cast(?2 as timestamptz) at time zone coalesce(p.time_zone, 'UTC'))";
        String localToday = localNow + "::date";
        // date_trunc('week') is the ISO week's Monday at midnight, local time
        String pacingDue = localNow + " >= date_trunc('week', " + localNow + ") + ?3 * interval '1 second'";
        String reviewDue = localNow + " >= date_trunc('week', " + localNow + ") + ?4 * interval '1 second'";
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
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
    }

    private static long sinceMonday(int dayOfWeek, LocalTime time) {
        return (dayOfWeek - 1L) * 86_400 + time.toSecondOfDay();
    }

    @SuppressWarnings("unchecked")
    private Set<String> marks(String userId, IsoWeek current, IsoWeek last) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                        "select iso_week, paced_at is not null, reviewed_at is not null from week_review where user_id = ?1 and iso_week in (?2, ?3)")
                .setParameter(1, userId).setParameter(2, current.toString()).setParameter(3, last.toString()).getResultList();
        Set<String> done = new HashSet<>();
        for (Object[] row : rows) {
            if ((Boolean) row[1]) {
                done.add(row[0] + "/paced");
            }
            if ((Boolean) row[2]) {
                done.add(row[0] + "/reviewed");
            }
        }
        return done;
    }

    private void mark(String userId, IsoWeek week, String column, Instant at) {
        Panache.getEntityManager().createNativeQuery("insert into week_review (user_id, iso_week, " + column + ") values (?1, ?2, ?3)"
                        + " on conflict (user_id, iso_week) do update set " + column + " = excluded." + column)
                .setParameter(1, userId).setParameter(2, week.toString()).setParameter(3, Timestamp.from(at)).executeUpdate();
    }
}
