package io.hallq.controller.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket for the public pages' limits: {@code capacity} per {@code period}, refilled evenly. Not
 * thread-safe: its owner ({@link CustomerGate}, {@link ReminderGate}) holds it under its own lock, in a map bounded
 * by {@link #lru}.
 */
final class TokenBucket {
    private final int capacity;
    private final double perMilli;
    private double tokens;
    private long last;

    TokenBucket(int capacity, Duration period, long now) {
        this.capacity = capacity;
        this.perMilli = capacity / (double) period.toMillis();
        this.tokens = capacity;
        this.last = now;
    }

    /**
     * A map that holds at most {@code max} entries, the least recently used going first: what a stranger can
     * fill (one entry per address, phone or link) stays bounded, and an entry pushed out starts its limits again.
     */
    static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + Math.max(0, now - last) * perMilli);
        last = Math.max(last, now);
    }

    /** Zero when a token is there now, otherwise how long until one is. */
    Duration waitFor(long now) {
        refill(now);
        return tokens >= 1 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli));
    }

    /** A wait in whole minutes for a refusal's text, at least 1. */
    static long minutes(Duration d) {
        return Math.max(1, (d.toSeconds() + 59) / 60);
    }

    void take(long now) {
        refill(now);
        tokens -= 1;
    }
}
