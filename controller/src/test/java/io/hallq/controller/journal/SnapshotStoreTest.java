package io.hallq.controller.journal;

import static io.hallq.controller.journal.Payloads.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {

    @TempDir
    Path dir;

    private Path file(long sequence) {
        return dir.resolve(String.format("snapshot-%020d.snap", sequence));
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void latest_withoutSnapshots_isEmpty() {
        assertEquals(Optional.empty(), SnapshotStore.open(dir).latest());
    }

    @Test
    void write_thenReopen_latestIsTheNewest() {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(0, bytes("empty hall"));
        store.write(10, bytes("state at 10"));
        store.write(25, bytes("state at 25"));
        assertEquals(Optional.of(new Snapshot(25, bytes("state at 25"))), SnapshotStore.open(dir).latest());
    }

    @Test
    void write_keepsOnlyTheNewestN() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir, 3);
        for (long sequence = 1; sequence <= 5; sequence++) {
            store.write(sequence, bytes("s" + sequence));
        }
        assertEquals(Stream.of(3L, 4L, 5L).map(s -> file(s).getFileName().toString()).toList(), fileNames());
    }

    @Test
    void corruptNewest_isIgnored_andTheOlderOneWins() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(10, bytes("good"));
        store.write(20, bytes("about to rot"));
        byte[] rotten = Files.readAllBytes(file(20));
        rotten[rotten.length / 2] ^= 1;
        Files.write(file(20), rotten);
        assertEquals(Optional.of(new Snapshot(10, bytes("good"))), store.latest());
        assertEquals(10, store.oldestValidSequence().orElseThrow());
    }

    @Test
    void truncatedOrMisnamedSnapshots_areIgnored() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(5, bytes("five"));
        store.write(6, bytes("six"));
        store.write(7, bytes("seven"));
        byte[] six = Files.readAllBytes(file(6));
        Files.write(file(7), Arrays.copyOf(Files.readAllBytes(file(7)), 12));
        Files.write(file(8), six);
        assertEquals(Optional.of(new Snapshot(6, bytes("six"))), store.latest());
    }

    @Test
    void interruptedWrite_leavesThePreviousSnapshot() throws IOException {
        SnapshotStore.open(dir).write(10, bytes("complete"));
        Path temp = dir.resolve(file(20).getFileName() + JournalFiles.TEMP_SUFFIX);
        Files.write(temp, new byte[] {0x48, 0x51});
        SnapshotStore reopened = SnapshotStore.open(dir);
        assertEquals(Optional.of(new Snapshot(10, bytes("complete"))), reopened.latest());
        assertFalse(Files.exists(temp));
    }

    @Test
    void write_olderThanNewest_throwsIllegalArgument() {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(10, bytes("ten"));
        assertThrows(IllegalArgumentException.class, () -> store.write(9, bytes("nine")));
        assertThrows(IllegalArgumentException.class, () -> store.write(-1, bytes("negative")));
    }

    @Test
    void write_sameSequenceAgain_replacesIt() {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(10, bytes("first try"));
        store.write(10, bytes("second try"));
        assertEquals(Optional.of(new Snapshot(10, bytes("second try"))), store.latest());
    }

    @Test
    void emptyState_roundTrips() {
        SnapshotStore store = SnapshotStore.open(dir);
        store.write(3, new byte[0]);
        assertEquals(Optional.of(new Snapshot(3, new byte[0])), store.latest());
    }
}
