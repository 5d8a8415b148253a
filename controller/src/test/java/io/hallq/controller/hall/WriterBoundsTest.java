package io.hallq.controller.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.RejectReason;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's queue is bounded, its futures complete off the writer, and none of them can hang. */
class WriterBoundsTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);

    private HallController start(int maxQueued) {
        return HallController.start(TestHalls.small(dir), clock, Duration.ZERO, maxQueued);
    }

    /** Holds the writer inside a query until {@code release} opens. */
    private static CompletableFuture<Object> holdWriter(HallController c, CountDownLatch entered,
                                                        CountDownLatch release) {
        return c.query(s -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    @Test
    void aFullQueue_rejectsTheCommandAsOverloaded_changingNothing_andServesAgainOnceDrained() throws Exception {
        try (HallController c = start(5)) {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            holdWriter(c, entered, release);
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            List<CompletableFuture<Outcome>> queued = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                queued.add(c.submit(Command.IssueTicket.walkIn("PAY")));
            }
            Outcome refused = c.submit(Command.IssueTicket.walkIn("PAY")).orTimeout(1, TimeUnit.SECONDS).join();
            Result.Rejected r = assertInstanceOf(Result.Rejected.class, refused.result());
            assertEquals(RejectReason.OVERLOADED, r.reason());
            assertTrue(refused.events().isEmpty());
            CompletionException q = assertThrows(CompletionException.class,
                    () -> c.query(s -> s.waitingCount()).orTimeout(1, TimeUnit.SECONDS).join());
            assertEquals(HallUnavailableException.Why.OVERLOADED,
                    assertInstanceOf(HallUnavailableException.class, q.getCause()).why());

            release.countDown();
            queued.forEach(f -> assertTrue(f.orTimeout(10, TimeUnit.SECONDS).join().accepted()));
            assertEquals(5, c.query(s -> s.waitingCount()).orTimeout(10, TimeUnit.SECONDS).join());
            assertTrue(c.submit(Command.IssueTicket.walkIn("PAY")).orTimeout(10, TimeUnit.SECONDS).join().accepted());
        }
    }

    @Test
    void callersCallbacks_runOnTheRepliesThread_neverOnTheWriter() {
        try (HallController c = start(100)) {
            AtomicReference<String> submitThread = new AtomicReference<>();
            AtomicReference<String> queryThread = new AtomicReference<>();
            CountDownLatch writerSeen = new CountDownLatch(1);
            AtomicReference<String> writer = new AtomicReference<>();
            c.query(s -> {
                writer.set(Thread.currentThread().getName());
                writerSeen.countDown();
                return 0;
            }).join();
            // the future is not complete yet when thenAccept is attached: the completing thread runs it
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch entered = new CountDownLatch(1);
            holdWriter(c, entered, release);
            CompletableFuture<Void> a = c.submit(Command.IssueTicket.walkIn("PAY"))
                    .thenAccept(o -> submitThread.set(Thread.currentThread().getName()));
            CompletableFuture<Void> b = c.query(s -> s.waitingCount())
                    .thenAccept(n -> queryThread.set(Thread.currentThread().getName()));
            release.countDown();
            a.orTimeout(10, TimeUnit.SECONDS).join();
            b.orTimeout(10, TimeUnit.SECONDS).join();
            assertEquals("hall-writer", writer.get());
            assertEquals("hall-replies", submitThread.get());
            assertEquals("hall-replies", queryThread.get());
        }
    }

    @Test
    void waitingForAHallFutureInsideACallback_failsAtOnce_insteadOfWaitingForItself() {
        try (HallController c = start(100)) {
            CompletableFuture<Object> inner = c.submit(Command.IssueTicket.walkIn("PAY"))
                    .thenApply(o -> c.query(s -> s.waitingCount()).join());
            CompletionException e = assertThrows(CompletionException.class,
                    () -> inner.orTimeout(10, TimeUnit.SECONDS).join());
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
    }

    @Test
    void afterClose_commandsAndQueriesFailWithAReason_insteadOfHanging() {
        HallController c = start(100);
        c.close();
        CompletionException s = assertThrows(CompletionException.class,
                () -> c.submit(Command.IssueTicket.walkIn("PAY")).orTimeout(1, TimeUnit.SECONDS).join());
        assertEquals(HallUnavailableException.Why.STOPPED,
                assertInstanceOf(HallUnavailableException.class, s.getCause()).why());
        CompletionException q = assertThrows(CompletionException.class,
                () -> c.query(st -> st.waitingCount()).orTimeout(1, TimeUnit.SECONDS).join());
        assertInstanceOf(HallUnavailableException.class, q.getCause());
    }

    @Test
    void aJournalThatCannotBeWritten_failsTheHall_onceWithTheReason_andEveryFutureAfterIt() throws Exception {
        HallConfig config = TestHalls.small(dir);
        try (HallController c = HallController.start(config, clock, Duration.ZERO)) {
            assertTrue(c.submit(Command.IssueTicket.walkIn("PAY")).join().accepted());
            List<String> reasons = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch told = new CountDownLatch(1);
            c.onFailure(why -> {
                reasons.add(why);
                told.countDown();
            });
            // the next business day's segment cannot be created: a folder is in its place
            Files.createDirectories(dir.resolve("journal-2026-11-24.log").resolve("blocked"));
            clock.advance(Duration.ofHours(19)); // 05:00 the next morning: the hall is closed, a new day starts
            CompletionException e = assertThrows(CompletionException.class,
                    () -> c.submit(Command.IssueTicket.walkIn("PAY")).orTimeout(10, TimeUnit.SECONDS).join());
            HallUnavailableException u = assertInstanceOf(HallUnavailableException.class, e.getCause());
            assertEquals(HallUnavailableException.Why.WRITER_FAILED, u.why());
            assertTrue(told.await(10, TimeUnit.SECONDS));
            assertEquals(1, reasons.size());
            assertTrue(reasons.get(0).contains("journal cannot be written"), reasons.get(0));
            assertNotNull(c.failure());
            CompletionException later = assertThrows(CompletionException.class,
                    () -> c.query(s -> s.waitingCount()).orTimeout(1, TimeUnit.SECONDS).join());
            assertInstanceOf(HallUnavailableException.class, later.getCause());
        }
    }

    @Test
    void aListenerThatThrows_failsTheHall_insteadOfMissingEventsSilently() throws Exception {
        try (HallController c = start(100)) {
            CountDownLatch told = new CountDownLatch(1);
            AtomicReference<String> why = new AtomicReference<>();
            c.onFailure(w -> {
                why.set(w);
                told.countDown();
            });
            c.addListener(events -> {
                if (events.stream().anyMatch(e -> e.event() instanceof HallEvent.TicketIssued)) {
                    throw new IllegalStateException("a bug in a module");
                }
            });
            assertTrue(c.submit(Command.IssueTicket.walkIn("PAY")).join().accepted());
            assertTrue(told.await(10, TimeUnit.SECONDS));
            assertTrue(why.get().contains("a bug in a module"), why.get());
            assertFalse(why.get().contains("\n"));
        }
    }
}
