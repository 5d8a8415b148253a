package io.hallq.controller.voice;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.config.ConfigScalar;
import io.hallq.controller.config.Durations;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Typed access to one YAML mapping that records an error (naming the full key) instead of throwing, and returns
 * the default for a missing or wrong value so that reading goes on and every error is reported at once.
 */
final class ConfigFields {

    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");

    private final JsonNode node;
    private final String path;
    private final List<String> errors;

    ConfigFields(JsonNode node, String path, List<String> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    String path(String key) {
        return path + "." + key;
    }

    void error(String key, String message) {
        errors.add(path(key) + ": " + message);
    }

    /** The child node, or null when missing or null in the YAML. */
    JsonNode child(String key) {
        JsonNode child = node.get(key);
        return child == null || child.isNull() ? null : child;
    }

    /** Reports keys other than {@code known}. */
    void allowOnly(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                error(name, "unknown key (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = child(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            error(key, "expected true or false, got '" + show(v) + "'");
            return fallback;
        }
        return v.booleanValue();
    }

    int integer(String key, int min, int max, int fallback) {
        JsonNode v = child(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            error(key, "expected an integer " + min + ".." + max + ", got '" + show(v) + "'");
            return fallback;
        }
        return v.intValue();
    }

    double decimal(String key, double min, double max, double fallback) {
        JsonNode v = child(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber() || !(v.doubleValue() >= min && v.doubleValue() <= max)) {
            error(key, "expected a number " + min + ".." + max + ", got '" + show(v) + "'");
            return fallback;
        }
        return v.doubleValue();
    }

    /**
     * A duration from 0 to {@code max}, in the config file's one syntax ({@link ConfigScalar#DURATION}: "300ms",
     * "2s", "PT0.3S"); a wrong value is reported with the same words as everywhere else in the file.
     */
    Duration duration(String key, Duration max, Duration fallback) {
        JsonNode v = child(key);
        if (v == null) {
            return fallback;
        }
        ConfigScalar<Duration> kind = ConfigScalar.DURATION.where(d -> !d.isNegative() && d.compareTo(max) <= 0,
                "a duration from 0s to " + Durations.format(max));
        Duration d = kind.read(v);
        if (d == null) {
            error(key, kind.mismatch(v));
            return fallback;
        }
        return d;
    }

    /** A time of day "HH:MM", or null (with an error) when missing or wrong. */
    LocalTime time(String key) {
        JsonNode v = child(key);
        if (v != null && v.isTextual() && TIME.matcher(v.textValue().strip()).matches()) {
            String[] parts = v.textValue().strip().split(":");
            int hour = Integer.parseInt(parts[0]);
            int minute = Integer.parseInt(parts[1]);
            if (hour <= 23 && minute <= 59) {
                return LocalTime.of(hour, minute);
            }
        }
        error(key, "expected a time of day \"HH:MM\", got '" + (v == null ? "" : show(v)) + "'");
        return null;
    }

    /** A non-blank string, or the fallback (with an error when present but not a string). */
    String text(String key, String fallback) {
        JsonNode v = child(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            error(key, "expected a non-empty string, got '" + show(v) + "'");
            return fallback;
        }
        return v.textValue().strip();
    }

    /** A list of strings each matching {@code pattern}, or the fallback (with an error) when anything is wrong. */
    List<String> textList(String key, Pattern pattern, String what, List<String> fallback) {
        JsonNode v = child(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isArray()) {
            error(key, "expected a list of " + what + ", got '" + show(v) + "'");
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual() || !pattern.matcher(item.textValue()).matches()) {
                errors.add(path(key) + "[" + i + "]: expected " + what + ", got '" + show(item) + "'");
            } else if (out.contains(item.textValue())) {
                errors.add(path(key) + "[" + i + "]: '" + item.textValue() + "' is listed twice");
            } else {
                out.add(item.textValue());
            }
        }
        return out;
    }

    static String show(JsonNode v) {
        return v.isTextual() ? v.textValue() : v.toString();
    }
}
