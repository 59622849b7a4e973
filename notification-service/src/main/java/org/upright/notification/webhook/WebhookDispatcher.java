package org.upright.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
 * it is accepted or runs out of attempts, keeping its webhook-id so receivers can dedupe. Sending
 * starts right after the commit that made a delivery due, and again when a retry falls due. A sender
 * takes a message under a lease (SKIP LOCKED, so senders and instances work side by side) and sends
 * it outside any transaction, so a slow receiver holds no database connection; nothing is sent
 * twice unless a retry was needed.
 */
@ApplicationScoped
public class WebhookDispatcher implements ChannelDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int EXPAND_AT_ONCE = 100;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    @Inject
    Event<DeliveriesDue> due;

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

    private final AtomicInteger activeSenders = new AtomicInteger();
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
        while (expandDue(Instant.now()) == EXPAND_AT_ONCE) {
            // until no delivery is left to expand
        }
        Instant now = Instant.now();
        Pending pending = pending(now);
        int wanted = Math.min(senders, pending.dueNow());
        while (activeSenders.get() < wanted) {
            activeSenders.incrementAndGet();
            senderThreads.execute(() -> {
                boolean retriesToTime = true;
                try {
                    retriesToTime = sendAllDue();
                } catch (RuntimeException e) {
                    LOG.warnf("a webhook sender failed, the next wake retries: %s", e.getMessage());
                } finally {
                    activeSenders.decrementAndGet();
                    if (retriesToTime) {
                        // the retries it scheduled fall due after the loop last looked
                        due.fire(new DeliveriesDue(EnumSet.of(Channel.WEBHOOK)));
                    }
                }
            });
        }
        return pending.next();
    }

    /** @return whether a send failed and will be retried */
    private boolean sendAllDue() {
        boolean retries = false;
        for (Optional<Claimed> message = claimOneDue(Instant.now()); message.isPresent(); message = claimOneDue(Instant.now())) {
            retries |= send(message.get()).equals(Delivery.PENDING);
        }
        return retries;
    }

    /**
     * Turns due webhook deliveries into one message per endpoint, in one statement; a person without
     * endpoints gets none.
     */
    int expandDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                        "with due as (select id, user_id from {h-schema}delivery where channel = 'webhook' and status = 'pending'"
                                + " and decision = 'push' and due_at <= ?1 order by due_at limit " + EXPAND_AT_ONCE + " for update skip locked),"
                                + " expanded as (insert into {h-schema}webhook_message (id, delivery_id, endpoint_id, status, next_attempt_at, updated_at)"
                                + " select gen_random_uuid(), due.id, e.id, 'pending', ?1, ?1 from due"
                                + " join {h-schema}webhook_endpoint e on e.user_id = due.user_id returning delivery_id)"
                                + " update {h-schema}delivery d set updated_at = ?1,"
                                + " status = case when d.id in (select delivery_id from expanded) then 'sending' else 'skipped' end,"
                                + " detail = case when d.id in (select delivery_id from expanded) then null else 'no webhook endpoint registered' end"
                                + " from due where d.id = due.id")
                .setParameter(1, Timestamp.from(now)).executeUpdate());
    }

    /** How many messages are due now, and when the next held-back delivery, retry or lease falls due. */
    private Pending pending(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] messages = (Object[]) Panache.getEntityManager().createNativeQuery(
                            "select count(*) filter (where next_attempt_at <= ?1), min(next_attempt_at) filter (where next_attempt_at > ?1)"
                                    + " from {h-schema}webhook_message where status = 'pending'")
                    .setParameter(1, Timestamp.from(now)).getSingleResult();
            Optional<Instant> later = Optional.ofNullable(messages[1]).map(Delivery::instantOf);
            Optional<Instant> heldBack = Delivery.nextDue(Channel.WEBHOOK.wireName());
            return new Pending(((Number) messages[0]).intValue(),
                    Stream.of(heldBack, later).flatMap(Optional::stream).min(Comparator.naturalOrder()));
        });
    }

    private record Pending(int dueNow, Optional<Instant> next) {
    }

    /** A message taken for one attempt, with what it takes to sign and send it. */
    private record Claimed(UUID id, UUID deliveryId, int attempts, String url, String secret, NotificationView nudge) {
    }

    /**
     * Takes the most overdue message for one attempt, counting the attempt at once. Until the lease
     * runs out, no other sender takes it; if this one dies while sending, the message is sent again
     * after the lease, with the same webhook-id. Nothing is lost if this commit is: the message is
     * due again, so it commits without waiting for the disk.
     */
    Optional<Claimed> claimOneDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var entityManager = Panache.getEntityManager();
            entityManager.createNativeQuery("select set_config('synchronous_commit', 'off', true)").getSingleResult();
            @SuppressWarnings("unchecked")
            List<Object[]> claimed = entityManager.createNativeQuery(
                            "with claimed as (update {h-schema}webhook_message m set attempts = m.attempts + 1, next_attempt_at = ?2, updated_at = ?1"
                                    + " where m.id = (select id from {h-schema}webhook_message where status = 'pending' and next_attempt_at <= ?1"
                                    + " order by next_attempt_at limit 1 for update skip locked)"
                                    + " returning m.id, m.delivery_id, m.endpoint_id, m.attempts)"
                                    + " select c.id, c.delivery_id, c.attempts, e.url, e.secret, n.advice_id, n.rule_id, n.severity, n.message,"
                                    + " n.figure, n.target, n.unit, n.source_document, n.source_section, n.source_point, n.period, n.issued_at,"
                                    + " n.read_at from claimed c join {h-schema}webhook_endpoint e on e.id = c.endpoint_id"
                                    + " join {h-schema}delivery d on d.id = c.delivery_id join {h-schema}notification n on n.advice_id = d.advice_id")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, Timestamp.from(now.plus(lease())))
                    .getResultList();
            return claimed.stream().findFirst().map(row -> new Claimed((UUID) row[0], (UUID) row[1], ((Number) row[2]).intValue(),
                    (String) row[3], (String) row[4], new NotificationView((UUID) row[5], (String) row[6], (String) row[7],
                    (String) row[8], ((Number) row[9]).doubleValue(), ((Number) row[10]).doubleValue(), (String) row[11],
                    new SourceView((String) row[12], (String) row[13], (String) row[14]), (String) row[15],
                    Delivery.instantOf(row[16]), row[17] != null)));
        });
    }

    /** Long enough for any send to end (connecting, then waiting for the answer), with room to record it. */
    private Duration lease() {
        return CONNECT_TIMEOUT.plus(timeout).plus(Duration.ofSeconds(30));
    }

    /** Sends a claimed message outside any transaction and records how it went; returns its new status. */
    private String send(Claimed message) {
        Instant sentAt = Instant.now();
        String error = post(message.id().toString(), message.url(), message.secret(), body(message.nudge(), sentAt));
        Instant now = Instant.now();
        int attempts = message.attempts();
        String status = error == null ? "delivered" : attempts >= maxAttempts ? Delivery.FAILED : Delivery.PENDING;
        Instant next = error == null || status.equals(Delivery.FAILED) ? now : now.plus(new RetryBackoff(firstRetry, longestRetry).after(attempts));
        QuarkusTransaction.requiringNew().run(() -> {
            var entityManager = Panache.getEntityManager();
            // a sender that outlived its lease leaves the message to the one that took it next
            int recorded = entityManager.createNativeQuery("update {h-schema}webhook_message set status = ?2, next_attempt_at = ?3,"
                            + " last_error = ?4, updated_at = ?5 where id = ?1 and attempts = ?6 and status = 'pending'")
                    .setParameter(1, message.id()).setParameter(2, status).setParameter(3, Timestamp.from(next))
                    .setParameter(4, error).setParameter(5, Timestamp.from(now)).setParameter(6, attempts).executeUpdate();
            if (recorded == 0) {
                return;
            }
            if (status.equals(Delivery.FAILED)) {
                LOG.warnf("webhook message %s failed after %d attempts: %s", message.id(), attempts, error);
                meters.counter(Delivery.DEAD_LETTERS_METRIC, "channel", channel().wireName()).increment();
            }
            // the delivery follows its messages: delivered once all are, failed if any failed
            entityManager.createNativeQuery("update {h-schema}delivery d set attempts = (select max(attempts) from {h-schema}webhook_message"
                            + " where delivery_id = d.id), detail = ?3, updated_at = ?2, status = case"
                            + " when exists (select 1 from {h-schema}webhook_message where delivery_id = d.id and status = 'failed') then 'failed'"
                            + " when not exists (select 1 from {h-schema}webhook_message where delivery_id = d.id and status <> 'delivered')"
                            + " then 'delivered' else d.status end where d.id = ?1")
                    .setParameter(1, message.deliveryId()).setParameter(2, Timestamp.from(now))
                    .setParameter(3, error == null ? null : (status.equals(Delivery.FAILED) ? "failed after " + attempts + " attempts: " : "retrying after: ") + error)
                    .executeUpdate();
        });
        return status;
    }

    /** Its failed messages start again from the first attempt, with the same webhook-id; delivered ones stay delivered. */
    @Override
    public void redeliver(Delivery failed, Instant now) {
        Panache.getEntityManager().createNativeQuery("update {h-schema}webhook_message set status = 'pending', attempts = 0,"
                        + " next_attempt_at = ?2, last_error = null, updated_at = ?2 where delivery_id = ?1 and status = 'failed'")
                .setParameter(1, failed.id).setParameter(2, Timestamp.from(now)).executeUpdate();
        failed.status = "sending";
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
