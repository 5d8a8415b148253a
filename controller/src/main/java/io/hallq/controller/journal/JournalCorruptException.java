package io.hallq.controller.journal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A journal file is damaged in a way that a crash cannot explain (anything but a torn tail), so
 * the journal refuses to go on rather than silently drop or alter events. An operator has to
 * look at the file; a copy of it as found is kept next to it.
 */
public final class JournalCorruptException extends RuntimeException {

    private final transient Path file;
    private final long offset;
    private final transient Path damagedCopy;

    JournalCorruptException(Path file, long offset, String problem, Path damagedCopy, String copyFailure) {
        super(message(file, offset, problem, damagedCopy, copyFailure));
        this.file = file;
        this.offset = offset;
        this.damagedCopy = damagedCopy;
    }

    private static String message(Path file, long offset, String problem, Path copy, String copyFailure) {
        String where = copy != null
                ? "damaged copy put aside as " + copy
                : "could not put a damaged copy aside: " + copyFailure;
        return "journal file " + file + " is corrupt at byte offset " + offset + ": " + problem + "; " + where;
    }

    /** The damaged journal file. */
    public Path file() {
        return file;
    }

    /** Byte offset in {@link #file()} where the damage was found. */
    public long offset() {
        return offset;
    }

    /** The copy of the file as found, empty only if copying it failed too. */
    public Optional<Path> damagedCopy() {
        return Optional.ofNullable(damagedCopy);
    }
}
