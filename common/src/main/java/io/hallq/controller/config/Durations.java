package io.hallq.controller.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of the config file (every section, the board's file and the simulator's scenarios too):
 * whole numbers with the units {@code h}, {@code m}, {@code s} and {@code ms}, in that order and combinable
 * ("90s", "5m", "1h30m", "800ms", "1s500ms"), or ISO-8601 ("PT5M", "PT0.8S"). Units are case-insensitive. No
 * bare numbers (a number without a unit is a mistake waiting to happen), no fractions in the short form (write
 * "1500ms" or "PT1.5S"), no signs. Readers get it through {@link ConfigScalar#DURATION}; docs/configuration.md
 * describes it once.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile(
            "(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?", Pattern.CASE_INSENSITIVE);

    private Durations() {}

    /** The duration written in {@code text}, or null when it is not one of the accepted forms. */
    public static Duration parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        return t.toUpperCase(Locale.ROOT).matches("[-+]?P.*") ? parseIso(t) : parseShort(t);
    }

    /** {@code d} in the short form, as an operator would write it: "10s", "800ms", "1h30m", "0s". */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative() || d.getNano() % 1_000_000 != 0) {
            return d.toString();
        }
        StringBuilder out = new StringBuilder();
        append(out, d.toHours(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        append(out, d.toMillisPart(), "ms");
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(amount).append(unit);
        }
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
                    .plusSeconds(number(m.group(3)))
                    .plusMillis(number(m.group(4)));
        } catch (ArithmeticException | NumberFormatException e) {
            // absurdly large numbers: reported as "not a duration" rather than crashing the loader
            return null;
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
