package org.upright.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatchLoopTest {

    @Test
    void aWakeRunsTheDispatch() throws InterruptedException {
        Semaphore runs = new Semaphore(0);
        try (DispatchLoop loop = new DispatchLoop("test", () -> {
            runs.release();
            return Optional.empty();
        })) {
            loop.wake();
            assertTrue(runs.tryAcquire(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void wakesDuringARunMakeItRunOnceMore() throws InterruptedException {
        CountDownLatch firstRunStarted = new CountDownLatch(1);
        CountDownLatch letFirstRunFinish = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Semaphore finished = new Semaphore(0);
        try (DispatchLoop loop = new DispatchLoop("test", () -> {
            if (runs.incrementAndGet() == 1) {
                firstRunStarted.countDown();
                await(letFirstRunFinish);
            }
            finished.release();
            return Optional.empty();
        })) {
            loop.wake();
            assertTrue(firstRunStarted.await(5, TimeUnit.SECONDS));
            loop.wake();
            loop.wake();
            letFirstRunFinish.countDown();
            assertTrue(finished.tryAcquire(2, 5, TimeUnit.SECONDS), "the wakes during the first run make a second one");
            assertFalse(finished.tryAcquire(300, TimeUnit.MILLISECONDS), "two wakes during one run make one more run, not two");
            assertEquals(2, runs.get());
        }
    }

    @Test
    void itRunsAgainWhenTheNextDeliveryFallsDueWithoutBeingWoken() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Semaphore finished = new Semaphore(0);
        try (DispatchLoop loop = new DispatchLoop("test", () -> {
            finished.release();
            return runs.incrementAndGet() == 1 ? Optional.of(Instant.now().plus(Duration.ofMillis(200))) : Optional.empty();
        })) {
            loop.wake();
            assertTrue(finished.tryAcquire(2, 5, TimeUnit.SECONDS), "the second run comes when the next delivery is due");
        }
    }

    @Test
    void aFailingDispatchDoesNotStopTheLoop() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Semaphore finished = new Semaphore(0);
        try (DispatchLoop loop = new DispatchLoop("test", () -> {
            finished.release();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
            return Optional.empty();
        })) {
            loop.wake();
            assertTrue(finished.tryAcquire(5, TimeUnit.SECONDS));
            loop.wake();
            assertTrue(finished.tryAcquire(5, TimeUnit.SECONDS), "the next wake runs it again");
        }
    }

    /** Shutdown closes the loops before the database goes: a run under way finishes, and nothing starts after. */
    @Test
    void closingLetsARunFinishAndStartsNoOther() throws InterruptedException {
        CountDownLatch runStarted = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        DispatchLoop loop = new DispatchLoop("test", () -> {
            runs.incrementAndGet();
            runStarted.countDown();
            sleep(200);
            finished.incrementAndGet();
            return Optional.of(Instant.now().plus(Duration.ofMillis(100)));
        });
        loop.wake();
        assertTrue(runStarted.await(5, TimeUnit.SECONDS));
        loop.wake();

        loop.close();
        loop.wake();

        assertEquals(1, finished.get(), "the run under way finished before close returned");
        Thread.sleep(400);
        assertEquals(1, runs.get(), "neither the wake during the run, the timer it set nor a wake after close ran it again");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
