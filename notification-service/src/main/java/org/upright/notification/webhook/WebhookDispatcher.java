package org.upright.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.upright.notification.delivery.ChannelDispatcher;
import org.upright.notification.delivery.DeliveriesDue;
import org.upright.notification.delivery.Delivery;
import org.upright.notification.delivery.RetryBackoff;
import org.upright.notification.inbox.InboxResource.NotificationView;
import org.upright.notification.inbox.InboxResource.SourceView;
import org.upright.notification.policy.Channel;

/**
 * Sends webhook nudges. A due webhook delivery becomes one message per endpoint the person has;
 * each message is signed (Standard Webhooks) and retried with exponential backoff and jitter until
 * it is accepted or runs out of attempts, keeping its webhook-id so receivers can dedupe. A sender
 * takes a message under a lease (its attempt counted at once; SKIP LOCKED, so senders and instances
 * work side by side) and sends it outside any transaction, so a slow receiver holds no database
 * connection; nothing is sent twice unless a retry was needed. A delivery decided push-now becomes
 * its messages in the transaction that decided it, already taken that way, and the senders have them
 * from memory once it commits; one that quiet hours held back becomes them when it falls due, and
 * is claimed. What runs for every message is plain JDBC: reading the results of Hibernate's native
 * queries cost more than the queries (JFR, bench/run-nudges).
 */
@ApplicationScoped
public class WebhookDispatcher implements ChannelDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int EXPAND_AT_ONCE = 100;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * A message made under a lease waits in memory for a sender this long at most: sent by then, its
     * send and its record end within the lease. Later, it is left to the lease's end and a claim.
     */
    private static final Duration SENT_FROM_MEMORY_WITHIN = Duration.ofSeconds(10);
    /**
     * Marks the deliveries in {@code due} sending if {@code made} holds messages for them, else
     * skipped: their person has no endpoint.
     */
    private static final String MARK = " update delivery d set updated_at = ?,"
            + " status = case when d.id in (select delivery_id from made) then 'sending' else 'skipped' end,"
            + " detail = case when d.id in (select delivery_id from made) then null else 'no webhook endpoint registered' end"
            + " from due where d.id = due.id";
    /** Up to {@value #EXPAND_AT_ONCE} deliveries that quiet hours held back until now become messages, one per endpoint, due at once. */
    private static final String EXPAND_DUE = "with due as (select id, user_id from delivery where channel = 'webhook'"
            + " and status = 'pending' and decision = 'push' and due_at <= ? order by due_at limit " + EXPAND_AT_ONCE
            + " for update skip locked), made as (insert into webhook_message (id, delivery_id, endpoint_id, status, next_attempt_at,"
            + " updated_at) select gen_random_uuid(), due.id, e.id, 'pending', ?, ? from due"
            + " join webhook_endpoint e on e.user_id = due.user_id returning delivery_id)" + MARK;
    /** What a message's body says: its notification's columns. */
    private static final String NUDGE_COLUMNS = "n.advice_id, n.rule_id, n.severity, n.message, n.figure, n.target, n.unit,"
            + " n.source_document, n.source_section, n.source_point, n.period, n.issued_at, n.read_at";
    /** Takes the most overdue message for an attempt, counted at once, under a lease; with what it takes to sign and send it. */
    private static final String CLAIM = "with claimed as (update webhook_message m set attempts = m.attempts + 1,"
            + " next_attempt_at = ?, updated_at = ? where m.id = (select id from webhook_message where status = 'pending'"
            + " and next_attempt_at <= ? order by next_attempt_at limit 1 for update skip locked)"
            + " returning m.id, m.delivery_id, m.endpoint_id, m.attempts)"
            + " select c.id, c.attempts, e.url, e.secret, " + NUDGE_COLUMNS + " from claimed c"
            + " join webhook_endpoint e on e.id = c.endpoint_id join delivery d on d.id = c.delivery_id"
            + " join notification n on n.advice_id = d.advice_id";
    /**
     * Deliveries just decided push-now, written sending, become messages that are taken for their
     * first attempt as they are made; the same columns as {@link #CLAIM}. Those whose person has no
     * endpoint are skipped. The person's endpoints are looked up by person for each delivery
     * ({@code offset 0} keeps the lookup as written): a plan made once for any number of deliveries
     * otherwise read every endpoint to join them.
     */
    private static final String MAKE_CLAIMED = "with due as (select id, user_id, advice_id from delivery where id = any(?::uuid[])),"
            + " claimed as (select gen_random_uuid() as id, due.id as delivery_id, due.advice_id, e.id as endpoint_id, e.url, e.secret"
            + " from due cross join lateral (select id, url, secret from webhook_endpoint where user_id = due.user_id offset 0) e),"
            + " made as (insert into webhook_message (id, delivery_id, endpoint_id, status, attempts, next_attempt_at, updated_at)"
            + " select id, delivery_id, endpoint_id, 'pending', 1, ?, ? from claimed),"
            + " skipped as (update delivery d set updated_at = ?, status = 'skipped', detail = 'no webhook endpoint registered'"
            + " from due where d.id = due.id and not exists (select 1 from claimed where claimed.delivery_id = due.id))"
            + " select c.id, 1, c.url, c.secret, " + NUDGE_COLUMNS + " from claimed c"
            + " join notification n on n.advice_id = c.advice_id";
    /**
     * Records an attempt on its message, unless a sender that took it later did; and on its delivery
     * what all of the delivery's messages add up to: delivered once all are, failed if any failed.
     * The delivery's part reads the other messages as they were before this statement, and this one
     * as {@code sent}.
     */
    private static final String RECORD = "with sent as (update webhook_message set status = ?, next_attempt_at = ?,"
            + " last_error = ?, updated_at = ? where id = ? and attempts = ? and status = 'pending' returning id, delivery_id, status)"
            + " update delivery d set attempts = (select max(attempts) from webhook_message where delivery_id = d.id),"
            + " detail = ?, updated_at = ?, status = case"
            + " when sent.status = 'failed' or exists (select 1 from webhook_message o where o.delivery_id = d.id"
            + " and o.id <> sent.id and o.status = 'failed') then 'failed'"
            + " when sent.status = 'delivered' and not exists (select 1 from webhook_message o where o.delivery_id = d.id"
            + " and o.id <> sent.id and o.status <> 'delivered') then 'delivered'"
            + " else d.status end from sent where d.id = sent.delivery_id";

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<DeliveriesDue> due;

    /** Receivers tell Upright's calls apart in their logs by it. */
    @ConfigProperty(name = "quarkus.application.version")
    String version;

    @ConfigProperty(name = "upright.webhooks.first-retry", defaultValue = "30s")
    Duration firstRetry;

    @ConfigProperty(name = "upright.webhooks.longest-retry", defaultValue = "2h")
    Duration longestRetry;

    @ConfigProperty(name = "upright.webhooks.max-attempts", defaultValue = "12")
    int maxAttempts;

    @ConfigProperty(name = "upright.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    /** How many messages are sent side by side, so one slow receiver does not hold back everyone else's. */
    @ConfigProperty(name = "upright.webhooks.senders", defaultValue = "4")
    int senders;

    @Inject
    Event<MadeClaimed> made;

    private final AtomicInteger activeSenders = new AtomicInteger();
    /**
     * Raised each time the loop counts messages due in the database; a claim that finds none marks
     * the count it started after as seen. A sender claims only while the latest is unseen, so one
     * that sends from memory does not look for due messages after every send.
     */
    private final AtomicLong dueCounted = new AtomicLong(1);
    private final AtomicLong dueClaimedUpTo = new AtomicLong();
    private final Queue<InMemory> madeClaimed = new ConcurrentLinkedQueue<>();
    private HttpClient http;
    private ExecutorService senderThreads;

    /** Here rather than in field initializers, which the bean's client proxy would run too. */
    @PostConstruct
    void start() {
        http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        senderThreads = Executors.newFixedThreadPool(senders);
    }

    @PreDestroy
    void stop() {
        senderThreads.shutdownNow();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    /**
     * Expands what is due into messages and keeps up to {@code senders} sender threads busy with them.
     * It never waits for a send: a receiver that hangs holds up one sender, not the next wake.
     */
    @Override
    public Optional<Instant> dispatchDue() {
        Pending pending = expandAndCount(Instant.now());
        while (pending.expanded() == EXPAND_AT_ONCE) {
            pending = expandAndCount(Instant.now());
        }
        if (pending.dueNow() > 0) {
            dueCounted.incrementAndGet();
        }
        startSenders(Math.min(senders, pending.dueNow()));
        return pending.next();
    }

    /** Starts senders until {@code wanted} are at work. */
    private void startSenders(int wanted) {
        while (activeSenders.get() < wanted && !senderThreads.isShutdown()) {
            activeSenders.incrementAndGet();
            senderThreads.execute(() -> {
                boolean retriesToTime = true;
                boolean finished = false;
                try {
                    retriesToTime = sendAllDue();
                    finished = true;
                } catch (RuntimeException e) {
                    LOG.warnf("a webhook sender failed, the next wake retries: %s", e.getMessage());
                } finally {
                    activeSenders.decrementAndGet();
                    if (!madeClaimed.isEmpty() || finished && dueClaimedUpTo.get() != dueCounted.get()) {
                        startSenders(1); // made, or counted by the loop, while this sender was on its way out
                    }
                    if (retriesToTime) {
                        // the retries it scheduled fall due after the loop last looked
                        due.fire(new DeliveriesDue(EnumSet.of(Channel.WEBHOOK)));
                    }
                }
            });
        }
    }

    /** @return whether a send failed and will be retried */
    private boolean sendAllDue() {
        boolean retries = false;
        Optional<Claimed> message = nextMadeClaimed();
        if (message.isEmpty()) {
            message = recordAndClaimNext(Optional.empty());
        }
        while (message.isPresent()) {
            Sent sent = send(message.get());
            retries |= sent.status().equals(Delivery.PENDING);
            message = recordAndClaimNext(Optional.of(sent));
        }
        return retries;
    }

    /**
     * Turns up to {@value #EXPAND_AT_ONCE} webhook deliveries that have fallen due (held back by quiet
     * hours until now) into messages, in one statement, then counts in the same transaction
     * what is due now and finds when the next held-back delivery, retry or lease falls due.
     */
    private Pending expandAndCount(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement expand = connection.prepareStatement(EXPAND_DUE);
                 PreparedStatement count = connection.prepareStatement(
                         "select (select count(*) from webhook_message where status = 'pending' and next_attempt_at <= ?),"
                                 + " (select min(next_attempt_at) from webhook_message where status = 'pending' and next_attempt_at > ?),"
                                 + " (select min(due_at) from delivery where channel = 'webhook' and status = 'pending')")) {
                Timestamp at = Timestamp.from(now);
                for (int parameter = 1; parameter <= 4; parameter++) {
                    expand.setTimestamp(parameter, at);
                }
                int expanded = expand.executeUpdate();
                count.setTimestamp(1, at);
                count.setTimestamp(2, at);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return new Pending(expanded, row.getInt(1), Stream.of(row.getTimestamp(2), row.getTimestamp(3))
                            .filter(Objects::nonNull).map(Timestamp::toInstant).min(Comparator.naturalOrder()));
                }
            }
        });
    }

    private record Pending(int expanded, int dueNow, Optional<Instant> next) {
    }

    @Override
    public boolean takesUpPushedNow() {
        return true;
    }

    /**
     * The webhook deliveries the advice consumer has just decided push-now become messages in its
     * transaction, each taken for its first attempt there, as a claim would take it. Once that
     * commits, the senders take them from memory: no transaction to find them, none to claim them.
     * If this instance stops before it sends them, their lease runs out and any sender claims them.
     */
    @Override
    public void pushedNow(Connection connection, List<UUID> deliveries, Instant now) throws SQLException {
        List<Claimed> messages = new ArrayList<>();
        try (PreparedStatement make = connection.prepareStatement(MAKE_CLAIMED)) {
            make.setObject(1, deliveries.stream().map(UUID::toString).toArray(String[]::new));
            make.setTimestamp(2, Timestamp.from(now.plus(lease())));
            make.setTimestamp(3, Timestamp.from(now));
            make.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rows = make.executeQuery()) {
                while (rows.next()) {
                    messages.add(claimed(rows));
                }
            }
        }
        if (!messages.isEmpty()) {
            made.fire(new MadeClaimed(messages, now));
        }
    }

    /** Messages made under a lease in a transaction that has not committed yet. */
    record MadeClaimed(List<Claimed> messages, Instant at) {
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MadeClaimed made) {
        made.messages().forEach(message -> madeClaimed.add(new InMemory(message, made.at())));
        startSenders(Math.min(senders, madeClaimed.size()));
    }

    private record InMemory(Claimed message, Instant claimedAt) {
    }

    /** The next message made under a lease that is still early enough to send. */
    private Optional<Claimed> nextMadeClaimed() {
        Instant tooEarly = Instant.now().minus(SENT_FROM_MEMORY_WITHIN);
        for (InMemory next = madeClaimed.poll(); next != null; next = madeClaimed.poll()) {
            if (next.claimedAt().isAfter(tooEarly)) {
                return Optional.of(next.message());
            }
        }
        return Optional.empty();
    }

    /** A message taken for one attempt, with what it takes to sign and send it. */
    record Claimed(UUID id, int attempts, String url, String secret, NotificationView nudge) {
    }

    /** How an attempt went: the message's new status, when it is tried next, and what went wrong if anything did. */
    private record Sent(Claimed message, String status, Instant next, String error, Instant at) {
    }

    /**
     * Records how the last attempt went, if there was one, and takes the next message: one made under
     * a lease in memory, else the most overdue one for its next attempt, in one transaction. The
     * attempt is counted at once. Until the lease runs out, no other sender takes it; if this one
     * dies while sending, the message is sent again after the lease, with the same webhook-id. A
     * claim alone commits without waiting for the disk: if the commit is lost, the message is simply
     * due again.
     */
    private Optional<Claimed> recordAndClaimNext(Optional<Sent> last) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (last.isPresent()) {
                    record(connection, last.get());
                } else {
                    try (Statement asynchronous = connection.createStatement()) {
                        asynchronous.execute("set local synchronous_commit = off");
                    }
                }
                Optional<Claimed> fromMemory = nextMadeClaimed();
                return fromMemory.isPresent() ? fromMemory : claim(connection, Instant.now());
            }
        });
    }

    /**
     * Takes the most overdue message, unless no claim could find one: none was due when the loop last
     * counted, and a claim since found none. What falls due later wakes the loop, which counts it.
     */
    private Optional<Claimed> claim(Connection connection, Instant now) throws SQLException {
        long counted = dueCounted.get();
        if (dueClaimedUpTo.get() == counted) {
            return Optional.empty();
        }
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setTimestamp(1, Timestamp.from(now.plus(lease())));
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setTimestamp(3, Timestamp.from(now));
            try (ResultSet row = claim.executeQuery()) {
                if (row.next()) {
                    return Optional.of(claimed(row));
                }
                dueClaimedUpTo.accumulateAndGet(counted, Math::max);
                return Optional.empty();
            }
        }
    }

    /** A row of {@link #CLAIM}'s columns. */
    private static Claimed claimed(ResultSet row) throws SQLException {
        return new Claimed(row.getObject(1, UUID.class), row.getInt(2), row.getString(3), row.getString(4),
                new NotificationView(row.getObject(5, UUID.class), row.getString(6), row.getString(7),
                row.getString(8), row.getDouble(9), row.getDouble(10), row.getString(11),
                new SourceView(row.getString(12), row.getString(13), row.getString(14)), row.getString(15),
                row.getTimestamp(16).toInstant(), row.getTimestamp(17) != null));
    }

    /** Long enough for any send to end (connecting, then waiting for the answer), with room to record it. */
    private Duration lease() {
        return CONNECT_TIMEOUT.plus(timeout).plus(Duration.ofSeconds(30));
    }

    /** Sends a claimed message, outside any transaction. */
    private Sent send(Claimed message) {
        String error = post(message.id().toString(), message.url(), message.secret(), body(message.nudge(), Instant.now()));
        Instant now = Instant.now();
        int attempts = message.attempts();
        String status = error == null ? "delivered" : attempts >= maxAttempts ? Delivery.FAILED : Delivery.PENDING;
        Instant next = error == null || status.equals(Delivery.FAILED) ? now : now.plus(new RetryBackoff(firstRetry, longestRetry).after(attempts));
        return new Sent(message, status, next, error, now);
    }

    private void record(Connection connection, Sent sent) throws SQLException {
        Claimed message = sent.message();
        try (PreparedStatement record = connection.prepareStatement(RECORD)) {
            record.setString(1, sent.status());
            record.setTimestamp(2, Timestamp.from(sent.next()));
            record.setString(3, sent.error());
            record.setTimestamp(4, Timestamp.from(sent.at()));
            record.setObject(5, message.id());
            record.setInt(6, message.attempts());
            record.setString(7, sent.error() == null ? null
                    : (sent.status().equals(Delivery.FAILED) ? "failed after " + message.attempts() + " attempts: " : "retrying after: ") + sent.error());
            record.setTimestamp(8, Timestamp.from(sent.at()));
            if (record.executeUpdate() == 0) {
                return; // a sender that outlived its lease leaves the message to the one that took it next
            }
        }
        if (sent.status().equals(Delivery.FAILED)) {
            LOG.warnf("webhook message %s failed after %d attempts: %s", message.id(), message.attempts(), sent.error());
            meters.counter(Delivery.DEAD_LETTERS_METRIC, "channel", channel().wireName()).increment();
        }
    }

    /** Its failed messages start again from the first attempt, with the same webhook-id; delivered ones stay delivered. */
    @Override
    public void redeliver(Delivery failed, Instant now) {
        Panache.getEntityManager().createNativeQuery("update {h-schema}webhook_message set status = 'pending', attempts = 0,"
                        + " next_attempt_at = ?2, last_error = null, updated_at = ?2 where delivery_id = ?1 and status = 'failed'")
                .setParameter(1, failed.id).setParameter(2, Timestamp.from(now)).executeUpdate();
        failed.status = Delivery.SENDING;
        failed.attempts = 0;
        failed.detail = "redelivery requested after: " + failed.detail;
        failed.updatedAt = now;
    }

    private String body(NotificationView nudge, Instant now) {
        try {
            return json.writeValueAsString(Map.of("type", "upright.nudge", "timestamp", now.toString(), "data", nudge));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the webhook body", e);
        }
    }

    /** @return null when the receiver accepted it (2xx), else what went wrong */
    private String post(String webhookId, String url, String secret, String body) {
        long timestamp = Instant.now().getEpochSecond();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Upright-Webhooks/" + version)
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(secret, webhookId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
