package io.hallq.controller.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A kind of scalar value in the config file and how to read it from a YAML node. It also knows how to say
 * what was expected, so that every mismatch reads "expected &lt;this&gt;, got &lt;that&gt;".
 *
 * @param <T> the Java type of the value
 */
public final class ConfigScalar<T> {

    private static final Pattern TIME_OF_DAY_TEXT = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final int SHOWN_TEXT = 60;

    public static final ConfigScalar<String> TEXT =
            new ConfigScalar<>("a text", n -> n.isTextual() ? n.textValue() : null, ConfigScalar::quoteHint);
    /** Text shown to customers or staff, so it must show something. */
    public static final ConfigScalar<String> NAME = TEXT.where(s -> !s.isBlank(), "a non-blank text");
    public static final ConfigScalar<Boolean> BOOLEAN =
            new ConfigScalar<>("a boolean (true or false)", n -> n.isBoolean() ? n.booleanValue() : null, n -> "");
    public static final ConfigScalar<Integer> INTEGER =
            new ConfigScalar<>("a whole number", ConfigScalar::readInt, n -> "");
    public static final ConfigScalar<Double> NUMBER =
            new ConfigScalar<>("a number", ConfigScalar::readDouble, n -> "");
    public static final ConfigScalar<Duration> DURATION =
            new ConfigScalar<>("a duration", n -> n.isTextual() ? Durations.parse(n.textValue()) : null,
                    ConfigScalar::unitHint);
    public static final ConfigScalar<LocalTime> TIME_OF_DAY =
            new ConfigScalar<>("a time of day HH:MM", ConfigScalar::readTime, n -> "");
    public static final ConfigScalar<DayOfWeek> DAY =
            new ConfigScalar<>("a day MON, TUE, WED, THU, FRI, SAT or SUN", ConfigScalar::readDay, n -> "");
    public static final ConfigScalar<ZoneId> ZONE =
            new ConfigScalar<>("a time zone id such as Asia/Shanghai", ConfigScalar::readZone, n -> "");

    private final String expected;
    private final Function<JsonNode, T> reader;
    private final Function<JsonNode, T> baseReader;
    private final Function<JsonNode, String> hint;

    private ConfigScalar(String expected, Function<JsonNode, T> reader, Function<JsonNode, String> hint) {
        this(expected, reader, reader, hint);
    }

    private ConfigScalar(String expected, Function<JsonNode, T> reader, Function<JsonNode, T> baseReader,
                         Function<JsonNode, String> hint) {
        this.expected = expected;
        this.reader = reader;
        this.baseReader = baseReader;
        this.hint = hint;
    }

    /** Text matching {@code pattern} entirely. */
    public static ConfigScalar<String> text(String pattern, String expected) {
        Pattern p = Pattern.compile(pattern);
        return TEXT.where(s -> p.matcher(s).matches(), expected);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    public static ConfigScalar<Integer> integer(int min, int max) {
        return INTEGER.where(i -> i >= min && i <= max, "a whole number from " + min + " to " + max);
    }

    /** One of the constants of {@code type}, written exactly as declared. */
    public static <E extends Enum<E>> ConfigScalar<E> oneOf(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(" or "));
        Function<JsonNode, E> read = n -> Arrays.stream(constants)
                .filter(c -> n.isTextual() && c.name().equals(n.textValue())).findFirst().orElse(null);
        return new ConfigScalar<>(names, read, ConfigScalar::quoteHint);
    }

    /**
     * The same kind restricted to values passing {@code ok}. A value of the right kind that fails {@code ok} is
     * reported with the new {@code expected}; a value of the wrong kind keeps the base kind's advice.
     */
    public ConfigScalar<T> where(Predicate<? super T> ok, String expected) {
        Function<JsonNode, T> restricted = n -> {
            T value = reader.apply(n);
            return value != null && ok.test(value) ? value : null;
        };
        return new ConfigScalar<>(expected, restricted, baseReader, hint);
    }

    public String expected() {
        return expected;
    }

    /**
     * The value held by {@code node}, or null when it holds no acceptable value. {@link ConfigNode} is the usual way
     * in; a reader walking the YAML tree itself (voice) uses this and {@link #mismatch} to read and word the same.
     */
    public T read(JsonNode node) {
        return reader.apply(node);
    }

    /** Why {@code node} was not accepted: "expected ..., got ..." and, where it helps, how to write it. */
    public String mismatch(JsonNode node) {
        String advice = baseReader.apply(node) == null ? hint.apply(node) : "";
        return "expected " + expected + ", got " + describe(node) + advice;
    }

    /** How a node is shown to the operator: text in quotes, other scalars as written, collections by kind. */
    static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isContainerNode()) {
            String kind = node.isObject() ? "mapping" : "list";
            return node.isEmpty() ? "an empty " + kind : "a " + kind;
        }
        String text = node.asText();
        if (text.length() > SHOWN_TEXT) {
            text = text.substring(0, SHOWN_TEXT) + "...";
        }
        return node.isTextual() ? "'" + text + "'" : text;
    }

    private static String quoteHint(JsonNode node) {
        // YAML turns unquoted yes/no/on/off and digits into booleans and numbers behind the operator's back
        return node.isBoolean() || node.isNumber() ? " (put it in quotes if it is meant as text)" : "";
    }

    private static String unitHint(JsonNode node) {
        String text = node.asText().strip();
        if (node.isNumber() || (node.isTextual() && text.matches("\\d+"))) {
            return "; a bare number has no unit: write e.g. '" + text + "m' for minutes or '" + text + "s' for seconds";
        }
        return "; write it like 250ms, 90s, 5m, 1h30m or PT5M";
    }

    private static Integer readInt(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
    }

    private static Double readDouble(JsonNode node) {
        return node.isNumber() && Double.isFinite(node.doubleValue()) ? node.doubleValue() : null;
    }

    private static LocalTime readTime(JsonNode node) {
        Matcher m = node.isTextual() ? TIME_OF_DAY_TEXT.matcher(node.textValue().strip()) : null;
        if (m == null || !m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        return hour <= 23 && minute <= 59 ? LocalTime.of(hour, minute) : null;
    }

    private static DayOfWeek readDay(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        String text = node.textValue().strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().substring(0, 3).equals(text)).findFirst().orElse(null);
    }

    private static ZoneId readZone(JsonNode node) {
        try {
            return node.isTextual() ? ZoneId.of(node.textValue().strip()) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
