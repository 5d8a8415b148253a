package io.hallq.controller.voice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets to a time of day. */
final class MutableClock extends Clock {

    private volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

    void setTime(LocalTime time) {
        now = time.atDate(java.time.LocalDate.of(2026, 3, 2)).toInstant(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }
}
