package io.hallq.controller.web;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Tickets one login may issue over the API: {@code perMinute} a minute, with a burst of as many (a token
 * bucket per user name). A kiosk that is misused cannot use up a day's numbers. Memory: one entry per
 * configured user (only logged-in users get here).
 */
final class TicketRate {

    private final int perMinute;
    private final Clock clock;
    private final Map<String, double[]> buckets = new HashMap<>(); // user -> {tokens, last refill epoch ms}

    TicketRate(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one ticket's allowance; returns zero when allowed, else how long until the next one. */
    synchronized Duration take(String user) {
        long now = clock.millis();
        double[] b = buckets.computeIfAbsent(user, u -> new double[] {perMinute, now});
        double refill = (now - b[1]) * perMinute / 60_000.0;
        b[0] = Math.min(perMinute, b[0] + Math.max(0, refill));
        b[1] = now;
        if (b[0] >= 1) {
            b[0] -= 1;
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil((1 - b[0]) * 60_000.0 / perMinute));
    }

    int perMinute() {
        return perMinute;
    }
}
