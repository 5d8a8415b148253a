package io.hallq.controller.hall;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.journal.JournalRecord;
import io.hallq.controller.journal.Snapshot;
import io.hallq.controller.queue.QueueSnapshot;
import io.hallq.controller.queue.QueueState;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.tinylog.Logger;

/** Rebuilds the queue state from the latest usable snapshot and the journal events after it. */
final class Recovery {

    static final ObjectMapper MAPPER = EventCodec.newMapper();

    record Recovered(QueueState state, RecoveryReport report) {}

    private Recovery() {}

    static Recovered recover(HallConfig config, Journal journal) {
        long start = System.nanoTime();
        Optional<Snapshot> snap = journal.snapshots().latest();
        if (snap.isPresent() && snap.get().sequence() > journal.lastSequence()) {
            Logger.warn("Snapshot #{} is ahead of the journal (last #{}); replaying the journal instead",
                    snap.get().sequence(), journal.lastSequence());
            snap = Optional.empty();
        }
        QueueState state = null;
        long after = 0;
        if (snap.isPresent()) {
            try {
                state = QueueState.restore(config, decode(snap.get().state()));
                after = snap.get().sequence();
            } catch (RuntimeException e) {
                Logger.warn("Snapshot #{} cannot be used ({}); replaying the journal", snap.get().sequence(),
                        e.getMessage());
            }
        }
        if (state == null) {
            state = new QueueState(config);
        }
        long replayed = replay(state, journal, after);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Recovered(state, new RecoveryReport(after, replayed, journal.lastSequence(), state.day(),
                state.waitingCount(), millis));
    }

    /** Records decoded together: large enough to keep both cores busy, small enough to bound memory. */
    private static final int CHUNK = 4096;

    /**
     * Replays the events after {@code after}. Decoding JSON is most of a restart's cost and each record decodes
     * on its own, so chunks are decoded in parallel and then applied strictly in sequence order.
     */
    private static long replay(QueueState state, Journal journal, long after) {
        List<JournalRecord> chunk = new ArrayList<>(CHUNK);
        long[] count = {0};
        journal.forEachAfter(after, rec -> {
            chunk.add(rec);
            if (chunk.size() == CHUNK) {
                count[0] += applyChunk(state, chunk);
                chunk.clear();
            }
        });
        count[0] += applyChunk(state, chunk);
        return count[0];
    }

    private static int applyChunk(QueueState state, List<JournalRecord> chunk) {
        HallEvent[] events = new HallEvent[chunk.size()];
        IntStream.range(0, events.length).parallel()
                .forEach(i -> events[i] = EventCodec.decode(chunk.get(i).payload()));
        for (int i = 0; i < events.length; i++) {
            try {
                state.apply(events[i]);
            } catch (RuntimeException ex) {
                JournalRecord rec = chunk.get(i);
                throw new IllegalStateException("journal event #" + rec.sequence() + " of " + rec.day() + " ("
                        + events[i] + ") does not fit the hall configuration: " + ex.getMessage(), ex);
            }
        }
        return events.length;
    }

    static byte[] encode(QueueSnapshot s) {
        try {
            return MAPPER.writeValueAsBytes(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static QueueSnapshot decode(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, QueueSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
