package org.upright.notification.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.upright.localinfra.LocalInfraTestResource;

/** What another instance makes available on the stream wakes this instance's streams of that person, and no others. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class StreamFeedTest {

    @Inject
    StreamFeed feed;

    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    @Test
    void whatAnotherInstanceMadeAvailableWakesOnlyThatPersonsStreams() throws Exception {
        String user = "user-" + UUID.randomUUID();
        CountDownLatch woken = new CountDownLatch(1);
        AtomicInteger othersWoken = new AtomicInteger();
        Runnable stopListening = feed.listen(user, woken::countDown);
        Runnable stopOthers = feed.listen("user-" + UUID.randomUUID(), othersWoken::incrementAndGet);
        try {
            assertFalse(woken.await(1, TimeUnit.SECONDS), "woken without news");

            madeAvailableByAnotherInstance(user);

            assertTrue(woken.await(5, TimeUnit.SECONDS), "not woken within 5 s");
            assertEquals(0, othersWoken.get());
        } finally {
            stopListening.run();
            stopOthers.run();
        }
    }

    private void madeAvailableByAnotherInstance(String user) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "insert into {h-schema}delivery (id, advice_id, user_id, rule_id, channel, decision, reason, due_at, status,"
                                + " decided_at, updated_at, stream_position) values (gen_random_uuid(), gen_random_uuid(), ?1, 'posture-poor',"
                                + " 'stream', 'push', 'pushed', now(), 'delivered', now(), now(), nextval('" + schema + ".stream_position'))")
                .setParameter(1, user).executeUpdate());
    }
}
