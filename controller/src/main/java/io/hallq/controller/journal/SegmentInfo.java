package io.hallq.controller.journal;

import java.nio.file.Path;

/**
 * What the journal knows about one segment file without reading it.
 *
 * @param lastSequence {@code firstSequence - 1} while the segment holds no record
 * @param size         bytes that hold whole batches; the file is never longer once recovered
 */
record SegmentInfo(String day, Path path, long firstSequence, long lastSequence, long size) {

    boolean isEmpty() {
        return lastSequence < firstSequence;
    }
}
