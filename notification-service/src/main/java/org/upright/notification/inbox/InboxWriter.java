package org.upright.notification.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.upright.events.AdviceIssued;
import org.upright.notification.delivery.DeliveryPlanner;

/**
 * Stores a batch of advice in the inbox, and the policy's decision for each channel in the delivery
 * log, in one transaction, except what is there already: a redelivered record creates nothing.
 */
@ApplicationScoped
public class InboxWriter {

    private static final String INSERT = "insert into notification (advice_id, user_id, rule_id, severity, message, figure,"
            + " target, unit, source_document, source_section, source_point, period, issued_at, received_at)"
            + " select a.*, ?::timestamptz from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])"
            + " as a(advice_id, user_id, rule_id, severity, message, figure, target, unit, source_document, source_section,"
            + " source_point, period, issued_at)"
            + " on conflict (advice_id) do nothing returning advice_id";

    @Inject
    DeliveryPlanner planner;

    @Inject
    AgroalDataSource dataSource;

    /** @return how many of them were new */
    @Transactional
    public int deliverAll(List<AdviceIssued> advice) {
        Instant now = Instant.now();
        Map<UUID, AdviceIssued> once = new LinkedHashMap<>();
        advice.forEach(one -> once.putIfAbsent(one.adviceId(), one)); // a record twice in one batch is stored once
        Set<UUID> added = insert(List.copyOf(once.values()), now);
        List<AdviceIssued> fresh = new ArrayList<>();
        for (AdviceIssued one : once.values()) {
            if (added.contains(one.adviceId())) {
                fresh.add(one);
            }
        }
        planner.planAll(fresh, now);
        return fresh.size();
    }

    /** @return the ids of the advice that were not in the inbox yet */
    private Set<UUID> insert(List<AdviceIssued> advice, Instant now) {
        int size = advice.size();
        String[][] texts = new String[11][size];
        double[] figures = new double[size];
        double[] targets = new double[size];
        for (int row = 0; row < size; row++) {
            AdviceIssued one = advice.get(row);
            String[] values = {one.adviceId().toString(), one.userId(), one.ruleId(), one.severity().wireName(), one.message(),
                    one.unit(), one.source().document(), one.source().section(), one.source().point(), one.period(),
                    one.issuedAt().toString()};
            for (int column = 0; column < values.length; column++) {
                texts[column][row] = values[column];
            }
            figures[row] = one.figure();
            targets[row] = one.target();
        }
        Set<UUID> added = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(now));
            for (int column = 0; column < 5; column++) {
                insert.setObject(2 + column, texts[column]);
            }
            insert.setObject(7, figures);
            insert.setObject(8, targets);
            for (int column = 5; column < texts.length; column++) {
                insert.setObject(4 + column, texts[column]);
            }
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    added.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store advice in the inbox", e);
        }
        return added;
    }
}
