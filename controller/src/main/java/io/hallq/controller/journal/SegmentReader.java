package io.hallq.controller.journal;

import java.util.ArrayList;
import java.util.List;

/** Turns the bytes of a recovered segment back into records, re-checking every checksum. */
final class SegmentReader {

    /** A segment's bytes up to its last whole batch, as read at one moment. */
    record Bytes(SegmentInfo segment, byte[] data) {
    }

    private SegmentReader() {
    }

    /** Records with a sequence above {@code afterSequence}; damage found now is never a torn tail. */
    static List<JournalRecord> read(Bytes bytes, long afterSequence) {
        String day = bytes.segment().day();
        List<JournalRecord> records = new ArrayList<>();
        ScanResult result = SegmentScanner.scan(bytes.data(), bytes.data().length, (data, offset) -> {
            long sequence = SegmentFormat.sequence(data, offset);
            if (sequence > afterSequence) {
                records.add(new JournalRecord(sequence, day, offset, SegmentFormat.payload(data, offset)));
            }
        });
        return switch (result) {
            case ScanResult.Clean clean -> records;
            case ScanResult.TornTail torn -> throw JournalFiles.corrupt(bytes.segment().path(), torn.badOffset(),
                    torn.problem() + ", found after the journal was opened");
            case ScanResult.Corrupt corrupt -> throw JournalFiles.corrupt(bytes.segment().path(), corrupt.offset(),
                    corrupt.problem() + ", found after the journal was opened");
        };
    }
}
