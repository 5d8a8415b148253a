package io.hallq.controller.journal;

import static io.hallq.controller.journal.Payloads.batch;
import static io.hallq.controller.journal.Payloads.bytes;
import static io.hallq.controller.journal.Payloads.everything;
import static io.hallq.controller.journal.Payloads.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positioned reads: the same records as a full replay, from any cursor, across days, restarts and damage. */
class JournalReadAfterTest {

    @TempDir
    Path dir;

    /** Three days of records of varying sizes, in batches of 1 to 7. */
    private static void fill(Journal journal, int perDay) {
        int n = 0;
        for (String day : List.of("2026-11-23", "2026-11-24", "2026-11-25")) {
            journal.startSegment(day);
            for (int i = 0; i < perDay; ) {
                List<byte[]> b = new ArrayList<>();
                for (int k = 0; k <= n % 7 && i < perDay; k++, i++, n++) {
                    b.add(bytes("event-" + n + "-" + "x".repeat(n % 300)));
                }
                journal.append(b);
            }
        }
    }

    @Test
    void readAfter_fromEveryCursor_givesTheRecordsAFullReplayGives() {
        try (Journal journal = Journal.open(dir)) {
            fill(journal, 700);
            List<JournalRecord> all = everything(journal);
            for (long after = 0; after <= journal.lastSequence(); after += 37) {
                for (int max : new int[] {1, 5, 256, Integer.MAX_VALUE}) {
                    int from = (int) after;
                    int to = (int) Math.min(all.size(), (long) from + max);
                    assertEquals(all.subList(from, to), journal.readAfter(after, max), "after " + after + " max " + max);
                }
            }
        }
    }

    @Test
    void readAfter_afterARestart_usesThePositionsFoundAtOpen() {
        List<JournalRecord> all;
        try (Journal journal = Journal.open(dir)) {
            fill(journal, 1000);
            all = everything(journal);
        }
        try (Journal journal = Journal.open(dir)) {
            assertTrue(journal.positionCount() >= 3 * 1000 / PositionIndex.SPACING,
                    "positions noted at open: " + journal.positionCount());
            for (long after = 2999; after > 0; after -= 211) {
                assertEquals(all.subList((int) after, (int) Math.min(all.size(), after + 256)),
                        journal.readAfter(after, 256));
            }
            journal.append(batch("new"));
            assertEquals("new", new String(journal.readAfter(3000, 10).getFirst().payload()));
        }
    }

    /** A record read must still be intact: damage found by a read is reported, not skipped. */
    @Test
    void readAfter_overADamagedRecord_throwsCorrupt() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            for (int i = 0; i < 300; i++) {
                journal.append(batch("record-" + i));
            }
            JournalRecord victim = journal.readAfter(199, 1).getFirst();
            try (RandomAccessFile f = new RandomAccessFile(segment(dir, "2026-11-23").toFile(), "rw")) {
                f.seek(victim.offset() + SegmentFormat.RECORD_HEADER_SIZE);
                f.write('X');
            }
            assertThrows(JournalCorruptException.class, () -> journal.readAfter(190, 20));
        }
    }

    @Test
    void readAfter_intoDeletedDays_throwsIllegalArgument() {
        try (Journal journal = Journal.open(dir)) {
            fill(journal, 50);
            journal.snapshots().write(100, bytes("state"));
            journal.deleteDaysBefore("2026-11-25");
            assertThrows(IllegalArgumentException.class, () -> journal.readAfter(10, 5));
            assertEquals(101, journal.readAfter(100, 5).getFirst().sequence());
        }
    }

    @Property(tries = 40)
    void readAfter_inAnyOrderOfCursors_matchesAFullReplay(@ForAll @IntRange(min = 0, max = 600) int a,
                                                          @ForAll @IntRange(min = 0, max = 600) int b,
                                                          @ForAll @IntRange(min = 1, max = 300) int max)
            throws IOException {
        Path d = java.nio.file.Files.createTempDirectory("hallq-read-after");
        try (Journal journal = Journal.open(d)) {
            fill(journal, 200);
            List<JournalRecord> all = everything(journal);
            for (int after : new int[] {a, b, a}) {
                assertEquals(all.subList(after, Math.min(all.size(), after + max)), journal.readAfter(after, max));
            }
        } finally {
            try (var files = java.nio.file.Files.walk(d)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
