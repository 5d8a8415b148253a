package io.hallq.controller.stats;

import io.hallq.controller.config.HallConfig;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.DayStarted;
import io.hallq.protocol.stats.DailyStatistics;
import java.util.Optional;

/**
 * The statistics of the business day in progress, kept up to date event by event with the same tally as
 * {@link HallStatistics}: what the day so far looks like is exactly what the closed day will show once it ends.
 * Not thread-safe; feed it from one thread, in journal order.
 */
public final class RunningDay {

    private final HallConfig config;
    private DayTally tally;
    private long lastSeq;

    public RunningDay(HallConfig config) {
        this.config = config;
    }

    /**
     * Adds one journaled event; a {@link DayStarted} starts a new day. Events at or below the last sequence added
     * are ignored, so a rebuild and the live stream may overlap. Events before the first DayStarted belong to a
     * day named {@code firstDay}.
     *
     * @return true when the event was new
     */
    public boolean add(long sequence, HallEvent event, String firstDay) {
        if (sequence <= lastSeq) {
            return false;
        }
        lastSeq = sequence;
        if (event instanceof DayStarted d) {
            tally = new DayTally(config, d);
        } else {
            if (tally == null) {
                tally = new DayTally(config, new DayStarted(event.at(), firstDay));
            }
            tally.add(event);
        }
        return true;
    }

    /** The sequence of the latest event added; 0 before any. */
    public long lastSequence() {
        return lastSeq;
    }

    /** The business day in progress, empty before its first event. */
    public Optional<String> day() {
        return Optional.ofNullable(tally).map(DayTally::day);
    }

    /** The day so far: open and busy times run up to the latest event. */
    public Optional<DailyStatistics> statistics() {
        return Optional.ofNullable(tally).map(DayTally::finish);
    }
}
