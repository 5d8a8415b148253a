package io.hallq.controller.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Locks a user name after {@code limit} failed logins in a row, for {@code lockout}. Counted per user name
 * (not per address): in a hall everyone shares the Wi-Fi's few addresses, and a name is what a guesser
 * attacks. A success resets the count. Held in memory: a restart unlocks, which an attacker cannot cause.
 */
final class LoginGuard {

    /** Whether a login may be tried now, and if not until when. */
    record Verdict(boolean allowed, Instant lockedUntil) {}

    private record Failures(int count, Instant lockedUntil) {}

    private final int limit;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new HashMap<>();

    LoginGuard(int limit, Duration lockout, Clock clock) {
        this.limit = limit;
        this.lockout = lockout;
        this.clock = clock;
    }

    synchronized Verdict check(String user) {
        Failures f = failures.get(user);
        if (f == null || f.lockedUntil() == null) {
            return new Verdict(true, null);
        }
        if (clock.instant().isBefore(f.lockedUntil())) {
            return new Verdict(false, f.lockedUntil());
        }
        failures.remove(user); // the lockout ran out: a fresh start
        return new Verdict(true, null);
    }

    /** Records a failure; returns the time the name is locked until, or null while it is not locked. */
    synchronized Instant failed(String user) {
        Failures f = failures.getOrDefault(user, new Failures(0, null));
        int count = f.count() + 1;
        Instant until = count >= limit ? clock.instant().plus(lockout) : null;
        failures.put(user, new Failures(count, until));
        return until;
    }

    synchronized void succeeded(String user) {
        failures.remove(user);
    }
}
