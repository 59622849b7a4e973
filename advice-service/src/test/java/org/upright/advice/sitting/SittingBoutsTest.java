package org.upright.advice.sitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.upright.localinfra.LocalInfraTestResource;

/** Bouts are kept only while a nudge could still be due for them. */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class SittingBoutsTest {

    private static final Duration NUDGE_AFTER = Duration.ofMinutes(50);

    @Inject
    SittingBouts bouts;

    @Test
    void boutsThatBeganBeforeANudgeCouldBeDueAreNotStored() {
        String user = "user-" + UUID.randomUUID();
        Instant now = Instant.now();
        Instant dayAndHourAgo = now.minus(Duration.ofHours(25));
        Instant hourAgo = now.minus(Duration.ofHours(1));

        QuarkusTransaction.requiringNew().run(() -> {
            bouts.open(List.of(new SittingBouts.Bout(user, "past-open", dayAndHourAgo, null),
                    new SittingBouts.Bout(user, "recent-open", hourAgo, null)), NUDGE_AFTER);
            bouts.close(List.of(new SittingBouts.Bout(user, "past-closed", dayAndHourAgo, dayAndHourAgo.plus(NUDGE_AFTER)),
                    new SittingBouts.Bout(user, "recent-closed", hourAgo, hourAgo.plus(Duration.ofMinutes(20)))));
        });

        assertEquals(List.of("recent-closed", "recent-open"), storedBouts(user));
    }

    @Test
    void boutsAreForgottenOnceTheyBeganBeforeANudgeCouldBeDue() {
        String user = "user-" + UUID.randomUUID();
        Instant now = Instant.now();
        storeBout(user, "day-old", now.minus(Duration.ofHours(25)));
        storeBout(user, "hour-old", now.minus(Duration.ofHours(1)));

        long forgotten = bouts.forgetPast();

        assertTrue(forgotten >= 1, "forgot " + forgotten);
        assertEquals(List.of("hour-old"), storedBouts(user));
    }

    private static void storeBout(String user, String boutId, Instant start) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "insert into {h-schema}sitting_bout (user_id, bout_id, started_at, nudge_due_at) values (?1, ?2, ?3, ?3)")
                .setParameter(1, user).setParameter(2, boutId).setParameter(3, Timestamp.from(start)).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private static List<String> storedBouts(String user) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                "select bout_id from {h-schema}sitting_bout where user_id = ?1 order by bout_id").setParameter(1, user).getResultList());
    }
}
