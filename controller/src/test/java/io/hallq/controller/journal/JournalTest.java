package io.hallq.controller.journal;

import static io.hallq.controller.journal.Payloads.batch;
import static io.hallq.controller.journal.Payloads.everything;
import static io.hallq.controller.journal.Payloads.segment;
import static io.hallq.controller.journal.Payloads.sequences;
import static io.hallq.controller.journal.Payloads.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void open_missingDirectory_createsItEmpty() {
        Path nested = dir.resolve("a/b/journal");
        try (Journal journal = Journal.open(nested)) {
            assertTrue(Files.isDirectory(nested));
            assertEquals(0, journal.lastSequence());
            assertEquals(Optional.empty(), journal.currentDay());
            assertEquals(List.of(), journal.days());
        }
    }

    @Test
    void append_withoutSegment_throwsIllegalState() {
        try (Journal journal = Journal.open(dir)) {
            assertThrows(IllegalStateException.class, () -> journal.append(batch("a")));
        }
    }

    @Test
    void append_emptyList_isNoOpReturningLastSequence() {
        try (Journal journal = Journal.open(dir)) {
            assertEquals(0, journal.append(List.of()));
            journal.startSegment("2026-11-23");
            journal.append(batch("a", "b"));
            assertEquals(2, journal.append(List.of()));
            assertEquals(2, journal.lastSequence());
        }
    }

    @Test
    void append_returnsSequenceOfLastPayload() {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            assertEquals(3, journal.append(batch("a", "b", "c")));
            assertEquals(4, journal.append(batch("d")));
        }
    }

    @Test
    void append_thenReopen_returnsSameRecordsInOrder() {
        List<JournalRecord> written;
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            journal.append(batch("ticket A001", "ticket A002"));
            journal.append(batch("call A001 to counter 3"));
            written = journal.read("2026-11-23");
        }
        try (Journal journal = Journal.open(dir)) {
            List<JournalRecord> reread = journal.read("2026-11-23");
            assertEquals(written, reread);
            assertEquals(List.of("ticket A001", "ticket A002", "call A001 to counter 3"), texts(reread));
            assertEquals(List.of(1L, 2L, 3L), sequences(reread));
            assertEquals(SegmentFormat.HEADER_SIZE, reread.getFirst().offset());
            assertEquals(Optional.of("2026-11-23"), journal.currentDay());
        }
    }

    @Test
    void sequence_continuesAcrossSegmentsAndRestarts() {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            journal.append(batch("a", "b"));
            journal.startSegment("2026-11-24");
            journal.append(batch("c"));
        }
        try (Journal journal = Journal.open(dir)) {
            assertEquals(3, journal.lastSequence());
            assertEquals(4, journal.append(batch("d")));
            journal.startSegment("2026-11-26");
            assertEquals(5, journal.append(batch("e")));
        }
        try (Journal journal = Journal.open(dir)) {
            assertEquals(List.of("2026-11-23", "2026-11-24", "2026-11-26"), journal.days());
            assertEquals(List.of("a", "b"), texts(journal.read("2026-11-23")));
            assertEquals(List.of("c", "d"), texts(journal.read("2026-11-24")));
            assertEquals(List.of(5L), sequences(journal.read("2026-11-26")));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sequences(everything(journal)));
        }
    }

    @Test
    void emptySegment_afterCrash_keepsTheSequenceForTheNextAppend() {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            journal.append(batch("a", "b", "c"));
            journal.startSegment("2026-11-24");
        }
        try (Journal journal = Journal.open(dir)) {
            assertEquals(3, journal.lastSequence());
            assertEquals(Optional.of("2026-11-24"), journal.currentDay());
            assertEquals(List.of(), journal.read("2026-11-24"));
            assertEquals(4, journal.append(batch("d")));
        }
    }

    @Test
    void emptySegment_inTheMiddle_chainsToTheNextOne() {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            journal.append(batch("a"));
            journal.startSegment("2026-11-24");
            journal.startSegment("2026-11-25");
            journal.append(batch("b"));
        }
        try (Journal journal = Journal.open(dir)) {
            assertEquals(List.of("a", "b"), texts(everything(journal)));
            assertEquals(List.of(1L, 2L), sequences(everything(journal)));
        }
    }

    @Test
    void startSegment_sameOrEarlierDay_throwsIllegalArgument() {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            assertThrows(IllegalArgumentException.class, () -> journal.startSegment("2026-11-23"));
            assertThrows(IllegalArgumentException.class, () -> journal.startSegment("2026-11-22"));
            assertEquals(Optional.of("2026-11-23"), journal.currentDay());
        }
    }

    @Test
    void startSegment_malformedDay_throwsIllegalArgument() {
        try (Journal journal = Journal.open(dir)) {
            for (String day : new String[] {"2026-1-23", "2026-11-31", "20261123", "../etc", "2026-11-23x"}) {
                assertThrows(IllegalArgumentException.class, () -> journal.startSegment(day), day);
            }
            assertEquals(List.of(), journal.days());
        }
    }

    @Test
    void startSegment_isOnDiskBeforeAnyAppend() {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            assertTrue(Files.exists(segment(dir, "2026-11-23")));
        }
    }

    @Test
    void forEachAfter_acrossSegments_deliversOnlyLaterRecordsInOrder() {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            journal.append(batch("a", "b", "c"));
            journal.startSegment("2026-11-24");
            journal.append(batch("d", "e"));
            journal.startSegment("2026-11-25");
            journal.append(batch("f"));
            for (int after = 0; after <= 7; after++) {
                List<JournalRecord> seen = new ArrayList<>();
                journal.forEachAfter(after, seen::add);
                assertEquals(List.of("a", "b", "c", "d", "e", "f").subList(Math.min(after, 6), 6), texts(seen));
            }
            List<JournalRecord> tail = new ArrayList<>();
            journal.forEachAfter(2, tail::add);
            assertEquals(List.of("2026-11-23", "2026-11-24", "2026-11-24", "2026-11-25"),
                    tail.stream().map(JournalRecord::day).toList());
        }
    }

    @Test
    void forEachAfter_negativeSequence_throwsIllegalArgument() {
        try (Journal journal = Journal.open(dir)) {
            assertThrows(IllegalArgumentException.class, () -> journal.forEachAfter(-1, record -> { }));
        }
    }

    @Test
    void forEachAfter_consumerMayAppend() {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            journal.append(batch("a", "b"));
            journal.forEachAfter(0, record -> journal.append(batch("echo")));
            assertEquals(4, journal.lastSequence());
        }
    }

    @Test
    void read_dayWithoutSegment_isEmpty() {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            assertEquals(List.of(), journal.read("2026-11-22"));
        }
    }

    @Test
    void append_tooLargePayload_throwsAndWritesNothing() {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            List<byte[]> payloads = List.of(new byte[1], new byte[SegmentFormat.MAX_PAYLOAD + 1]);
            assertThrows(IllegalArgumentException.class, () -> journal.append(payloads));
            assertEquals(0, journal.lastSequence());
            assertEquals(1, journal.append(batch("fine")));
        }
    }

    @Test
    void open_whileOpen_isRefused() {
        try (Journal journal = Journal.open(dir)) {
            assertThrows(IllegalStateException.class, () -> Journal.open(dir));
            journal.startSegment("2026-11-23");
        }
        try (Journal again = Journal.open(dir)) {
            assertEquals(List.of("2026-11-23"), again.days());
        }
    }

    @Test
    void close_thenUse_throwsIllegalState() {
        Journal journal = Journal.open(dir);
        journal.close();
        journal.close();
        assertThrows(IllegalStateException.class, () -> journal.startSegment("2026-11-23"));
        assertThrows(IllegalStateException.class, journal::days);
    }

    @Test
    void open_leftoverTempSegment_isDeleted() throws Exception {
        Path temp = dir.resolve("journal-2026-11-23.log" + JournalFiles.TEMP_SUFFIX);
        Files.write(temp, new byte[] {1, 2, 3});
        try (Journal journal = Journal.open(dir)) {
            assertFalse(Files.exists(temp));
            assertEquals(List.of(), journal.days());
        }
    }

    @Test
    void forEachAfter_whileAnotherThreadAppends_seesAGapFreePrefix() throws InterruptedException {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-23");
            journal.append(batch("seed"));
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    journal.append(batch("a" + i, "b" + i));
                }
            });
            for (int round = 0; round < 20; round++) {
                List<Long> seen = sequences(everything(journal));
                for (int i = 0; i < seen.size(); i++) {
                    assertEquals(i + 1L, seen.get(i));
                }
                assertEquals(1, seen.size() % 2, "a batch was seen half written");
            }
            writer.join();
            assertEquals(401, everything(journal).size());
        }
    }
}
