package io.hallq.controller.config;

/**
 * Where and how long events are kept, and how far back the statistics look.
 *
 * @param dataDir         the journal directory; relative paths are resolved against the config file's folder
 * @param retentionDays   days of history kept for statistics (the current day is always kept)
 * @param snapshotEvery   write a snapshot after this many events (restart replays at most this many)
 * @param profileWeeks    weeks of closed business days behind the busy/idle profile: the one published over
 *                        MQTT and the one behind the manager page's staffing advice
 */
public record JournalConfig(String dataDir, int retentionDays, int snapshotEvery, int profileWeeks) {

    /** The default {@code profileWeeks}. */
    public static final int DEFAULT_PROFILE_WEEKS = 4;

    /** With the default {@code profileWeeks}. */
    public JournalConfig(String dataDir, int retentionDays, int snapshotEvery) {
        this(dataDir, retentionDays, snapshotEvery, DEFAULT_PROFILE_WEEKS);
    }
}
