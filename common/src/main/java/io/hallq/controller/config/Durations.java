package io.hallq.controller.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations of the config file: the short form "90s", "5m", "1h30m" or ISO-8601 such as "PT5M". */
final class Durations {

    private static final Pattern SHORT =
            Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?", Pattern.CASE_INSENSITIVE);

    private Durations() {}

    /** The duration written in {@code text}, or null when it is not one of the accepted forms. */
    static Duration parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        return t.toUpperCase(Locale.ROOT).matches("[-+]?P.*") ? parseIso(t) : parseShort(t);
    }

    private static Duration parseIso(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration parseShort(String text) {
        Matcher m = SHORT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return Duration.ofHours(number(m.group(1)))
                    .plusMinutes(number(m.group(2)))
                    .plusSeconds(number(m.group(3)));
        } catch (ArithmeticException | NumberFormatException e) {
            // absurdly large numbers: reported as "not a duration" rather than crashing the loader
            return null;
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
