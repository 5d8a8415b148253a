package io.hallq.controller.journal;

import java.util.Arrays;
import java.util.Objects;

/**
 * One journaled payload as read back.
 *
 * @param sequence global, gap-free sequence number (1, 2, 3, ... across all segments)
 * @param day      business day of the segment that holds it, e.g. "2026-11-23"
 * @param offset   byte offset of the record inside its segment file, for diagnostics
 * @param payload  the opaque bytes given to {@link Journal#append}; not copied again, do not modify
 */
public record JournalRecord(long sequence, String day, long offset, byte[] payload) {

    public JournalRecord {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(payload, "payload");
    }

    // Arrays compare by identity in a record's generated equals; records read twice must be equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof JournalRecord that
                && sequence == that.sequence
                && offset == that.offset
                && day.equals(that.day)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, day, offset, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "JournalRecord[sequence=" + sequence + ", day=" + day + ", offset=" + offset
                + ", payload=" + payload.length + " bytes]";
    }
}
