package org.upright.notification.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.upright.events.AdviceIssued;
import org.upright.notification.policy.Channel;
import org.upright.notification.policy.Decision;
import org.upright.notification.policy.NudgePolicy;
import org.upright.notification.policy.NudgePreferences;
import org.upright.notification.preferences.PreferencesStore;

/**
 * Asks the nudge policy about new advice and records its decision for each channel the person has
 * on, with the reason, before anything is sent: the delivery log. A batch of advice takes three
 * statements, whatever its size: people's preferences, their recent pushes and the log, and then
 * what a channel makes of its pushes in the same transaction ({@link ChannelDispatcher#pushedNow}).
 * Advice is judged in the order given, each push counting for the next.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private static final String INSERT = "insert into delivery (id, advice_id, user_id, rule_id, channel, decision, reason,"
            + " due_at, status, attempts, decided_at, updated_at)"
            + " select id, advice_id, user_id, rule_id, channel, decision, reason, due_at, status, 0, ?::timestamptz, ?::timestamptz"
            + " from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])"
            + " as d(id, advice_id, user_id, rule_id, channel, decision, reason, due_at, status)";

    @Inject
    PreferencesStore preferences;

    @Inject
    Instance<ChannelDispatcher> dispatchers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<DeliveriesDue> due;

    @Inject
    Event<HeldBack> heldBack;

    @Transactional(Transactional.TxType.MANDATORY)
    public void planAll(List<AdviceIssued> advice, Instant now) {
        if (advice.isEmpty()) {
            return;
        }
        Map<String, NudgePreferences> wanted = preferences.policiesOf(advice.stream().map(AdviceIssued::userId)
                .collect(Collectors.toSet()));
        List<Planned> planned = new ArrayList<>();
        EnumSet<Channel> takingUp = EnumSet.noneOf(Channel.class);
        dispatchers.stream().filter(ChannelDispatcher::takesUpPushedNow).forEach(dispatcher -> takingUp.add(dispatcher.channel()));
        try (Connection connection = dataSource.getConnection()) {
            Map<String, RecentPushes> pushes = RecentPushes.read(connection, wanted, now);
            for (AdviceIssued one : advice) {
                RecentPushes history = pushes.get(one.userId());
                for (Decision decision : NudgePolicy.decide(one, wanted.get(one.userId()), history, now)) {
                    boolean takenUp = takingUp.contains(decision.channel()) && pushedNow(decision, now);
                    planned.add(new Planned(UUID.randomUUID(), one, decision, takenUp));
                    if (decision.outcome() == Decision.Outcome.PUSH) {
                        history.add(one.adviceId(), one.ruleId(), decision.at());
                    }
                }
            }
            insert(connection, planned, now);
            for (ChannelDispatcher dispatcher : dispatchers) {
                List<UUID> takenUp = planned.stream().filter(one -> one.takenUp() && one.decision().channel() == dispatcher.channel())
                        .map(Planned::id).toList();
                if (!takenUp.isEmpty()) {
                    dispatcher.pushedNow(connection, takenUp, now);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the delivery decisions", e);
        }
        EnumSet<Channel> toSend = EnumSet.noneOf(Channel.class);
        for (Planned one : planned) {
            if (one.decision().outcome() != Decision.Outcome.SUPPRESS && !one.takenUp()) {
                toSend.add(one.decision().channel());
            }
        }
        planned.stream().filter(one -> one.decision().outcome() == Decision.Outcome.DELAY)
                .map(one -> one.decision().at()).min(Instant::compareTo)
                .ifPresent(until -> heldBack.fire(new HeldBack(until)));
        if (!toSend.isEmpty()) {
            due.fire(new DeliveriesDue(toSend));
        }
    }

    private static boolean pushedNow(Decision decision, Instant now) {
        return decision.outcome() == Decision.Outcome.PUSH && !decision.at().isAfter(now);
    }

    /** A decision to record; taken up if its channel takes it up in this transaction, written sending. */
    private record Planned(UUID id, AdviceIssued advice, Decision decision, boolean takenUp) {
    }

    private static void insert(Connection connection, List<Planned> planned, Instant now) throws SQLException {
        if (planned.isEmpty()) {
            return;
        }
        int size = planned.size();
        String[][] columns = new String[9][size];
        for (int row = 0; row < size; row++) {
            AdviceIssued advice = planned.get(row).advice();
            Decision decision = planned.get(row).decision();
            String[] values = {planned.get(row).id().toString(), advice.adviceId().toString(), advice.userId(), advice.ruleId(),
                    decision.channel().wireName(), Delivery.nameOf(decision), decision.reason(), decision.at().toString(),
                    planned.get(row).takenUp() ? Delivery.SENDING : Delivery.statusAfter(decision)};
            for (int column = 0; column < values.length; column++) {
                columns[column][row] = values[column];
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setTimestamp(2, Timestamp.from(now));
            for (int column = 0; column < columns.length; column++) {
                insert.setObject(3 + column, columns[column]);
            }
            insert.executeUpdate();
        }
    }
}
