package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.mqtt.EventMessage;
import io.hallq.protocol.mqtt.MqttCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events the broker never acknowledges (a lost acknowledgement) are sent again from the cursor, in order. */
class OutboxStallTest {

    @TempDir
    Path dir;

    @Test
    void eventsNeverAcknowledged_areResentFromTheCursor_afterTheStallTime() throws Exception {
        ScheduledExecutorService owner = Executors.newSingleThreadScheduledExecutor();
        try (HallController hall = SyncHalls.bare(dir)) {
            hall.submit(Command.IssueTicket.walkIn("PAY")).join();
            hall.submit(Command.IssueTicket.walkIn("OPEN")).join();
            long last = hall.lastSequence();
            List<Long> sent = new CopyOnWriteArrayList<>();
            AtomicLong nanos = new AtomicLong();
            AtomicBoolean acknowledging = new AtomicBoolean(false);
            Outbox outbox = new Outbox("h1", hall, owner, out -> {
                sent.add(MqttCodec.decodeOrThrow(out.payload(), EventMessage.class).seq());
                return acknowledging.get() ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
            }, new CounterFile(dir.resolve("cursor")), 200, nanos::get);

            owner.submit(() -> outbox.connected(10)).get();
            owner.submit(outbox::checkStalled).get();
            assertEquals(0, owner.submit(outbox::cursor).get(), "nothing acknowledged, and too soon to resend");
            int firstRound = sent.size();
            assertEquals(last, firstRound, "every event sent once: " + sent);

            acknowledging.set(true);
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(300)); // past the stall time
            owner.submit(outbox::checkStalled).get();
            assertEquals(last, (long) owner.submit(outbox::cursor).get(), "acknowledged after the resend");
            List<Long> resent = sent.subList(firstRound, sent.size());
            assertTrue(resent.size() == last && resent.get(0) == 1, "resent from the cursor, in order: " + sent);
        } finally {
            owner.shutdownNow();
        }
    }
}
