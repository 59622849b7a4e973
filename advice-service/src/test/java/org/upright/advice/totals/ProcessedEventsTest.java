package org.upright.advice.totals;

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

/** Applied event ids are kept as long as their records could come again, and no longer. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class ProcessedEventsTest {

    @Inject
    ProcessedEvents processed;

    @Test
    void idsProcessedBeforeTheLineAreForgottenAndNoOthers() {
        Instant now = Instant.now();
        UUID old = processedAt(now.minus(Duration.ofDays(36)));
        UUID recent = processedAt(now.minus(Duration.ofDays(34)));

        long forgotten = processed.forgetProcessedBefore(now.minus(Duration.ofDays(35)));

        assertTrue(forgotten >= 1, "forgot " + forgotten);
        assertFalse(stored(old), "processed 36 days ago");
        assertTrue(stored(recent), "processed 34 days ago");
        assertEquals(0, processed.forgetProcessedBefore(now.minus(Duration.ofDays(35))), "nothing left to forget");
    }

    private static UUID processedAt(Instant at) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "insert into {h-schema}processed_event (event_id, user_id, processed_at) values (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, "user-" + UUID.randomUUID()).setParameter(3, Timestamp.from(at)).executeUpdate());
        return id;
    }

    private static boolean stored(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                "select count(*) from {h-schema}processed_event where event_id = ?1").setParameter(1, id).getSingleResult()).intValue() == 1);
    }
}
