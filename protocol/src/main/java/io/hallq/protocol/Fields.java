package io.hallq.protocol;

/**
 * Field checks for the constructors of wire records (MQTT messages, statistics): each failure is an
 * {@link IllegalArgumentException} whose message names the field, which the MQTT codec passes on as the reason.
 */
public final class Fields {

    private Fields() {}

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    public static String text(String field, String value) {
        present(field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must not be blank");
        }
        return value;
    }

    public static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("field '" + field + "' must be " + min
                    + (max == Integer.MAX_VALUE ? " or more" : ".." + max) + ", got " + value);
        }
    }

    public static void notNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("field '" + field + "' must be a number of 0 or more, got " + value);
        }
    }
}
