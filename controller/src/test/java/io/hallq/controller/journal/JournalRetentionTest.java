package io.hallq.controller.journal;

import static io.hallq.controller.journal.Payloads.batch;
import static io.hallq.controller.journal.Payloads.bytes;
import static io.hallq.controller.journal.Payloads.everything;
import static io.hallq.controller.journal.Payloads.segment;
import static io.hallq.controller.journal.Payloads.sequences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRetentionTest {

    @TempDir
    Path dir;

    /** Four days with two records each: sequences 1-2, 3-4, 5-6, 7-8. */
    private Journal fourDays() {
        Journal journal = Journal.open(dir);
        for (String day : List.of("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23")) {
            journal.startSegment(day);
            journal.append(batch(day + " a", day + " b"));
        }
        return journal;
    }

    @Test
    void deleteDaysBefore_withoutSnapshot_deletesNothing() {
        try (Journal journal = fourDays()) {
            assertEquals(List.of(), journal.deleteDaysBefore("2026-11-23"));
            assertEquals(4, journal.days().size());
        }
    }

    @Test
    void deleteDaysBefore_deletesOldDaysThatTheSnapshotCovers() {
        try (Journal journal = fourDays()) {
            journal.snapshots().write(6, bytes("state after 2026-11-22"));
            assertEquals(List.of("2026-11-20", "2026-11-21"), journal.deleteDaysBefore("2026-11-22"));
            assertEquals(List.of("2026-11-22", "2026-11-23"), journal.days());
            assertFalse(Files.exists(segment(dir, "2026-11-20")));
        }
        try (Journal journal = Journal.open(dir)) {
            assertEquals(8, journal.lastSequence());
            assertEquals(9, journal.append(batch("goes on")));
        }
    }

    @Test
    void deleteDaysBefore_neverDeletesTheCurrentSegment() {
        try (Journal journal = fourDays()) {
            journal.snapshots().write(8, bytes("everything"));
            assertEquals(List.of("2026-11-20", "2026-11-21", "2026-11-22"), journal.deleteDaysBefore("2027-01-01"));
            assertEquals(List.of("2026-11-23"), journal.days());
            assertEquals(9, journal.append(batch("still appending")));
        }
    }

    @Test
    void deleteDaysBefore_keepsWhatTheOldestKeptSnapshotNeeds() {
        try (Journal journal = fourDays()) {
            journal.snapshots().write(3, bytes("mid 2026-11-21"));
            journal.snapshots().write(8, bytes("latest"));
            assertEquals(List.of("2026-11-20"), journal.deleteDaysBefore("2026-11-23"));
            List<JournalRecord> replay = new ArrayList<>();
            journal.forEachAfter(3, replay::add);
            assertEquals(List.of(4L, 5L, 6L, 7L, 8L), sequences(replay));
        }
    }

    @Test
    void deleteDaysBefore_ignoresACorruptSnapshot() throws IOException {
        try (Journal journal = fourDays()) {
            journal.snapshots().write(8, bytes("rotten"));
            Path snapshot = dir.resolve("snapshots").resolve(String.format("snapshot-%020d.snap", 8));
            byte[] rotten = Files.readAllBytes(snapshot);
            rotten[rotten.length - 1] ^= 1;
            Files.write(snapshot, rotten);
            assertEquals(List.of(), journal.deleteDaysBefore("2026-11-23"));
        }
    }

    @Test
    void forEachAfter_intoDeletedRecords_throwsIllegalArgument() {
        try (Journal journal = fourDays()) {
            journal.snapshots().write(4, bytes("state"));
            journal.deleteDaysBefore("2026-11-23");
            assertThrows(IllegalArgumentException.class, () -> journal.forEachAfter(3, r -> { }));
            List<JournalRecord> replay = new ArrayList<>();
            journal.forEachAfter(4, replay::add);
            assertEquals(List.of(5L, 6L, 7L, 8L), sequences(replay));
        }
    }

    @Test
    void deleteDaysBefore_malformedDay_throwsIllegalArgument() {
        try (Journal journal = fourDays()) {
            assertThrows(IllegalArgumentException.class, () -> journal.deleteDaysBefore("yesterday"));
            assertEquals(8, everything(journal).size());
        }
    }
}
