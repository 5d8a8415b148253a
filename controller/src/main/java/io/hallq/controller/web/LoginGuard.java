package io.hallq.controller.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Locks a user name after {@code limit} failed logins in a row, for {@code lockout}. Counted per user name
 * (not per address): in a hall everyone shares the Wi-Fi's few addresses, and a name is what a guesser
 * attacks. A success resets the count. Held in memory: a restart unlocks, which an attacker cannot cause.
 *
 * <p>Attempts are counted when they start, before the password is hashed: attempts in flight count as
 * failures until they end, so a burst of a thousand parallel guesses gets {@code limit} of them evaluated and
 * the rest refused. At most {@link #IN_FLIGHT_PER_NAME} attempts per name are hashed at once.
 *
 * <p>Memory is bounded: the configured users have an entry each; other names share a table of at most
 * {@link #MAX_OTHER_NAMES} entries, the least recently tried going first (a flood of random names cannot grow
 * it, nor evict a real user's lockout).
 */
final class LoginGuard {

    static final int IN_FLIGHT_PER_NAME = 2;
    static final int MAX_OTHER_NAMES = 10_000;

    /** Whether an attempt may go on: {@code lockedUntil} when locked, {@code busy} when too many are in flight. */
    record Verdict(boolean allowed, Instant lockedUntil, boolean busy) {}

    private static final class Attempts {
        int failures;
        int inFlight;
        Instant lockedUntil;
    }

    private final int limit;
    private final Duration lockout;
    private final Clock clock;
    private final Set<String> known;
    private final Map<String, Attempts> users = new HashMap<>();
    private final LinkedHashMap<String, Attempts> others = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Attempts> eldest) {
            return size() > MAX_OTHER_NAMES;
        }
    };

    LoginGuard(int limit, Duration lockout, Clock clock, Set<String> knownUsers) {
        this.limit = limit;
        this.lockout = lockout;
        this.clock = clock;
        this.known = Set.copyOf(knownUsers);
    }

    /** Starts an attempt for {@code name}; when allowed, {@link #succeeded} or {@link #failed} must follow. */
    synchronized Verdict begin(String name) {
        Map<String, Attempts> table = known.contains(name) ? users : others;
        Attempts e = table.computeIfAbsent(name, n -> new Attempts());
        Instant now = clock.instant();
        if (e.lockedUntil != null) {
            if (now.isBefore(e.lockedUntil)) {
                return new Verdict(false, e.lockedUntil, false);
            }
            e.lockedUntil = null; // the lockout ran out: a fresh start
            e.failures = 0;
        }
        if (e.failures + e.inFlight >= limit) {
            // the attempts in flight could lock the name: wait for them
            return new Verdict(false, null, true);
        }
        if (e.inFlight >= IN_FLIGHT_PER_NAME) {
            return new Verdict(false, null, true);
        }
        e.inFlight++;
        return new Verdict(true, null, false);
    }

    /** Ends a failed attempt; returns the time the name is locked until, or null while it is not locked. */
    synchronized Instant failed(String name) {
        Attempts e = entry(name);
        if (e == null) {
            return null; // forgotten meanwhile (an unknown name pushed out of the table)
        }
        e.inFlight = Math.max(0, e.inFlight - 1);
        e.failures++;
        if (e.failures >= limit && e.lockedUntil == null) {
            e.lockedUntil = clock.instant().plus(lockout);
        }
        return e.lockedUntil;
    }

    synchronized void succeeded(String name) {
        Attempts e = entry(name);
        if (e != null) {
            e.inFlight = Math.max(0, e.inFlight - 1);
            e.failures = 0;
            if (e.inFlight == 0) {
                (known.contains(name) ? users : others).remove(name);
            }
        }
    }

    /** Ends an attempt that was never evaluated (the hashing pool refused it): it counts for nothing. */
    synchronized void abandoned(String name) {
        Attempts e = entry(name);
        if (e != null) {
            e.inFlight = Math.max(0, e.inFlight - 1);
        }
    }

    /** Names tracked at the moment (for tests of the memory bound). */
    synchronized int tracked() {
        return users.size() + others.size();
    }

    private Attempts entry(String name) {
        return known.contains(name) ? users.get(name) : others.get(name);
    }
}
