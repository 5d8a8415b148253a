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

    private SegmentScanner() {
    }

    static ScanResult scan(byte[] data, int size, RecordSink sink) {
        String headerProblem = SegmentFormat.headerProblem(data, size);
        if (headerProblem != null) {
            return new ScanResult.Corrupt(0, headerProblem);
        }
        long first = SegmentFormat.firstSequence(data);
        long expected = first;
        long lastWhole = first - 1;
        int batchEnd = SegmentFormat.HEADER_SIZE;
        int offset = SegmentFormat.HEADER_SIZE;
        while (offset < size) {
            RecordCheck check = SegmentFormat.check(data, offset, size);
            if (check != RecordCheck.OK) {
                return classify(data, size, offset, check.description, first, lastWhole, batchEnd);
            }
            long sequence = SegmentFormat.sequence(data, offset);
            if (sequence != expected) {
                return new ScanResult.Corrupt(offset,
                        "record has sequence " + sequence + " where " + expected + " was expected");
            }
            sink.accept(data, offset);
            boolean closesBatch = SegmentFormat.endsBatch(data, offset);
            offset += SegmentFormat.recordSize(data, offset);
            expected++;
            if (closesBatch) {
                batchEnd = offset;
                lastWhole = sequence;
            }
        }
        if (batchEnd < size) {
            return new ScanResult.TornTail(first, lastWhole, batchEnd, batchEnd,
                    "file ends inside a batch (its last record is missing)");
        }
        return new ScanResult.Clean(first, lastWhole);
    }

    /**
     * A bad record is a torn tail only if nothing intact comes after it: an interrupted append
     * leaves garbage or zeros at the end, while damage to data that was already acknowledged
     * leaves intact records behind it, and those must never be dropped silently.
     */
    private static ScanResult classify(byte[] data, int size, int badOffset, String problem,
                                       long first, long lastWhole, int batchEnd) {
        int intactAfter = findIntactRecord(data, badOffset + 1, size);
        if (intactAfter >= 0) {
            return new ScanResult.Corrupt(badOffset,
                    problem + "; an intact record follows at offset " + intactAfter);
        }
        return new ScanResult.TornTail(first, lastWhole, batchEnd, badOffset, problem);
    }

    private static int findIntactRecord(byte[] data, int from, int size) {
        for (int position = from; position <= size - SegmentFormat.RECORD_OVERHEAD; position++) {
            if (SegmentFormat.check(data, position, size) == RecordCheck.OK) {
                return position;
            }
        }
        return -1;
    }
}
