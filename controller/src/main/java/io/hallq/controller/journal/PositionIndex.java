package io.hallq.controller.journal;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where some records start, so that a reader after sequence N starts at most a few records before N instead of
 * at the start of its day. Filled at open (recovery reads every segment anyway), at every segment start, at
 * appends, and by every positioned read (the position after the last record read), at most one entry per
 * {@link #SPACING} records except those read ends. Bounded: beyond {@link #MAX_ENTRIES} the oldest go (old days
 * are read rarely, and a read without an entry still starts at its segment's first record). Guarded by the
 * journal's lock.
 */
final class PositionIndex {

    /** Where a record starts: its sequence, its segment's day and its byte offset in that segment. */
    record Position(long sequence, String day, long offset) {}

    static final int SPACING = 128;
    static final int MAX_ENTRIES = 8_192;

    private final TreeMap<Long, Position> bySequence = new TreeMap<>();

    /** Adds a position when no known one lies within {@link #SPACING} records before it. */
    void addSpaced(long sequence, String day, long offset) {
        Map.Entry<Long, Position> floor = bySequence.floorEntry(sequence);
        if (floor == null || sequence - floor.getKey() >= SPACING || !floor.getValue().day().equals(day)) {
            add(sequence, day, offset);
        }
    }

    /** Adds a position whatever its neighbours (a segment's first record, where a reader stopped). */
    void add(long sequence, String day, long offset) {
        bySequence.put(sequence, new Position(sequence, day, offset));
        while (bySequence.size() > MAX_ENTRIES) {
            bySequence.pollFirstEntry();
        }
    }

    /** The known position at or before {@code sequence} in {@code day}'s segment, if any. */
    Position floor(long sequence, String day) {
        Map.Entry<Long, Position> floor = bySequence.floorEntry(sequence);
        return floor != null && floor.getValue().day().equals(day) ? floor.getValue() : null;
    }

    /** Forgets a deleted day's positions. */
    void removeDay(String day) {
        bySequence.values().removeIf(p -> p.day().equals(day));
    }

    /** Forgets positions from {@code sequence} on (a torn tail cut at open). */
    void removeFrom(long sequence) {
        bySequence.tailMap(sequence, true).clear();
    }

    int size() {
        return bySequence.size();
    }
}
