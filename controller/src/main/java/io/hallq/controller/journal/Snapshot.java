package io.hallq.controller.journal;

import java.util.Arrays;
import java.util.Objects;

/**
 * A saved state, opaque to the journal.
 *
 * @param sequence the last journal sequence whose effect {@code state} includes; replay continues
 *                 with {@link Journal#forEachAfter} from here
 * @param state    the caller's encoding of the state; not copied, do not modify
 */
public record Snapshot(long sequence, byte[] state) {

    public Snapshot {
        Objects.requireNonNull(state, "state");
    }

    // Arrays compare by identity in a record's generated equals; a snapshot read back must be equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof Snapshot that && sequence == that.sequence && Arrays.equals(state, that.state);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Arrays.hashCode(state);
    }

    @Override
    public String toString() {
        return "Snapshot[sequence=" + sequence + ", state=" + state.length + " bytes]";
    }
}
