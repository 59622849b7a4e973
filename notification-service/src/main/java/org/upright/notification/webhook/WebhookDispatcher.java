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
import org.upright.notification.inbox.Notification;
import org.upright.notification.policy.Channel;

/**
 * Sends webhook nudges. A due webhook delivery becomes one message per endpoint the person has;
 * each message is signed (Standard Webhooks) and retried with exponential backoff and jitter until
 * it is accepted or runs out of attempts, keeping its webhook-id so receivers can dedupe. Sending
 * starts right after the commit that made a delivery due, and again when a retry falls due. Rows are
 * taken with SKIP LOCKED, so senders and instances work side by side; nothing is sent twice unless
 * a retry was needed.
 */
@ApplicationScoped
public class WebhookDispatcher implements ChannelDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int EXPAND_AT_ONCE = 100;

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
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
        int wanted = Math.min(senders, countDue(Instant.now()));
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
                        // the loop skipped the messages this sender held, so it has not timed their retries
                        due.fire(new DeliveriesDue(EnumSet.of(Channel.WEBHOOK)));
                    }
                }
            });
        }
        return nextDue();
    }

    /** @return whether a send failed and will be retried */
    private boolean sendAllDue() {
        boolean retries = false;
        for (Optional<String> status = sendOneDue(Instant.now()); status.isPresent(); status = sendOneDue(Instant.now())) {
            retries |= status.get().equals(Delivery.PENDING);
        }
        return retries;
    }

    /** Turns due webhook deliveries into one message per endpoint; a person without endpoints gets none. */
    int expandDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var entityManager = Panache.getEntityManager();
            @SuppressWarnings("unchecked")
            List<Object[]> due = entityManager.createNativeQuery(
                            "select id, user_id from {h-schema}delivery where channel = 'webhook' and status = 'pending' and decision = 'push'"
                                    + " and due_at <= ?1"
                                    + " order by due_at limit " + EXPAND_AT_ONCE + " for update skip locked")
                    .setParameter(1, Timestamp.from(now)).getResultList();
            for (Object[] delivery : due) {
                List<WebhookEndpoint> endpoints = WebhookEndpoint.list("userId", delivery[1]);
                for (WebhookEndpoint endpoint : endpoints) {
                    entityManager.createNativeQuery("insert into {h-schema}webhook_message (id, delivery_id, endpoint_id, status, next_attempt_at,"
                                    + " updated_at) values (?1, ?2, ?3, 'pending', ?4, ?4)")
                            .setParameter(1, UUID.randomUUID()).setParameter(2, delivery[0]).setParameter(3, endpoint.id)
                            .setParameter(4, Timestamp.from(now)).executeUpdate();
                }
                entityManager.createNativeQuery("update {h-schema}delivery set status = ?2, detail = case when ?2 = 'skipped'"
                                + " then 'no webhook endpoint registered' end, updated_at = ?3 where id = ?1")
                        .setParameter(1, delivery[0]).setParameter(2, endpoints.isEmpty() ? "skipped" : "sending")
                        .setParameter(3, Timestamp.from(now)).executeUpdate();
            }
            return due.size();
        });
    }

    private int countDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                        "select count(*) from {h-schema}webhook_message where status = 'pending' and next_attempt_at <= ?1")
                .setParameter(1, Timestamp.from(now)).getSingleResult()).intValue());
    }

    /** When the next held-back delivery or retry falls due, if any is pending. */
    private Optional<Instant> nextDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Instant> delivery = Delivery.nextDue(Channel.WEBHOOK.wireName());
            // a message a sender is sending right now is locked: skipping it keeps the loop from waking for it.
            // Untyped: a native query with a result class is planned anew on every run (QueryPlansTest).
            @SuppressWarnings("unchecked")
            Optional<Instant> retry = Panache.getEntityManager().createNativeQuery(
                            "select next_attempt_at from {h-schema}webhook_message where status = 'pending' order by next_attempt_at"
                                    + " limit 1 for update skip locked")
                    .getResultList().stream().findFirst().map(Delivery::instantOf);
            return Stream.of(delivery, retry).flatMap(Optional::stream).min(Comparator.naturalOrder());
        });
    }

    /** Sends the most overdue message, if one is due; returns its new status, or nothing when none was due. */
    Optional<String> sendOneDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var entityManager = Panache.getEntityManager();
            @SuppressWarnings("unchecked")
            List<Object[]> due = entityManager.createNativeQuery(
                            "select m.id, m.delivery_id, m.attempts, e.url, e.secret, d.advice_id from {h-schema}webhook_message m"
                                    + " join {h-schema}webhook_endpoint e on e.id = m.endpoint_id join {h-schema}delivery d on d.id = m.delivery_id"
                                    + " where m.status = 'pending' and m.next_attempt_at <= ?1 order by m.next_attempt_at limit 1"
                                    + " for update of m skip locked")
                    .setParameter(1, Timestamp.from(now)).getResultList();
            if (due.isEmpty()) {
                return Optional.<String>empty();
            }
            Object[] message = due.get(0);
            UUID id = (UUID) message[0];
            int attempts = ((Number) message[2]).intValue() + 1;
            String error = send(id.toString(), (String) message[3], (String) message[4], body((UUID) message[5], now));
            String status = error == null ? "delivered" : attempts >= maxAttempts ? Delivery.FAILED : Delivery.PENDING;
            Instant next = error == null || status.equals(Delivery.FAILED) ? now : now.plus(new RetryBackoff(firstRetry, longestRetry).after(attempts));
            entityManager.createNativeQuery("update {h-schema}webhook_message set status = ?2, attempts = ?3, next_attempt_at = ?4,"
                            + " last_error = ?5, updated_at = ?6 where id = ?1")
                    .setParameter(1, id).setParameter(2, status).setParameter(3, attempts).setParameter(4, Timestamp.from(next))
                    .setParameter(5, error).setParameter(6, Timestamp.from(now)).executeUpdate();
            if (status.equals(Delivery.FAILED)) {
                LOG.warnf("webhook message %s failed after %d attempts: %s", id, attempts, error);
                meters.counter(Delivery.DEAD_LETTERS_METRIC, "channel", channel().wireName()).increment();
            }
            // the delivery follows its messages: delivered once all are, failed if any failed
            entityManager.createNativeQuery("update {h-schema}delivery d set attempts = (select max(attempts) from {h-schema}webhook_message"
                            + " where delivery_id = d.id), detail = ?3, updated_at = ?2, status = case"
                            + " when exists (select 1 from {h-schema}webhook_message where delivery_id = d.id and status = 'failed') then 'failed'"
                            + " when not exists (select 1 from {h-schema}webhook_message where delivery_id = d.id and status <> 'delivered')"
                            + " then 'delivered' else d.status end where d.id = ?1")
                    .setParameter(1, message[1]).setParameter(2, Timestamp.from(now))
                    .setParameter(3, error == null ? null : (status.equals(Delivery.FAILED) ? "failed after " + attempts + " attempts: " : "retrying after: ") + error)
                    .executeUpdate();
            return Optional.of(status);
        });
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

    private String body(UUID adviceId, Instant now) {
        Notification notification = Notification.findById(adviceId);
        try {
            return json.writeValueAsString(Map.of("type", "upright.nudge", "timestamp", now.toString(),
                    "data", NotificationView.of(notification)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the webhook body", e);
        }
    }

    /** @return null when the receiver accepted it (2xx), else what went wrong */
    private String send(String webhookId, String url, String secret, String body) {
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
