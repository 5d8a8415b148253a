package io.hallq.controller.device;

import java.time.Duration;

/**
 * How inputs are read.
 *
 * @param debounce     a level must hold this long to count (contact bounce of arcade buttons: 5-15 ms)
 * @param stuckAfter   a key held this long raises a device alarm and is ignored until released
 * @param pressInterval per key: presses closer together than this are ignored (a customer hammering a button)
 */
public record InputTiming(Duration debounce, Duration stuckAfter, Duration pressInterval) {

    public static final InputTiming DEFAULT =
            new InputTiming(Duration.ofMillis(20), Duration.ofSeconds(10), Duration.ofSeconds(2));

    public InputTiming {
        if (debounce.isNegative() || stuckAfter.compareTo(debounce) <= 0 || pressInterval.isNegative()) {
            throw new IllegalArgumentException("input timing needs 0 <= debounce < stuckAfter and pressInterval >= 0");
        }
    }
}
