package io.hallq.protocol.stats;

/** Field checks of the statistics records; the message names the field, as the MQTT codec expects. */
final class Check {

    private Check() {}

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    static String text(String field, String value) {
        present(field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must not be blank");
        }
        return value;
    }

    static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("field '" + field + "' must be " + min
                    + (max == Integer.MAX_VALUE ? " or more" : ".." + max) + ", got " + value);
        }
    }

    static void notNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("field '" + field + "' must be a number of 0 or more, got " + value);
        }
    }
}
