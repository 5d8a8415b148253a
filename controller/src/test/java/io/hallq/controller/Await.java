package io.hallq.controller;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting on a condition, the one way the tests wait for another thread or process: the condition is looked at
 * again every few milliseconds until it holds or the time allowed runs out. The time allowed is generous (the
 * machines are shared and slow); a test that passes never waits longer than its condition takes.
 */
public final class Await {

    /** How often a condition is looked at again. */
    private static final long LOOK_AGAIN_MS = 10;
    /** The time allowed when a test names none. */
    public static final Duration DEFAULT = Duration.ofSeconds(15);

    private Await() {}

    /** Waits until {@code condition} holds, at most {@link #DEFAULT}; fails naming {@code what} otherwise. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    /** Waits until {@code condition} holds, at most {@code max}; fails naming {@code what} otherwise. */
    public static void until(String what, Duration max, BooleanSupplier condition) {
        until(() -> what, max, condition);
    }

    /**
     * As {@link #until(String, Duration, BooleanSupplier)}; {@code what} is asked for when the time runs out, so
     * it can say what the test saw instead.
     */
    public static void until(Supplier<String> what, Duration max, BooleanSupplier condition) {
        if (!within(max, condition)) {
            throw new AssertionError("timed out after " + max.toMillis() + " ms waiting until " + what.get());
        }
    }

    /** Whether {@code condition} held within {@code max} (looked at once more at the end). */
    public static boolean within(Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return condition.getAsBoolean();
            }
            try {
                Thread.sleep(LOOK_AGAIN_MS); // between two looks at the condition, not a wait for time to pass
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
        return true;
    }
}
