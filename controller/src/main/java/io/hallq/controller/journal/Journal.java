package io.hallq.controller.journal;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import io.hallq.controller.journal.SegmentFormat.RecordCheck;
import org.tinylog.Logger;

/**
 * Crash-safe, append-only journal of opaque payloads, one segment file per business day.
 * Every append is on disk when {@link #append} returns, so effects may follow it; a restart
 * replays the journal (after the latest {@link SnapshotStore snapshot}) to rebuild the state.
 *
 * <h2>On-disk format</h2>
 * All numbers are big-endian. The directory holds {@code journal-YYYY-MM-DD.log} segments (names
 * sort by day), {@code journal.lock}, the {@code snapshots/} subdirectory and, after damage was
 * found, {@code *.damaged-<epochmillis>} copies for an operator.
 * <ul>
 * <li>Segment header, 20 bytes: magic {@code "HQJL"} (4), format version 1 (2), reserved 0 (2),
 *     sequence of the segment's first record (8), CRC32C of the previous 16 bytes (4). The first
 *     sequence is there so that an empty newest segment still tells where numbering goes on; it
 *     must be the previous segment's last sequence + 1. A segment is created complete (written to
 *     a temp file, forced, renamed, directory forced), so a header is never torn.</li>
 * <li>Records follow back to back: marker (2), payload length (4), sequence (8), payload,
 *     CRC32C (4) over marker, length, sequence and payload. Sequences are global and gap-free
 *     (1, 2, 3, ... across segments). The marker is {@code "J."} (0x4A2E) on the last record of
 *     a batch and {@code "J+"} (0x4A2B) on the others, which makes a batch all-or-nothing:
 *     recovery drops a batch whose last record is missing. Payloads are at most 16 MiB.</li>
 * </ul>
 *
 * <h2>Recovery on open</h2>
 * Every segment is read whole (one large read each) and checked record by record. If the newest
 * segment ends in damage after which no intact record can be found at any byte offset, that is a
 * power cut during an unacknowledged append: the file is cut back to the end of its last whole
 * batch, forced, and a warning logged. Any other damage (a bad record followed by intact ones,
 * sequence gaps, a bad header, an incomplete older segment, segments that do not chain) is never
 * repaired: the file is copied aside and {@link JournalCorruptException} thrown.
 *
 * <p>Thread-safe. One process at a time: the directory is locked while open.
 */
public final class Journal implements AutoCloseable {

    private static final String SNAPSHOT_DIR = "snapshots";

    private final Object lock = new Object();
    private final Path dir;
    private final DirectoryLock directoryLock;
    private final SnapshotStore snapshots;
    private final TreeMap<String, SegmentInfo> segments = new TreeMap<>();
    private final PositionIndex positions;
    private ActiveSegment active;
    private long lastSequence;
    private RuntimeException failure;
    private boolean closed;

    private Journal(Path dir, DirectoryLock directoryLock, List<SegmentInfo> recovered, SnapshotStore snapshots,
                    PositionIndex positions) {
        this.dir = dir;
        this.positions = positions;
        this.directoryLock = directoryLock;
        this.snapshots = snapshots;
        recovered.forEach(segment -> {
            segments.put(segment.day(), segment);
            positions.add(segment.firstSequence(), segment.day(), SegmentFormat.HEADER_SIZE);
        });
        if (!recovered.isEmpty()) {
            active = ActiveSegment.reopen(recovered.getLast());
            lastSequence = recovered.getLast().lastSequence();
        }
    }

    /** Opens (creating the dir if needed) and recovers: validates every segment, cuts a torn tail, fails on mid-file corruption. */
    public static Journal open(Path dir) {
        Path directory = dir.toAbsolutePath();
        DirectoryLock directoryLock = DirectoryLock.acquire(directory);
        try {
            long started = System.nanoTime();
            PositionIndex positions = new PositionIndex();
            List<SegmentInfo> recovered = JournalRecovery.recover(directory, positions);
            Journal journal = new Journal(directory, directoryLock, recovered,
                    SnapshotStore.open(directory.resolve(SNAPSHOT_DIR)), positions);
            Logger.info("Journal {} opened in {} ms: {} segments, last sequence {}", directory,
                    (System.nanoTime() - started) / 1_000_000, recovered.size(), journal.lastSequence);
            return journal;
        } catch (RuntimeException e) {
            directoryLock.close();
            throw e;
        }
    }

    /** The sequence of the newest record, 0 when the journal never held one. */
    public long lastSequence() {
        synchronized (lock) {
            return lastSequence;
        }
    }

    /** Business day of the segment appends go to; empty if no segment was started yet. */
    public Optional<String> currentDay() {
        synchronized (lock) {
            return active == null ? Optional.empty() : Optional.of(active.info().day());
        }
    }

    /** The snapshots kept with this journal, in its {@code snapshots/} subdirectory. */
    public SnapshotStore snapshots() {
        return snapshots;
    }

    /**
     * Starts a new daily segment file for this business day; later appends go to it. Durable
     * (file and directory forced) on return.
     *
     * @throws IllegalArgumentException if {@code day} is not a date like 2026-11-23 or does not
     *                                  sort after the current day (the same day again included)
     */
    public void startSegment(String day) {
        JournalFiles.requireValidDay(day);
        synchronized (lock) {
            requireWritable();
            if (active != null && day.compareTo(active.info().day()) <= 0) {
                throw new IllegalArgumentException(
                        "new segment day " + day + " must come after the current day " + active.info().day());
            }
            ActiveSegment next = guard(() -> ActiveSegment.create(dir, day, lastSequence + 1));
            if (active != null) {
                active.close();
            }
            active = next;
            segments.put(day, next.info());
            positions.add(lastSequence + 1, day, SegmentFormat.HEADER_SIZE);
            Logger.info("Journal segment {} started at sequence {}", day, lastSequence + 1);
        }
    }

    /**
     * Appends all payloads as one batch with one fsync; durable and all-or-nothing across a crash.
     * An empty list does nothing and returns {@link #lastSequence()}.
     *
     * @return the sequence of the last payload
     * @throws IllegalStateException    if no segment was started, or an earlier write failed
     *                                  (then only reopening, which recovers, helps)
     * @throws IllegalArgumentException if a payload exceeds 16 MiB
     */
    public long append(List<byte[]> payloads) {
        payloads.forEach(payload -> Objects.requireNonNull(payload, "payload"));
        synchronized (lock) {
            requireWritable();
            if (payloads.isEmpty()) {
                return lastSequence;
            }
            if (active == null) {
                throw new IllegalStateException("no journal segment started; call startSegment(day) first");
            }
            var batch = SegmentFormat.encodeBatch(payloads, lastSequence + 1);
            long last = lastSequence + payloads.size();
            long batchStart = active.info().size();
            guard(() -> {
                active.append(batch, last);
                return null;
            });
            segments.put(active.info().day(), active.info());
            positions.addSpaced(lastSequence + 1, active.info().day(), batchStart);
            lastSequence = last;
            return last;
        }
    }

    /** Days with a segment, ascending. */
    public List<String> days() {
        synchronized (lock) {
            requireOpen();
            return List.copyOf(segments.keySet());
        }
    }

    /** All records of one day's segment in order; empty if that day has no segment. */
    public List<JournalRecord> read(String day) {
        JournalFiles.requireValidDay(day);
        return readStored(day).map(bytes -> SegmentReader.read(bytes, 0)).orElse(List.of());
    }

    /**
     * Passes every record with a sequence above {@code afterSequence} to {@code consumer}, in
     * order, one segment in memory at a time. The journal is not locked while the consumer runs,
     * so it may append. Records appended meanwhile may or may not be included.
     *
     * @throws IllegalArgumentException if retention already deleted some of those records
     */
    public void forEachAfter(long afterSequence, Consumer<JournalRecord> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        List<SegmentInfo> todo;
        synchronized (lock) {
            requireOpen();
            todo = List.copyOf(segments.values());
        }
        requireStillStored(afterSequence, todo);
        for (SegmentInfo segment : todo) {
            if (segment.lastSequence() > afterSequence) {
                SegmentReader.Bytes bytes = readStored(segment.day()).orElseThrow(() -> new IllegalStateException(
                        "segment " + segment.day() + " was deleted by retention while being replayed"));
                SegmentReader.read(bytes, afterSequence).forEach(consumer);
            }
        }
    }

    /**
     * At most {@code max} records with a sequence above {@code afterSequence}, in order, read from the nearest
     * known position before the first of them (see {@link PositionIndex}): a few records before it, not the
     * start of its day, and only as many bytes as those records take. Every record read is checked (marker,
     * length, CRC32C, sequence). The journal is locked only for each chunk's read, so appends go on; records
     * appended meanwhile may or may not be included. This is how a cursor (the MQTT outbox, a web feed)
     * catches up.
     *
     * @throws IllegalArgumentException if retention already deleted some of those records
     */
    public List<JournalRecord> readAfter(long afterSequence, int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        List<SegmentInfo> todo;
        synchronized (lock) {
            requireOpen();
            if (afterSequence >= lastSequence) {
                requireStillStored(afterSequence, List.copyOf(segments.values()));
                return List.of();
            }
            todo = List.copyOf(segments.tailMap(dayOf(afterSequence + 1), true).values());
        }
        requireStillStored(afterSequence, todo);
        List<JournalRecord> out = new ArrayList<>(Math.min(max, READ_PREALLOCATE));
        for (SegmentInfo segment : todo) {
            if (segment.lastSequence() > afterSequence && out.size() < max) {
                readSegment(segment, afterSequence, max, out);
            }
        }
        return out;
    }

    /** How many record positions are known (for tests and diagnostics). */
    int positionCount() {
        synchronized (lock) {
            return positions.size();
        }
    }

    private static final int READ_PREALLOCATE = 256;
    private static final int CHUNK = 64 * 1024;

    /** The day of the segment that holds (or will hold) {@code sequence}; "" (before every day) when none. */
    private String dayOf(long sequence) {
        String day = "";
        for (SegmentInfo segment : segments.values()) {
            if (segment.firstSequence() > sequence) {
                break;
            }
            day = segment.day();
        }
        return day;
    }

    private void readSegment(SegmentInfo segment, long afterSequence, int max, List<JournalRecord> out) {
        long offset;
        long expected;
        synchronized (lock) {
            PositionIndex.Position start = positions.floor(afterSequence + 1, segment.day());
            offset = start == null ? SegmentFormat.HEADER_SIZE : start.offset();
            expected = start == null ? segment.firstSequence() : start.sequence();
        }
        int chunk = CHUNK;
        while (offset < segment.size() && out.size() < max) {
            byte[] data = readChunk(segment, offset, (int) Math.min(chunk, segment.size() - offset));
            int at = 0;
            while (at < data.length && out.size() < max) {
                RecordCheck check = SegmentFormat.check(data, at, data.length);
                if (check == RecordCheck.TRUNCATED && offset + data.length < segment.size()) {
                    break; // the record goes on in the next chunk
                }
                if (check != RecordCheck.OK) {
                    throw JournalFiles.corrupt(segment.path(), offset + at,
                            check.description + ", found after the journal was opened");
                }
                long sequence = SegmentFormat.sequence(data, at);
                if (sequence != expected) {
                    throw JournalFiles.corrupt(segment.path(), offset + at, "record has sequence " + sequence
                            + " where " + expected + " was expected, found after the journal was opened");
                }
                if (sequence > afterSequence) {
                    out.add(new JournalRecord(sequence, segment.day(), offset + at, SegmentFormat.payload(data, at)));
                }
                at += SegmentFormat.recordSize(data, at);
                expected++;
            }
            // a record larger than the chunk: read it whole next time
            chunk = at == 0 ? Math.max(chunk * 2, data.length + SegmentFormat.RECORD_OVERHEAD) : CHUNK;
            offset += at;
        }
        if (expected <= segment.lastSequence()) {
            synchronized (lock) {
                if (segments.containsKey(segment.day())) {
                    positions.add(expected, segment.day(), offset); // where the next read goes on
                }
            }
        }
    }

    /** Reads part of a segment under the lock, so retention cannot delete it meanwhile. */
    private byte[] readChunk(SegmentInfo segment, long offset, int length) {
        synchronized (lock) {
            requireOpen();
            if (!segments.containsKey(segment.day())) {
                throw new IllegalStateException("segment " + segment.day() + " was deleted by retention while being read");
            }
            return JournalFiles.read(segment.path(), offset, length);
        }
    }

    /**
     * Deletes the segments of days strictly before {@code keepFromDay}, oldest first, but never
     * the current segment and never one holding a record after the oldest valid snapshot: falling
     * back to any kept snapshot must still find every record it needs. Without a valid snapshot
     * nothing is deleted. Snapshots themselves are limited by {@link SnapshotStore}.
     *
     * @return the days whose segments were deleted, ascending
     */
    public List<String> deleteDaysBefore(String keepFromDay) {
        JournalFiles.requireValidDay(keepFromDay);
        synchronized (lock) {
            requireWritable();
            OptionalLong covered = snapshots.oldestValidSequence();
            if (covered.isEmpty() || segments.isEmpty()) {
                Logger.info("Journal retention before {} deleted nothing: no valid snapshot covers any segment", keepFromDay);
                return List.of();
            }
            List<String> deleted = new ArrayList<>();
            for (SegmentInfo segment : List.copyOf(segments.headMap(segments.lastKey()).values())) {
                if (segment.day().compareTo(keepFromDay) >= 0 || segment.lastSequence() > covered.getAsLong()) {
                    break;
                }
                JournalFiles.delete(segment.path());
                segments.remove(segment.day());
                positions.removeDay(segment.day());
                deleted.add(segment.day());
            }
            if (!deleted.isEmpty()) {
                JournalFiles.fsyncDirectory(dir);
            }
            Logger.info("Journal retention before {} deleted {} (oldest valid snapshot: {})", keepFromDay, deleted, covered);
            return deleted;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (active != null) {
                    active.close();
                }
            } finally {
                directoryLock.close();
            }
        }
    }

    /** Reads a segment's whole batches under the lock so retention cannot delete it meanwhile. */
    private Optional<SegmentReader.Bytes> readStored(String day) {
        synchronized (lock) {
            requireOpen();
            return Optional.ofNullable(segments.get(day))
                    .map(segment -> new SegmentReader.Bytes(segment, JournalFiles.read(segment.path(), segment.size())));
        }
    }

    private void requireStillStored(long afterSequence, List<SegmentInfo> stored) {
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence must not be negative: " + afterSequence);
        }
        if (!stored.isEmpty() && afterSequence + 1 < stored.getFirst().firstSequence()) {
            throw new IllegalArgumentException("records " + (afterSequence + 1) + " to "
                    + (stored.getFirst().firstSequence() - 1) + " were deleted by retention");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("journal " + dir + " is closed");
        }
    }

    private void requireWritable() {
        requireOpen();
        if (failure != null) {
            throw new IllegalStateException("journal " + dir + " failed to write earlier; reopen it to recover", failure);
        }
    }

    /**
     * After a failed write or force the file's state is unknown (and a failed fsync may have
     * dropped dirty pages), so only a reopen, which re-reads and recovers the file, may go on.
     */
    private <T> T guard(Supplier<T> write) {
        try {
            return write.get();
        } catch (UncheckedIOException e) {
            failure = e;
            Logger.error(e, "Journal {} write failed; refusing further writes until reopened", dir);
            throw e;
        }
    }
}
