package io.hallq.controller.config;

/**
 * Where and how long events are kept.
 *
 * @param dataDir         the journal directory; relative paths are resolved against the config file's folder
 * @param retentionDays   days of history kept for statistics (the current day is always kept)
 * @param snapshotEvery   write a snapshot after this many events (restart replays at most this many)
 */
public record JournalConfig(String dataDir, int retentionDays, int snapshotEvery) {}
