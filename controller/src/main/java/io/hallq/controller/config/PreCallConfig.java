package io.hallq.controller.config;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * The one pre-call rule of the hall (issue #14 item 6), shared by the board and the voice: while the early warning
 * is active and outside {@code quietHours}, the next {@code count} customers of each service with at least
 * {@code minWaiting} waiting are asked to get ready ("请 A012、A013 号准备 / A012, A013 please get ready").
 * Read from {@code alarms.precall}.
 */
public record PreCallConfig(boolean enabled, int count, int minWaiting, List<Window> quietHours) {

    public static final int MAX_COUNT = 10;
    public static final PreCallConfig DEFAULT = new PreCallConfig(true, 2, 3, List.of());

    public PreCallConfig {
        quietHours = List.copyOf(quietHours);
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count 1.." + MAX_COUNT + ": " + count);
        }
        if (minWaiting < 1) {
            throw new IllegalArgumentException("minWaiting >= 1: " + minWaiting);
        }
    }

    /** A time-of-day window, {@code to} exclusive; passes midnight when {@code to} is not after {@code from}. */
    public record Window(LocalTime from, LocalTime to) {
        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public boolean contains(LocalTime t) {
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }
    }

    /** True when pre-calls are off at this time of day (a quiet-hours window contains it). */
    public boolean quietAt(LocalTime t) {
        return quietHours.stream().anyMatch(w -> w.contains(t));
    }
}
