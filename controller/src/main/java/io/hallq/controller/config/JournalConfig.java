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

    public JournalConfig {
        ConfigChecks.given(dataDir, "JournalConfig", "dataDir");
        ConfigChecks.require(retentionDays >= 1, "JournalConfig", "retentionDays must be 1 or more, got " + retentionDays);
        ConfigChecks.require(snapshotEvery >= 1, "JournalConfig", "snapshotEvery must be 1 or more, got " + snapshotEvery);
        ConfigChecks.require(profileWeeks >= 1 && profileWeeks <= maxProfileWeeks(retentionDays), "JournalConfig",
                "profileWeeks must be 1.." + maxProfileWeeks(retentionDays) + " (the journal keeps " + retentionDays
                        + " days), got " + profileWeeks);
    }

    /**
     * With the default {@code profileWeeks}, or fewer when the journal keeps less: what the loader gives a file
     * without {@code journal.profileWeeks}.
     */
    public JournalConfig(String dataDir, int retentionDays, int snapshotEvery) {
        this(dataDir, retentionDays, snapshotEvery, Math.min(DEFAULT_PROFILE_WEEKS, maxProfileWeeks(retentionDays)));
    }

    /** The most weeks of profile a journal keeping {@code retentionDays} can feed (at least 1). */
    public static int maxProfileWeeks(int retentionDays) {
        return Math.max(1, retentionDays / 7);
    }
}
