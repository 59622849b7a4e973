package org.upright.advice.rules;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.upright.advice.outbox.OutboxWritten;

/**
 * Issues advice: stores it and queues it for {@link org.upright.advice.outbox.OutboxPublisher} in
 * the caller's transaction, unless the same rule already fired for the same person and cause. A
 * batch's advice is one statement, however much of it there is.
 */
@ApplicationScoped
public class AdviceIssuer {

    private static final String INSERT = "with issued as ("
            + " insert into advice (id, user_id, rule_id, cause, period, severity, message, figure, target,"
            + " unit, source_document, source_section, source_point, issued_at)"
            + " select *, ? from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[],"
            + " ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " on conflict (user_id, rule_id, cause) do nothing returning id, rule_id),"
            + " queued as (insert into outbox_advice (advice_id) select id from issued)"
            + " select rule_id from issued";

    @Inject
    Event<OutboxWritten> outboxWritten;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

    /** Advice for one person. */
    public record Issue(String userId, AdviceDraft draft) {
    }

    /** @return how many were issued: those whose rule had not fired for their cause yet */
    @Transactional(Transactional.TxType.MANDATORY)
    public int issueAll(List<Issue> issues) {
        if (issues.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Advice> advice = issues.stream().map(issue -> Advice.from(issue.userId(), issue.draft(), now)).toList();
        Map<String, Integer> issuedPerRule = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int p = 1;
            insert.setTimestamp(p++, Timestamp.from(now));
            insert.setObject(p++, column(advice, one -> one.id.toString(), String[]::new));
            insert.setObject(p++, column(advice, one -> one.userId, String[]::new));
            insert.setObject(p++, column(advice, one -> one.ruleId, String[]::new));
            insert.setObject(p++, column(advice, one -> one.cause, String[]::new));
            insert.setObject(p++, column(advice, one -> one.period, String[]::new));
            insert.setObject(p++, column(advice, one -> one.severity, String[]::new));
            insert.setObject(p++, column(advice, one -> one.message, String[]::new));
            insert.setObject(p++, column(advice, one -> one.figure, Double[]::new));
            insert.setObject(p++, column(advice, one -> one.target, Double[]::new));
            insert.setObject(p++, column(advice, one -> one.unit, String[]::new));
            insert.setObject(p++, column(advice, one -> one.sourceDocument, String[]::new));
            insert.setObject(p++, column(advice, one -> one.sourceSection, String[]::new));
            insert.setObject(p, column(advice, one -> one.sourcePoint, String[]::new));
            try (ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    issuedPerRule.merge(row.getString(1), 1, Integer::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store advice", e);
        }
        issuedPerRule.forEach((rule, count) -> meters.counter("upright.advice.issued", "rule", rule).increment(count));
        int issued = issuedPerRule.values().stream().mapToInt(Integer::intValue).sum();
        if (issued > 0) {
            outboxWritten.fire(new OutboxWritten());
        }
        return issued;
    }

    private static <T> T[] column(List<Advice> advice, Function<Advice, T> value, IntFunction<T[]> array) {
        return advice.stream().map(value).toArray(array);
    }
}
