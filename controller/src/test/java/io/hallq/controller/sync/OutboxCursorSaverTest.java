package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.Await;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's cursor file is written on a saver of its own, not on the thread that sends (its fsync took tens
 * of milliseconds on a busy disk, and every event behind it waited): sending goes on while a write is held up,
 * the file gets the newest acknowledged cursor, and a write that fails is made again at the next save.
 */
class OutboxCursorSaverTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService owner = Executors.newSingleThreadScheduledExecutor();
    /** The saver under the test's control: writes run only when the test runs them. */
    private final BlockingQueue<Runnable> writes = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        owner.shutdownNow();
    }

    private HallController hall() {
        return SyncHalls.bare(dir);
    }

    private <T> T on(java.util.concurrent.Callable<T> work) throws Exception {
        return owner.submit(work).get(10, TimeUnit.SECONDS);
    }

    private static void journal(HallController hall, int n) {
        for (int i = 0; i < n; i++) {
            boolean on = i % 2 == 1;
            hall.submit(new Command.SetService("OPEN", on, on ? null : "暂停", on ? null : "Paused")).join();
        }
    }

    private long stored(Path file) throws Exception {
        return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : -1;
    }

    @Test
    void aHeldUpCursorWrite_doesNotHoldUpSending_andTheFileGetsTheNewestCursor() throws Exception {
        Path file = dir.resolve("cursor");
        try (HallController hall = hall()) {
            List<Long> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
            Outbox outbox = new Outbox("h1", hall, owner, out -> {
                sent.add(1L);
                return CompletableFuture.completedFuture(null);
            }, new CounterFile(file), writes::add);
            hall.addListener(outbox::offerFromEffects); // on the effects thread, as MqttModule does
            on(() -> { outbox.connected(10); return null; });
            journal(hall, 5);
            long first = hall.lastSequence();
            Await.until("the first events acknowledged", () -> cursor(outbox) == first);
            on(() -> { outbox.save(); return null; });
            List<Runnable> held = new java.util.ArrayList<>();
            writes.drainTo(held);
            assertTrue(!held.isEmpty(), "the save handed its write to the saver");
            assertEquals(-1, stored(file), "nothing is written on the sending thread");

            int sentBefore = sent.size();
            journal(hall, 5);
            long last = hall.lastSequence();
            Await.until("later events sent and acknowledged while the write is held up", () -> cursor(outbox) == last);
            assertEquals(sentBefore + (last - first), sent.size());
            on(() -> { outbox.save(); return null; });
            writes.drainTo(held);
            held.get(0).run();
            assertTrue(stored(file) >= 1 && stored(file) <= first, "the first write holds an acknowledged cursor");
            held.forEach(Runnable::run);
            assertEquals(last, stored(file), "the writes land in order: the file ends with the newest cursor");
        }
    }

    @Test
    void aFailedCursorWrite_isMadeAgainAtTheNextSave() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        Path file = blocker.resolve("cursor"); // cannot be created while blocker is a file
        try (HallController hall = hall()) {
            Outbox outbox = new Outbox("h1", hall, owner, out -> CompletableFuture.completedFuture(null),
                    new CounterFile(file), writes::add);
            hall.addListener(outbox::offerFromEffects); // on the effects thread, as MqttModule does
            on(() -> { outbox.connected(10); return null; });
            journal(hall, 3);
            long last = hall.lastSequence();
            Await.until("the events acknowledged", () -> cursor(outbox) == last);
            on(() -> { outbox.save(); return null; });
            List<Runnable> failing = new java.util.ArrayList<>();
            writes.drainTo(failing);
            assertTrue(!failing.isEmpty());
            failing.forEach(Runnable::run); // they fail: the directory cannot be made
            assertEquals(-1, stored(file));
            on(() -> null); // the failure's hand-back to the owner has run
            Files.delete(blocker);
            on(() -> { outbox.save(); return null; });
            Runnable again = writes.poll(10, TimeUnit.SECONDS);
            assertTrue(again != null, "the next save writes the cursor again");
            again.run();
            assertEquals(last, stored(file));
        }
    }

    private long cursor(Outbox outbox) {
        try {
            return on(outbox::cursor);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
