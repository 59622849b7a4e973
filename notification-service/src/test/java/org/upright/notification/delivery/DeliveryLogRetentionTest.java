package org.upright.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.upright.localinfra.LocalInfraTestResource;

/** Settled deliveries leave the log once old, with their webhook attempts; pending and sending ones never do. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class DeliveryLogRetentionTest {

    @Inject
    DeliveryLogRetention retention;

    @Test
    void settledDeliveriesOlderThanTheLineAreForgottenWithTheirAttemptsAndNothingElse() {
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(91));
        UUID sentLongAgo = delivery("webhook", "delivered", old);
        UUID attempt = webhookAttempt(sentLongAgo);
        UUID suppressedLongAgo = delivery("stream", "suppressed", old);
        UUID stillPending = delivery("webhook", "pending", old);
        UUID stillSending = delivery("webhook", "sending", old);
        UUID itsAttempt = webhookAttempt(stillSending);
        UUID sentRecently = delivery("email", "delivered", now.minus(Duration.ofDays(89)));

        long forgotten = retention.forgetSettledBefore(now.minus(Duration.ofDays(90)));

        assertEquals(2, forgotten);
        assertFalse(exists("delivery", sentLongAgo), "delivered 91 days ago");
        assertFalse(exists("webhook_message", attempt), "its webhook attempt");
        assertFalse(exists("delivery", suppressedLongAgo), "suppressed 91 days ago");
        assertTrue(exists("delivery", stillPending), "pending, however old");
        assertTrue(exists("delivery", stillSending), "sending, however old");
        assertTrue(exists("webhook_message", itsAttempt), "the attempt of a delivery that is sending");
        assertTrue(exists("delivery", sentRecently), "delivered 89 days ago");
    }

    private static UUID delivery(String channel, String status, Instant at) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "insert into {h-schema}delivery (id, advice_id, user_id, rule_id, channel, decision, reason, due_at, status,"
                                + " decided_at, updated_at) values (?1, ?2, ?3, 'posture-poor', ?4, 'push', 'pushed', ?5, ?6, ?5, ?5)")
                .setParameter(1, id).setParameter(2, UUID.randomUUID()).setParameter(3, "user-" + UUID.randomUUID())
                .setParameter(4, channel).setParameter(5, Timestamp.from(at)).setParameter(6, status).executeUpdate());
        return id;
    }

    private static UUID webhookAttempt(UUID deliveryId) {
        UUID endpoint = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Panache.getEntityManager().createNativeQuery("insert into {h-schema}webhook_endpoint (id, user_id, url, secret, created_at)"
                            + " values (?1, ?2, 'https://example.org/hook', 'whsec_x', now())")
                    .setParameter(1, endpoint).setParameter(2, "user-" + UUID.randomUUID()).executeUpdate();
            Panache.getEntityManager().createNativeQuery("insert into {h-schema}webhook_message (id, delivery_id, endpoint_id, status,"
                            + " attempts, next_attempt_at, updated_at) values (?1, ?2, ?3, 'delivered', 1, now(), now())")
                    .setParameter(1, message).setParameter(2, deliveryId).setParameter(3, endpoint).executeUpdate();
        });
        return message;
    }

    private static boolean exists(String table, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                "select count(*) from {h-schema}" + table + " where id = ?1").setParameter(1, id).getSingleResult()).intValue() == 1);
    }
}
