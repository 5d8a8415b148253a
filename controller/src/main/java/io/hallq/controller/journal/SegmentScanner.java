package io.hallq.controller.journal;

import io.hallq.controller.journal.SegmentFormat.RecordCheck;

/** Walks a segment's bytes held in memory, validating header, checksums, sequences and batches. */
final class SegmentScanner {

    /** Receives each intact record; may see records of a batch that later turns out unfinished. */
    @FunctionalInterface
    interface RecordSink {
        void accept(byte[] data, int offset);
    }

    static final RecordSink IGNORE = (data, offset) -> { };

    private final byte[] data;
    private final int size;
    private final long firstSequence;
    private long lastWholeSequence;
    private int wholeBatchesEnd = SegmentFormat.HEADER_SIZE;

    private SegmentScanner(byte[] data, int size) {
        this.data = data;
        this.size = size;
        this.firstSequence = SegmentFormat.firstSequence(data);
        this.lastWholeSequence = firstSequence - 1;
    }

    static ScanResult scan(byte[] data, int size, RecordSink sink) {
        String headerProblem = SegmentFormat.headerProblem(data, size);
        if (headerProblem != null) {
            return new ScanResult.Corrupt(0, headerProblem);
        }
        return new SegmentScanner(data, size).walk(sink);
    }

    private ScanResult walk(RecordSink sink) {
        long expected = firstSequence;
        int offset = SegmentFormat.HEADER_SIZE;
        while (offset < size) {
            RecordCheck check = SegmentFormat.check(data, offset, size);
            if (check != RecordCheck.OK) {
                return classify(offset, check.description);
            }
            long sequence = SegmentFormat.sequence(data, offset);
            if (sequence != expected++) {
                return new ScanResult.Corrupt(offset,
                        "record has sequence " + sequence + " where " + (expected - 1) + " was expected");
            }
            sink.accept(data, offset);
            boolean closesBatch = SegmentFormat.endsBatch(data, offset);
            offset += SegmentFormat.recordSize(data, offset);
            if (closesBatch) {
                wholeBatchesEnd = offset;
                lastWholeSequence = sequence;
            }
        }
        if (wholeBatchesEnd < size) {
            return tornTail(wholeBatchesEnd, "file ends inside a batch (its last record is missing)");
        }
        return new ScanResult.Clean(firstSequence, lastWholeSequence);
    }

    /**
     * A bad record is a torn tail only if nothing intact comes after it: an interrupted append
     * leaves garbage or zeros at the end, while damage to data that was already acknowledged
     * leaves intact records behind it, and those must never be dropped silently.
     */
    private ScanResult classify(int badOffset, String problem) {
        for (int position = badOffset + 1; position <= size - SegmentFormat.RECORD_OVERHEAD; position++) {
            if (SegmentFormat.check(data, position, size) == RecordCheck.OK) {
                return new ScanResult.Corrupt(badOffset, problem + "; an intact record follows at offset " + position);
            }
        }
        return tornTail(badOffset, problem);
    }

    private ScanResult tornTail(int badOffset, String problem) {
        return new ScanResult.TornTail(firstSequence, lastWholeSequence, wholeBatchesEnd, badOffset, problem);
    }
}
