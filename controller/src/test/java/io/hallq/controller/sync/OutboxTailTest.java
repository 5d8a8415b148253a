package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.mqtt.EventMessage;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox sends from its in-memory tail of durable events and reads the journal only when it is behind that
 * tail: at start (events journaled before it listened, or before a restart) and after an outage longer than the
 * tail. Either way every event goes out once per round, in order, with no gap.
 */
class OutboxTailTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService owner = Executors.newSingleThreadScheduledExecutor();
    private final List<Long> sent = new CopyOnWriteArrayList<>();
    /** The thread each event was last published on. */
    private final java.util.Map<Long, String> sentOn = new java.util.concurrent.ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        owner.shutdownNow();
    }

    private HallController hall() {
        return SyncHalls.bare(dir);
    }

    private Outbox outbox(HallController hall) {
        return new Outbox("h1", hall, owner, out -> {
            if (out.topic().equals(Topics.events("h1"))) {
                long seq = MqttCodec.decodeOrThrow(out.payload(), EventMessage.class).seq();
                sent.add(seq);
                sentOn.put(seq, Thread.currentThread().getName());
            }
            return CompletableFuture.completedFuture(null);
        }, new CounterFile(dir.resolve("cursor")));
    }

    /**
     * Submits {@code n} commands that each journal one event, without waiting for each, in rounds of 500 (the
     * writer's queue refuses what is over its bound as OVERLOADED).
     */
    private static void journal(HallController hall, int n) {
        List<CompletableFuture<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean on = i % 2 == 1;
            done.add(hall.submit(new Command.SetService("OPEN", on, on ? null : "暂停", on ? null : "Paused")));
            if (done.size() == 500) {
                CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
                done.clear();
            }
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Journals {@code n} events and waits until the hall's effects thread has handed them all to its listeners, so
     * that a listener added next gets none of them (they are the journal's, as at a start).
     */
    private static void journalBeforeListening(HallController hall, int n) {
        java.util.concurrent.atomic.AtomicLong handedOver = new java.util.concurrent.atomic.AtomicLong();
        hall.addListener(events -> handedOver.set(events.get(events.size() - 1).sequence()));
        journal(hall, n);
        waitFor(() -> handedOver.get() == hall.lastSequence());
    }

    private <T> T on(java.util.concurrent.Callable<T> work) throws Exception {
        return owner.submit(work).get(10, TimeUnit.SECONDS);
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void liveEvents_goOutFromTheTail_withoutReadingTheJournal() throws Exception {
        try (HallController hall = hall()) {
            journalBeforeListening(hall, 20);
            Outbox outbox = outbox(hall);
            hall.addListener(outbox::offerFromEffects); // on the effects thread, as MqttModule does
            on(() -> { outbox.connected(10); return null; });
            long readsAtStart = on(outbox::journalReads);
            assertTrue(readsAtStart >= 1, "what was journaled before it listened is read from the journal");

            journal(hall, 600);
            long last = hall.lastSequence();
            waitFor(() -> on(outbox::cursor) == last);
            assertEquals(range(1, last), sent, "every event once, in order");
            assertEquals(readsAtStart, (long) on(outbox::journalReads), "live events came from memory");
        }
    }

    @Test
    void outageLongerThanTheTail_readsTheJournalUpToTheTail_thenSendsFromMemory() throws Exception {
        try (HallController hall = hall()) {
            Outbox outbox = outbox(hall);
            hall.addListener(outbox::offerFromEffects); // on the effects thread, as MqttModule does
            on(() -> { outbox.connected(10); return null; });
            journal(hall, 50);
            long before = hall.lastSequence();
            waitFor(() -> on(outbox::cursor) == before);

            on(() -> { outbox.disconnected(); return null; });
            journal(hall, Outbox.TAIL + 700);
            long last = hall.lastSequence();
            waitFor(() -> on(outbox::heldUpTo) == last);
            sent.clear();
            long reads = on(outbox::journalReads);
            on(() -> { outbox.connected(10); return null; });
            waitFor(() -> on(outbox::cursor) == last);

            assertEquals(range(before + 1, last), sent, "resent after the cursor, in order, no gap");
            long behind = last - before - Outbox.TAIL;
            long journalReads = on(outbox::journalReads) - reads;
            assertTrue(journalReads >= 1 && journalReads <= behind / 256 + 2,
                    "only the part before the tail is read, in batches: " + journalReads + " reads for " + behind);
        }
    }

    @Test
    void afterARestart_resumesAfterTheSavedCursor_fromTheJournal() throws Exception {
        long cursor;
        try (HallController hall = hall()) {
            Outbox outbox = outbox(hall);
            hall.addListener(outbox::offerFromEffects); // on the effects thread, as MqttModule does
            on(() -> { outbox.connected(10); return null; });
            journal(hall, 300);
            long last = hall.lastSequence();
            waitFor(() -> on(outbox::cursor) == last);
            on(() -> { outbox.save(); return null; });
            cursor = last;
        }
        sent.clear();
        try (HallController hall = hall()) {
            journalBeforeListening(hall, 40); // as at a start
            Outbox outbox = outbox(hall);
            hall.addListener(outbox::offerFromEffects); // on the effects thread, as MqttModule does
            on(() -> { outbox.connected(10); return null; });
            journal(hall, 10);
            long last = hall.lastSequence();
            waitFor(() -> on(outbox::cursor) == last);
            assertEquals(range(cursor + 1, last), sent);
        }
    }

    /**
     * The hall's effects thread offers its events itself: live events are published on it (no hand-over to the
     * owner first), in order with what the owner sends, and an outbox behind its tail reads the journal on the owner
     * only, never on the effects thread.
     */
    @Test
    void eventsOfferedOnTheEffectsThread_goOutFromIt_inOrder_andTheJournalIsReadOnTheOwnerOnly() throws Exception {
        try (HallController hall = hall()) {
            journalBeforeListening(hall, 20); // read from the journal
            Outbox outbox = outbox(hall);
            hall.addListener(outbox::offerFromEffects);
            String ownerThread = on(() -> Thread.currentThread().getName());
            on(() -> { outbox.connected(10); return null; });
            journal(hall, 600);
            waitFor(() -> on(outbox::cursor) == hall.lastSequence());
            // The 600 may reach the effects thread in a few large batches, each of which can find the owner busy
            // (a loaded machine: then all go through the owner). Then one at a time, each once the previous is
            // acknowledged: the owner is idle, and the effects thread finds the lock free.
            for (int i = 0; i < 20; i++) {
                journal(hall, 1);
                long one = hall.lastSequence();
                waitFor(() -> on(outbox::cursor) == one);
            }
            long live = hall.lastSequence();
            long reads = on(outbox::journalReads);

            on(() -> { outbox.disconnected(); return null; });
            journal(hall, Outbox.TAIL + 300);
            long last = hall.lastSequence();
            waitFor(() -> on(outbox::heldUpTo) == last);
            on(() -> { outbox.connected(10); return null; });
            waitFor(() -> on(outbox::cursor) == last);

            assertEquals(range(1, last), sent, "every event once, in order, no gap");
            for (long seq = 1; seq <= 20; seq++) {
                assertEquals(ownerThread, sentOn.get(seq), "journaled before listening: read and sent on the owner");
            }
            for (long seq = live + 1; seq <= last - Outbox.TAIL; seq++) {
                assertEquals(ownerThread, sentOn.get(seq), "behind the tail after the outage: sent on the owner");
            }
            long onEffects = LongStream.rangeClosed(21, live).filter(q -> "hall-effects".equals(sentOn.get(q))).count();
            assertTrue(onEffects > 0, "live events are published on the effects thread");
            assertTrue(on(outbox::journalReads) > reads, "the outage's events before the tail came from the journal");
            assertEquals(0L, (long) on(outbox::stallResends));
            assertEquals(0L, on(outbox::backlog)[1], "nothing durable is left unacknowledged");
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check) {
        io.hallq.controller.Await.until("the outbox's condition", java.time.Duration.ofSeconds(20), () -> {
            try {
                return check.ok();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
