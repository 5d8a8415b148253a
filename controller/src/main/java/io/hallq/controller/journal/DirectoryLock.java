package io.hallq.controller.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tinylog.Logger;

/**
 * Exclusive use of a journal directory: two writers appending to one segment would interleave
 * batches and break the sequence, so a second open fails instead.
 */
final class DirectoryLock implements AutoCloseable {

    private static final String LOCK_FILE = "journal.lock";

    private final FileChannel channel;

    private DirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Creates the directory if needed (durably, so segments created in it do not vanish) and locks it. */
    static DirectoryLock acquire(Path dir) {
        JournalFiles.createDirectory(dir);
        FileChannel channel;
        try {
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open lock file in " + dir, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot lock journal directory " + dir, e);
        }
        if (lock == null) {
            close(channel);
            throw new IllegalStateException("journal " + dir + " is already open (by this or another process)");
        }
        return new DirectoryLock(channel);
    }

    /** Closing the channel releases the lock. */
    @Override
    public void close() {
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            Logger.warn(e, "Cannot close journal lock file");
        }
    }
}
