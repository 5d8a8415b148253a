package io.hallq.controller.voice;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A time-of-day window with its own volume, e.g. lunch time at half volume. {@code to} is exclusive; a window
 * whose {@code to} is before its {@code from} runs past midnight (21:00-08:00).
 *
 * @param volume 0.0 (silent) to 1.0 (the clips as recorded)
 */
public record QuietHours(LocalTime from, LocalTime to, double volume) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours need from != to, got " + from);
        }
        if (!(volume >= 0.0 && volume <= 1.0)) {
            throw new IllegalArgumentException("volume must be 0.0..1.0, got " + volume);
        }
    }

    public boolean contains(LocalTime time) {
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }
}
