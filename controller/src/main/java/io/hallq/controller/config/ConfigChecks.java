package io.hallq.controller.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The invariants the config records check in their constructors. The loader reports an operator's mistakes with
 * file, key and what was expected before it builds a record; these checks catch what code (a test, the simulator,
 * a future reader) builds wrong, so a record that exists is a record the engine can trust.
 */
final class ConfigChecks {

    private ConfigChecks() {}

    static <T> T given(T value, String record, String field) {
        return Objects.requireNonNull(value, () -> record + ": " + field + " is required");
    }

    static void require(boolean ok, String record, String what) {
        if (!ok) {
            throw new IllegalArgumentException(record + ": " + what);
        }
    }

    static Duration notNegative(Duration d, String record, String field) {
        given(d, record, field);
        require(!d.isNegative(), record, field + " must be 0 or more, got " + d);
        return d;
    }

    static Duration positive(Duration d, String record, String field) {
        given(d, record, field);
        require(d.isPositive(), record, field + " must be more than 0, got " + d);
        return d;
    }
}
