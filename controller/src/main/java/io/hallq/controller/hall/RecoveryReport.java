package io.hallq.controller.hall;

/**
 * What a start found: the snapshot used (0 for none), the events replayed after it, and the state reached.
 */
public record RecoveryReport(long snapshotSequence, long replayedEvents, long lastSequence, String day,
                             int waiting, long millis) {

    @Override
    public String toString() {
        return (day == null ? "no business day yet" : "day " + day) + " at event #" + lastSequence + " (snapshot #" + snapshotSequence + " + "
                + replayedEvents + " events replayed in " + millis + " ms), " + waiting + " waiting";
    }
}
