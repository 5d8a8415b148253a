package io.hallq.controller.journal;

import static io.hallq.controller.journal.Payloads.batch;
import static io.hallq.controller.journal.Payloads.everything;
import static io.hallq.controller.journal.Payloads.segment;
import static io.hallq.controller.journal.Payloads.sequences;
import static io.hallq.controller.journal.Payloads.texts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRecoveryTest {

    private static final String DAY = "2026-11-23";

    @TempDir
    Path dir;

    /** Writes three single-record batches and returns the file's bytes and the last record's offset. */
    private byte[] threeBatches() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment(DAY);
            journal.append(batch("first"));
            journal.append(batch("second"));
            journal.append(batch("third, the one that gets torn"));
        }
        return Files.readAllBytes(segment(dir, DAY));
    }

    private long lastRecordOffset() {
        try (Journal journal = Journal.open(dir)) {
            return journal.read(DAY).getLast().offset();
        }
    }

    @Test
    void tornTail_atEveryCutPointOfLastRecord_isCutBackToPreviousRecord() throws IOException {
        byte[] whole = threeBatches();
        int lastOffset = (int) lastRecordOffset();
        for (int cut = lastOffset; cut < whole.length; cut++) {
            Files.write(segment(dir, DAY), Arrays.copyOf(whole, cut));
            try (Journal journal = Journal.open(dir)) {
                assertEquals(List.of("first", "second"), texts(journal.read(DAY)), "cut at " + cut);
                assertEquals(lastOffset, Files.size(segment(dir, DAY)), "cut at " + cut);
                assertEquals(3, journal.append(batch("after the crash")), "cut at " + cut);
                assertEquals(List.of("first", "second", "after the crash"), texts(journal.read(DAY)));
            }
        }
    }

    @Test
    void tornTail_insideMultiRecordBatch_dropsTheWholeBatch() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment(DAY);
            journal.append(batch("kept"));
            journal.append(batch("ticket", "call", "display"));
        }
        byte[] whole = Files.readAllBytes(segment(dir, DAY));
        int keptEnd = SegmentFormat.HEADER_SIZE + SegmentFormat.RECORD_OVERHEAD + "kept".length();
        for (int cut = keptEnd; cut < whole.length; cut++) {
            Files.write(segment(dir, DAY), Arrays.copyOf(whole, cut));
            try (Journal journal = Journal.open(dir)) {
                assertEquals(List.of("kept"), texts(journal.read(DAY)), "cut at " + cut);
                assertEquals(1, journal.lastSequence());
            }
        }
    }

    @Test
    void tornTail_ofZerosAfterLastRecord_isCut() throws IOException {
        byte[] whole = threeBatches();
        Files.write(segment(dir, DAY), new byte[4096], StandardOpenOption.APPEND);
        try (Journal journal = Journal.open(dir)) {
            assertEquals(3, journal.lastSequence());
            assertEquals(whole.length, Files.size(segment(dir, DAY)));
        }
    }

    @Test
    void flippedByte_inMiddleRecord_failsNamingFileAndOffset_andKeepsDamagedCopy() throws IOException {
        byte[] whole = threeBatches();
        int secondOffset = SegmentFormat.HEADER_SIZE + SegmentFormat.RECORD_OVERHEAD + "first".length();
        byte[] damaged = whole.clone();
        damaged[secondOffset + SegmentFormat.RECORD_HEADER_SIZE + 2] ^= 0x20;
        Path file = segment(dir, DAY);
        Files.write(file, damaged);

        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> Journal.open(dir));

        assertEquals(file, e.file());
        assertEquals(secondOffset, e.offset());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("offset " + secondOffset), e.getMessage());
        Path copy = e.damagedCopy().orElseThrow();
        assertTrue(e.getMessage().contains(copy.toString()), e.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(copy));
        assertArrayEquals(damaged, Files.readAllBytes(file), "the original is left as found");
    }

    @Test
    void corruptJournal_staysRefusedOnEveryOpen() throws IOException {
        byte[] damaged = threeBatches();
        damaged[SegmentFormat.HEADER_SIZE + 1] ^= 1;
        Files.write(segment(dir, DAY), damaged);
        assertThrows(JournalCorruptException.class, () -> Journal.open(dir));
        assertThrows(JournalCorruptException.class, () -> Journal.open(dir));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.filter(f -> f.getFileName().toString().contains(".damaged-")).count());
        }
    }

    @Test
    void damagedHeader_failsAtOffsetZero() throws IOException {
        byte[] damaged = threeBatches();
        damaged[10] ^= 1;
        Files.write(segment(dir, DAY), damaged);
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> Journal.open(dir));
        assertEquals(0, e.offset());
    }

    @Test
    void intactRecordWithWrongSequence_failsAsCorrupt() throws IOException {
        byte[] whole = threeBatches();
        byte[] stray = SegmentFormat.encodeBatch(batch("stray"), 7).array();
        Files.write(segment(dir, DAY), stray, StandardOpenOption.APPEND);
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> Journal.open(dir));
        assertEquals(whole.length, e.offset());
        assertTrue(e.getMessage().contains("sequence 7 where 4 was expected"), e.getMessage());
    }

    @Test
    void tornOlderSegment_failsAsCorrupt() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-22");
            journal.append(batch("a", "b"));
            journal.startSegment(DAY);
            journal.append(batch("c"));
        }
        Path older = segment(dir, "2026-11-22");
        byte[] whole = Files.readAllBytes(older);
        Files.write(older, Arrays.copyOf(whole, whole.length - 1));
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> Journal.open(dir));
        assertEquals(older, e.file());
    }

    @Test
    void segmentsThatDoNotChain_failAsCorrupt() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-11-21");
            journal.append(batch("a"));
            journal.startSegment("2026-11-22");
            journal.append(batch("b"));
            journal.startSegment(DAY);
            journal.append(batch("c"));
        }
        Files.delete(segment(dir, "2026-11-22"));
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> Journal.open(dir));
        assertEquals(segment(dir, DAY), e.file());
        assertTrue(e.getMessage().contains("starts with sequence 3"), e.getMessage());
    }

    @Test
    void corruptionFoundWhileReading_isReportedNotReturned() throws IOException {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment(DAY);
            journal.append(batch("alpha", "beta"));
            Path file = segment(dir, DAY);
            byte[] bytes = Files.readAllBytes(file);
            bytes[SegmentFormat.HEADER_SIZE + SegmentFormat.RECORD_HEADER_SIZE] ^= 1;
            Files.write(file, bytes);
            assertThrows(JournalCorruptException.class, () -> journal.read(DAY));
            assertThrows(JournalCorruptException.class, () -> everything(journal));
        }
    }

    @Test
    void recovery_thenAppendAndReopen_keepsEverySequenceOnce() throws IOException {
        byte[] whole = threeBatches();
        Files.write(segment(dir, DAY), Arrays.copyOf(whole, whole.length - 3));
        try (Journal journal = Journal.open(dir)) {
            journal.append(batch("x", "y"));
        }
        try (Journal journal = Journal.open(dir)) {
            assertEquals(List.of(1L, 2L, 3L, 4L), sequences(everything(journal)));
            assertEquals(List.of("first", "second", "x", "y"), texts(everything(journal)));
        }
    }

    @Test
    void flippedByte_atEveryPosition_isDetectedOrCutsOnlyTheLastRecord() throws IOException {
        byte[] whole = threeBatches();
        int lastOffset = (int) lastRecordOffset();
        for (int position = 0; position < whole.length; position++) {
            byte[] damaged = whole.clone();
            damaged[position] ^= (byte) 0x81;
            Files.write(segment(dir, DAY), damaged);
            try (Journal journal = Journal.open(dir)) {
                assertTrue(position >= lastOffset, "undetected damage at " + position);
                assertEquals(List.of("first", "second"), texts(journal.read(DAY)));
            } catch (JournalCorruptException e) {
                assertTrue(e.damagedCopy().isPresent());
            }
        }
    }
}
