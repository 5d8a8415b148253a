package io.hallq.controller.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The hall's clock once the module starts (the notice board and advisor exist before that). */
final class SwitchableClock extends Clock {

    private volatile Clock delegate = Clock.systemUTC();

    void set(Clock clock) {
        delegate = clock;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return delegate.withZone(zone);
    }

    @Override
    public Instant instant() {
        return delegate.instant();
    }
}
