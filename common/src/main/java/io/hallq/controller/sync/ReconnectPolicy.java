package io.hallq.controller.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before connecting again after a failure: the one backoff of every connection that reconnects by
 * itself (the hall's {@link MqttLink}, the board Pi's {@link MqttLink}, the SMS centre's SMPP session).
 *
 * <p>The wait after the {@code n}th failure in a row ({@code n} from 0) is {@code min * 2^n}, at most {@code max},
 * then spread by {@code ±jitter} (a fraction, 0 to 0.5), so that many halls cut off by the same broker restart do
 * not all come back in the same millisecond. A successful connect starts the count again ({@link Attempts#reset}).
 *
 * @param min    the first wait, more than 0
 * @param max    the longest wait, at least {@code min}
 * @param jitter the spread of each wait, 0 (none) to 0.5
 */
public record ReconnectPolicy(Duration min, Duration max, double jitter) {

    /** The spread MQTT connections use: each wait is 80 % to 120 % of its nominal value. */
    public static final double MQTT_JITTER = 0.2;

    public ReconnectPolicy {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (!min.isPositive()) {
            throw new IllegalArgumentException("reconnect min must be more than 0, not " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("reconnect max " + max + " is below min " + min);
        }
        if (!(jitter >= 0 && jitter <= 0.5)) {
            throw new IllegalArgumentException("reconnect jitter must be 0 to 0.5, not " + jitter);
        }
    }

    /** {@code min} doubling up to {@code max}, spread by {@link #MQTT_JITTER}. */
    public static ReconnectPolicy mqtt(Duration min, Duration max) {
        return new ReconnectPolicy(min, max, MQTT_JITTER);
    }

    /** The nominal wait after {@code failures} failures in a row before this one (0: the first failure). */
    public Duration nominal(int failures) {
        if (failures < 0) {
            throw new IllegalArgumentException("failures " + failures);
        }
        long minMs = min.toMillis();
        int shift = Math.min(failures, 30);
        long doubled = minMs > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : minMs << shift;
        return Duration.ofMillis(Math.min(max.toMillis(), Math.max(1, doubled)));
    }

    /** The wait after {@code failures} failures in a row before this one, spread by the jitter. */
    public Duration delay(int failures, RandomGenerator random) {
        long nominal = nominal(failures).toMillis();
        if (jitter == 0) {
            return Duration.ofMillis(nominal);
        }
        double factor = 1 - jitter + 2 * jitter * random.nextDouble();
        return Duration.ofMillis(Math.max(1, Math.round(nominal * factor)));
    }

    /** A count of failures in a row for one connection, against this policy. Not thread-safe: one owner thread. */
    public Attempts attempts() {
        return new Attempts(this);
    }

    /** The failures in a row of one connection. */
    public static final class Attempts {
        private final ReconnectPolicy policy;
        private int failures;

        private Attempts(ReconnectPolicy policy) {
            this.policy = policy;
        }

        /** One more failure: how long to wait before the next attempt. */
        public Duration failed(RandomGenerator random) {
            Duration wait = policy.delay(failures, random);
            if (failures < Integer.MAX_VALUE) {
                failures++;
            }
            return wait;
        }

        /** Connected: the next failure waits {@code min} again. */
        public void reset() {
            failures = 0;
        }

        /** Failures in a row so far. */
        public int failures() {
            return failures;
        }
    }
}
