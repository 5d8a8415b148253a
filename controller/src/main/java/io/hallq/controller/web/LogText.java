package io.hallq.controller.web;

/**
 * Text from requests made safe for one log line: control characters (CR, LF, ...) escaped, length capped.
 * A name sent at login is logged as given only when it is a configured user.
 */
final class LogText {

    private static final int MAX = 64;

    private LogText() {}

    /** {@code 'li'} for a configured user; otherwise the escaped, shortened text marked as unknown. */
    static String userName(String name, WebConfig config) {
        return config.user(name).isPresent() ? "'" + name + "'" : "unknown name '" + safe(name) + "'";
    }

    /** {@code s} with every control character escaped as {@code \\uXXXX} and at most 64 characters kept. */
    static String safe(String s) {
        return safe(s, MAX);
    }

    /** {@code s} with every control character escaped and at most {@code max} characters kept. */
    static String safe(String s, int max) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length() && i < max; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > max) {
            b.append("...(").append(s.length()).append(" chars)");
        }
        return b.toString();
    }
}
