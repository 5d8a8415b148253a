package io.hallq.controller.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sd_notify over a real datagram socket, the watchdog fed by the writer's ticks, and a wedged writer ending it. */
class SupervisionTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);

    @Test
    void notifications_reachAPathSocket_asOneDatagramEach() {
        try (NotifySocket socket = new NotifySocket(dir.resolve("notify").toString())) {
            SdNotify notify = SdNotify.from(Map.of("NOTIFY_SOCKET", socket.name()), 1);
            notify.ready("hall test-hall serving");
            assertEquals("READY=1\nSTATUS=hall test-hall serving", socket.receive().orElseThrow());
            notify.watchdogAlive();
            assertEquals("WATCHDOG=1", socket.receive().orElseThrow());
        }
    }

    @Test
    void notifications_reachAnAbstractSocket() {
        String name = "@hallq-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (NotifySocket socket = new NotifySocket(name)) {
            assertTrue(SdNotify.from(Map.of("NOTIFY_SOCKET", name), 1).send("STATUS=abstract"));
            assertEquals("STATUS=abstract", socket.receive().orElseThrow());
        }
    }

    @Test
    void withoutNotifySocket_nothingIsSent_andThereIsNoWatchdog() {
        SdNotify notify = SdNotify.from(Map.of("WATCHDOG_USEC", "2000000"), 1);
        assertTrue(!notify.enabled() && notify.watchdog().isEmpty());
        assertTrue(!notify.send("READY=1"));
    }

    @Test
    void watchdogUsec_isForTheMainProcessOnly() {
        Map<String, String> env = Map.of("NOTIFY_SOCKET", "/run/x", "WATCHDOG_USEC", "2000000", "WATCHDOG_PID", "7");
        assertEquals(Duration.ofSeconds(2), SdNotify.from(env, 7).watchdog().orElseThrow());
        assertTrue(SdNotify.from(env, 8).watchdog().isEmpty());
    }

    @Test
    void aServingHall_tellsReady_thenFeedsTheWatchdogWhileItsWriterHandlesTicks() {
        try (NotifySocket socket = new NotifySocket(dir.resolve("notify").toString());
             HallController hall = HallController.start(TestHalls.small(dir.resolve("data")), clock,
                     Duration.ofMillis(50))) {
            SdNotify notify = SdNotify.to(socket.name(), Duration.ofMillis(400));
            try (Supervision s = Supervision.start(hall, notify, Supervision.DEFAULT_WEDGE, status -> { }, "serving")) {
                assertTrue(socket.receiveUntil("READY=1").contains("STATUS=serving"));
                socket.receiveUntil("WATCHDOG=1");
                socket.receiveUntil("WATCHDOG=1");
            }
        }
    }

    @Test
    void aThreadDyingOfAnUncaughtException_endsTheProcessNonZero_namingTheThread() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try (HallController hall = HallController.start(TestHalls.small(dir.resolve("data")), clock, Duration.ZERO)) {
            AtomicInteger exitStatus = new AtomicInteger(-1);
            CountDownLatch exited = new CountDownLatch(1);
            try (Supervision s = Supervision.start(hall, SdNotify.from(Map.of(), 1), Supervision.DEFAULT_WEDGE,
                    status -> {
                        exitStatus.set(status);
                        exited.countDown();
                    }, "serving").endOnUncaughtExceptions()) {
                Thread.ofPlatform().name("some-module").start(() -> {
                    throw new IllegalStateException("module bug");
                }).join();
                assertTrue(exited.await(10, TimeUnit.SECONDS));
                assertEquals(Supervision.EXIT_FAILED, exitStatus.get());
                assertTrue(hall.failure().contains("some-module") && hall.failure().contains("module bug"),
                        hall.failure());
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    void pahosReceiveThreadDying_doesNotEndTheProcess_itsLinkConnectsAgain() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try (HallController hall = HallController.start(TestHalls.small(dir.resolve("data")), clock, Duration.ZERO)) {
            AtomicInteger exitStatus = new AtomicInteger(-1);
            try (Supervision s = Supervision.start(hall, SdNotify.from(Map.of(), 1), Supervision.DEFAULT_WEDGE,
                    exitStatus::set, "serving").endOnUncaughtExceptions()) {
                Thread.ofPlatform().name("MQTT Rec: hall-x").start(() -> {
                    throw new NegativeArraySizeException("-25536");
                }).join();
                assertEquals(null, hall.failure());
                assertEquals(-1, exitStatus.get());
                Thread.ofPlatform().name("MQTT Recorder").start(() -> {
                    throw new IllegalStateException("not Paho's receive thread");
                }).join();
                assertTrue(hall.failure() != null && hall.failure().contains("MQTT Recorder"), hall.failure());
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    void aWedgedWriter_isGivenUp_itsFuturesFailWithTheReason_andTheProcessEndsNonZero() throws Exception {
        try (NotifySocket socket = new NotifySocket(dir.resolve("notify").toString());
             HallController hall = HallController.start(TestHalls.small(dir.resolve("data")), clock,
                     Duration.ofMillis(50))) {
            AtomicInteger exitStatus = new AtomicInteger(-1);
            CountDownLatch exited = new CountDownLatch(1);
            SdNotify notify = SdNotify.to(socket.name(), Duration.ofMillis(400));
            CountDownLatch release = new CountDownLatch(1);
            try (Supervision s = Supervision.start(hall, notify, Duration.ofMillis(300), status -> {
                exitStatus.set(status);
                exited.countDown();
            }, "serving")) {
                socket.receiveUntil("READY=1");
                CompletableFuture<Object> stuck = hall.query(st -> {
                    try {
                        release.await(30, TimeUnit.SECONDS); // a writer that never comes back (until the test ends)
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
                CompletableFuture<Outcome> queued = hall.submit(io.hallq.controller.queue.Command.IssueTicket.walkIn("PAY"));
                assertTrue(exited.await(10, TimeUnit.SECONDS), "the process was not ended");
                assertEquals(Supervision.EXIT_FAILED, exitStatus.get());
                assertTrue(hall.failure().contains("wedged"), hall.failure());
                for (CompletableFuture<?> f : java.util.List.of(stuck, queued)) {
                    CompletionException e = assertThrows(CompletionException.class,
                            () -> f.orTimeout(10, TimeUnit.SECONDS).join());
                    assertInstanceOf(HallUnavailableException.class, e.getCause());
                }
                assertTrue(socket.receiveUntil("STATUS=failed").contains("wedged"));
            } finally {
                release.countDown();
            }
        }
    }
}
