package io.hallq.controller.journal;

/** What walking the bytes of one segment found. */
sealed interface ScanResult {

    /** Every record is intact and the last one closes its batch. */
    record Clean(long firstSequence, long lastSequence) implements ScanResult {
    }

    /**
     * The file ends in damage that an interrupted write explains: nothing intact follows it.
     *
     * @param lastSequence sequence of the last record of the last whole batch
     * @param cutAt        end of the last whole batch, where the file should be cut
     * @param badOffset    where the damage or the unfinished batch starts
     */
    record TornTail(long firstSequence, long lastSequence, int cutAt, int badOffset, String problem)
            implements ScanResult {
    }

    /** Damage that an interrupted append cannot explain. */
    record Corrupt(long offset, String problem) implements ScanResult {
    }
}
