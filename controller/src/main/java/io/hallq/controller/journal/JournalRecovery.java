package io.hallq.controller.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * Brings the journal directory back to a consistent state on open: every segment is read and
 * checked in full, a torn tail of the newest one is cut, anything else damaged stops the open.
 */
final class JournalRecovery {

    /** Byte offset of the first sequence in a segment header, reported when segments do not chain. */
    private static final long FIRST_SEQUENCE_OFFSET = 8;

    private JournalRecovery() {
    }

    static List<SegmentInfo> recover(Path dir) {
        return recover(dir, new PositionIndex());
    }

    /** As {@link #recover(Path)}, noting in {@code index} where some records of every segment start. */
    static List<SegmentInfo> recover(Path dir, PositionIndex index) {
        JournalFiles.deleteLeftoverTemps(dir);
        List<String> days = JournalFiles.listDays(dir);
        List<SegmentInfo> segments = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            SegmentInfo segment = recoverSegment(dir, days.get(i), i == days.size() - 1, index);
            if (!segments.isEmpty()) {
                requireChained(segments.getLast(), segment);
            }
            segments.add(segment);
        }
        // A crash between a segment's rename and the directory force may have left the newest
        // segment's name only in the cache; forcing once here makes what is replayed durable.
        JournalFiles.fsyncDirectory(dir);
        return segments;
    }

    private static SegmentInfo recoverSegment(Path dir, String day, boolean newest, PositionIndex index) {
        Path path = JournalFiles.segmentPath(dir, day);
        byte[] data = JournalFiles.read(path, JournalFiles.size(path));
        ScanResult result = SegmentScanner.scan(data, data.length,
                (bytes, offset) -> index.addSpaced(SegmentFormat.sequence(bytes, offset), day, offset));
        if (result instanceof ScanResult.TornTail torn) {
            index.removeFrom(torn.lastSequence() + 1);
        }
        return switch (result) {
            case ScanResult.Clean clean ->
                    new SegmentInfo(day, path, clean.firstSequence(), clean.lastSequence(), data.length);
            case ScanResult.TornTail torn when newest -> cutTornTail(day, path, torn, data.length);
            // Appends are forced before the next day starts, so an older segment cannot be torn.
            case ScanResult.TornTail torn -> throw JournalFiles.corrupt(path, torn.badOffset(),
                    torn.problem() + ", in a segment that is not the newest");
            case ScanResult.Corrupt corrupt -> throw JournalFiles.corrupt(path, corrupt.offset(), corrupt.problem());
        };
    }

    private static SegmentInfo cutTornTail(String day, Path path, ScanResult.TornTail torn, int fileSize) {
        Logger.warn("Journal file {} has a torn tail at byte offset {} ({}): cutting {} bytes back to offset {},"
                        + " the last whole batch ends with sequence {}",
                path, torn.badOffset(), torn.problem(), fileSize - torn.cutAt(), torn.cutAt(), torn.lastSequence());
        JournalFiles.truncate(path, torn.cutAt());
        return new SegmentInfo(day, path, torn.firstSequence(), torn.lastSequence(), torn.cutAt());
    }

    private static void requireChained(SegmentInfo previous, SegmentInfo next) {
        if (next.firstSequence() != previous.lastSequence() + 1) {
            throw JournalFiles.corrupt(next.path(), FIRST_SEQUENCE_OFFSET, "segment starts with sequence "
                    + next.firstSequence() + " but " + previous.path().getFileName() + " ends with "
                    + previous.lastSequence());
        }
    }
}
