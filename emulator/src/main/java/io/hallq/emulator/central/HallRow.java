package io.hallq.emulator.central;

import io.hallq.protocol.mqtt.HallStatus;

/** What the central table knows of one hall. */
record HallRow(String hall, Boolean online, HallStatus status, long lastSeq, long events, long duplicates) {

    static HallRow empty(String hall) {
        return new HallRow(hall, null, null, 0, 0, 0);
    }

    HallRow withOnline(boolean on) {
        return new HallRow(hall, on, status, lastSeq, events, duplicates);
    }

    HallRow withStatus(HallStatus s) {
        return new HallRow(hall, online, s, lastSeq, events, duplicates);
    }

    HallRow withEvent(long seq, boolean duplicate) {
        return duplicate ? new HallRow(hall, online, status, lastSeq, events, duplicates + 1)
                : new HallRow(hall, online, status, Math.max(lastSeq, seq), events + 1, duplicates);
    }
}
