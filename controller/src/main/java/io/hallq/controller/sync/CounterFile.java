package io.hallq.controller.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One number in a small file, replaced atomically (write a temp file, fsync, rename), so after a power cut
 * it holds either the old or the new value, never a torn one. Used for the outbox cursor and birth number.
 */
final class CounterFile {

    private final Path file;
    private final Path temp;
    /** The folder was made (or found) by an earlier write; only the writing thread reads it. */
    private boolean folderMade;

    CounterFile(Path file) {
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** The stored value, or {@code fallback} when the file does not exist yet. */
    long read(long fallback) {
        try {
            if (!Files.exists(file)) {
                return fallback;
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + " holds '" + text + "', not a number; delete it to resend "
                        + "every event from the start of the journal");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    void write(long value) {
        try {
            if (!folderMade) {
                Files.createDirectories(file.getParent()); // throws inside the JDK when it exists: once only
                folderMade = true;
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap((value + "\n").getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
