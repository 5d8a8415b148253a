package io.hallq.controller.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tinylog.Logger;

/** File-system chores shared by the journal and the snapshot store; I/O errors become unchecked. */
final class JournalFiles {

    static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern SEGMENT_NAME = Pattern.compile("journal-(\\d{4}-\\d{2}-\\d{2})\\.log");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private JournalFiles() {
    }

    static Path segmentPath(Path dir, String day) {
        return dir.resolve("journal-" + day + ".log");
    }

    /** Days that have a segment file, ascending (ISO dates sort like their names). */
    static List<String> listDays(Path dir) {
        List<String> days = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Matcher name = SEGMENT_NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    days.add(name.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list journal directory " + dir, e);
        }
        days.sort(null);
        return days;
    }

    static void requireValidDay(String day) {
        if (day == null || !DAY.matcher(day).matches()) {
            throw new IllegalArgumentException("business day must look like 2026-11-23, got " + day);
        }
        try {
            LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a calendar day: " + day, e);
        }
    }

    /**
     * Reads the first {@code size} bytes in as few system calls as the OS allows: recovery reads
     * a whole busy day (several MB) and restart time matters more than the transient memory.
     */
    static byte[] read(Path file, long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("journal file " + file + " is too large to read: " + size + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int read = 0;
            while (buffer.hasRemaining() && read >= 0) {
                read = channel.read(buffer, buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("journal file " + file + " shrank while being read");
        }
        return buffer.array();
    }

    /** Reads {@code length} bytes from {@code offset}; the file must hold them. */
    static byte[] read(Path file, long offset, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int read = 0;
            while (buffer.hasRemaining() && read >= 0) {
                read = channel.read(buffer, offset + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("journal file " + file + " shrank while being read");
        }
        return buffer.array();
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + file, e);
        }
    }

    /**
     * Creates or replaces {@code target} so that after a crash it either does not exist (or has
     * its old content) or holds all of {@code content}: never a partial file.
     */
    static void writeAtomically(Path target, byte[] content) {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ownerOnly(temp, OWNER_FILE);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + temp + " to " + target, e);
        }
        fsyncDirectory(target.getParent());
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_FILE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_DIR =
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");

    /**
     * Journal files hold mobile tokens (and masked phones): readable by the service user alone (issue #12).
     * A file system without POSIX permissions is left as it is.
     */
    static void ownerOnly(Path path, java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions)
            throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (tests on other systems): nothing to restrict
        }
    }

    /** Creates the directory if needed, durably, so files created in it do not vanish with it. */
    static void createDirectory(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (!Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing.equals(dir.toAbsolutePath())) {
            return;
        }
        try {
            Files.createDirectories(dir);
            for (Path created = dir.toAbsolutePath(); !created.equals(existing); created = created.getParent()) {
                ownerOnly(created, OWNER_DIR);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir, e);
        }
        for (Path created = dir.toAbsolutePath(); !created.equals(existing); created = created.getParent()) {
            fsyncDirectory(created.getParent());
        }
    }

    /** Makes creations, renames and deletions in {@code dir} survive a power cut (Linux semantics). */
    static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fsync directory " + dir, e);
        }
    }

    /** Temp files only exist if a crash hit an atomic write, which therefore never happened. */
    static void deleteLeftoverTemps(Path dir) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Logger.warn("Deleting {} left over by an interrupted write", temp);
                Files.delete(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up temp files in " + dir, e);
        }
    }

    static void truncate(Path file, long size) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + file + " to " + size + " bytes", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** Keeps the damaged file as found for an operator, then builds the exception naming both. */
    static JournalCorruptException corrupt(Path file, long offset, String problem) {
        Path copy = damagedCopyName(file);
        try {
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            fsyncDirectory(file.getParent());
        } catch (IOException | UncheckedIOException e) {
            Logger.error(e, "Could not copy damaged journal file {} aside", file);
            return new JournalCorruptException(file, offset, problem, null, e.toString());
        }
        JournalCorruptException corrupt = new JournalCorruptException(file, offset, problem, copy, null);
        Logger.error(corrupt.getMessage());
        return corrupt;
    }

    private static Path damagedCopyName(Path file) {
        String base = file.getFileName() + ".damaged-" + System.currentTimeMillis();
        Path copy = file.resolveSibling(base);
        for (int attempt = 1; Files.exists(copy); attempt++) {
            copy = file.resolveSibling(base + "-" + attempt);
        }
        return copy;
    }
}
