package io.hallq.emulator.central;

import java.util.TreeSet;

/**
 * Which sequence numbers of one hall this copy has already taken. With a shared subscription a copy sees
 * only some of a hall's events, so "highest seen" is not enough: everything up to a low watermark plus the
 * set above it.
 */
final class SeenSequences {

    private long contiguous;
    private final TreeSet<Long> above = new TreeSet<>();

    /** True the first time {@code seq} is offered. */
    boolean firstTime(long seq) {
        if (seq <= contiguous || !above.add(seq)) {
            return false;
        }
        while (!above.isEmpty() && above.first() == contiguous + 1) {
            contiguous = above.pollFirst();
        }
        return true;
    }

    /** Forgets everything up to {@code seq}: called when another copy has surely handled it (bounded memory). */
    void compactTo(long seq) {
        if (seq > contiguous) {
            contiguous = seq;
            above.headSet(seq, true).clear();
        }
    }
}
