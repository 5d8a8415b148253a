package io.hallq.controller.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.tinylog.Logger;

/**
 * Saved states that let a restart replay only the journal records after them.
 *
 * <p>One file per snapshot, {@code snapshot-<sequence, 20 digits>.snap}, so names sort by
 * sequence. Layout, big-endian: magic "HQSN" (4), version (2), reserved (2), sequence (8),
 * state length (4), state, CRC32C over everything before it (4). A file is written whole to a
 * temp file, forced, renamed over its final name and the directory forced, so a crash leaves
 * either the complete snapshot or none. A file failing its checks is skipped with a warning and
 * the next older one is used. Only the newest {@code keep} files are kept.
 */
public final class SnapshotStore {

    public static final int DEFAULT_KEEP = 3;

    private static final int MAGIC = 0x4851534E; // "HQSN"
    private static final short VERSION = 1;
    private static final int HEADER_SIZE = 20;
    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.snap");
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Path dir;
    private final int keep;

    private SnapshotStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    /** Opens the store in {@code dir}, creating it if needed, keeping {@value #DEFAULT_KEEP} snapshots. */
    public static SnapshotStore open(Path dir) {
        return open(dir, DEFAULT_KEEP);
    }

    public static SnapshotStore open(Path dir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("must keep at least one snapshot, got " + keep);
        }
        JournalFiles.createDirectory(dir);
        JournalFiles.deleteLeftoverTemps(dir);
        return new SnapshotStore(dir, keep);
    }

    /**
     * Saves {@code state} as of journal sequence {@code sequence} atomically and durably, then
     * drops snapshots beyond the newest {@code keep}.
     *
     * @throws IllegalArgumentException if a newer snapshot already exists: writing an older one
     *                                  means the caller lost track of the journal
     */
    public synchronized void write(long sequence, byte[] state) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
        List<Long> existing = sequences();
        if (!existing.isEmpty() && existing.getLast() > sequence) {
            throw new IllegalArgumentException("snapshot " + sequence + " is older than the existing " + existing.getLast());
        }
        JournalFiles.writeAtomically(path(sequence), encode(sequence, state));
        prune();
    }

    /** The newest snapshot that passes its checks, if any. */
    public synchronized Optional<Snapshot> latest() {
        List<Long> sequences = sequences();
        for (int i = sequences.size() - 1; i >= 0; i--) {
            Optional<Snapshot> snapshot = load(sequences.get(i));
            if (snapshot.isPresent()) {
                return snapshot;
            }
        }
        return Optional.empty();
    }

    /**
     * Sequence of the oldest kept snapshot that passes its checks: the journal keeps every record
     * after it, so that falling back to any kept snapshot still finds its records.
     */
    synchronized OptionalLong oldestValidSequence() {
        for (long sequence : sequences()) {
            if (load(sequence).isPresent()) {
                return OptionalLong.of(sequence);
            }
        }
        return OptionalLong.empty();
    }

    private void prune() {
        List<Long> sequences = sequences();
        for (int i = 0; i < sequences.size() - keep; i++) {
            JournalFiles.delete(path(sequences.get(i)));
        }
    }

    /** Sequences that have a snapshot file, ascending. */
    private List<Long> sequences() {
        List<Long> sequences = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    sequences.add(Long.parseLong(name.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshot directory " + dir, e);
        }
        sequences.sort(null);
        return sequences;
    }

    private Path path(long sequence) {
        return dir.resolve(String.format("snapshot-%020d.snap", sequence));
    }

    private static byte[] encode(long sequence, byte[] state) {
        byte[] data = new byte[HEADER_SIZE + state.length + 4];
        INT.set(data, 0, MAGIC);
        SHORT.set(data, 4, VERSION);
        LONG.set(data, 8, sequence);
        INT.set(data, 16, state.length);
        System.arraycopy(state, 0, data, HEADER_SIZE, state.length);
        INT.set(data, HEADER_SIZE + state.length, crc(data, HEADER_SIZE + state.length));
        return data;
    }

    private Optional<Snapshot> load(long sequence) {
        Path file = path(sequence);
        byte[] data;
        try {
            data = JournalFiles.read(file, JournalFiles.size(file));
        } catch (UncheckedIOException | IllegalStateException e) {
            Logger.warn(e, "Ignoring unreadable snapshot {}", file);
            return Optional.empty();
        }
        String problem = problem(data, sequence);
        if (problem != null) {
            Logger.warn("Ignoring snapshot {}: {}", file, problem);
            return Optional.empty();
        }
        return Optional.of(new Snapshot(sequence, Arrays.copyOfRange(data, HEADER_SIZE, data.length - 4)));
    }

    private static String problem(byte[] data, long sequence) {
        if (data.length < HEADER_SIZE + 4) {
            return "file is too short (" + data.length + " bytes)";
        }
        if ((int) INT.get(data, data.length - 4) != crc(data, data.length - 4)) {
            return "CRC32C mismatch";
        }
        if ((int) INT.get(data, 0) != MAGIC || (short) SHORT.get(data, 4) != VERSION) {
            return "not a snapshot of a known format version";
        }
        if ((int) INT.get(data, 16) != data.length - HEADER_SIZE - 4) {
            return "state length does not match the file size";
        }
        if ((long) LONG.get(data, 8) != sequence) {
            return "holds sequence " + (long) LONG.get(data, 8) + ", not the one its name says";
        }
        return null;
    }

    private static int crc(byte[] data, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, length);
        return (int) crc.getValue();
    }
}
