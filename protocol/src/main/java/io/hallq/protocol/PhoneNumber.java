package io.hallq.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A customer's (or a staff contact's) mobile number: a mainland number of 11 digits starting with 1, checked when
 * built. The one place that says what a phone number is, how it may be shown and how it travels:
 * <ul>
 *   <li>{@link #masked()} ("138****1234") is what tickets, pages, logs, the journal and MQTT carry;</li>
 *   <li>{@link #keyedHash(byte[])} (HMAC-SHA256 under a key shared by hall and central only, lower-case hex) is
 *       what central matches on, so the hash cannot be reversed by trying every number;</li>
 *   <li>{@link #digits()} is the clear number, for the SMS centre and the encrypted vault only.</li>
 * </ul>
 * {@link #toString()} is the masked form, so a number logged by mistake is never in clear. The static
 * {@link #mask(CharSequence)} and {@link #ensureMasked(String)} show text that is not (yet) a whole number: the
 * digits typed so far on a keypad, a config key, a display field that should already be masked.
 */
public final class PhoneNumber {

    /** What a valid number looks like, as said in rejections (never with the number itself). */
    public static final String EXPECTED = "an 11-digit mobile number starting with 1";

    private static final Pattern VALID = Pattern.compile("1[0-9]{10}");

    /** Eight or more digits in a row would reveal more than a masked number does. */
    private static final Pattern CLEAR_RUN = Pattern.compile("\\d{8,}");

    private final String digits;

    private PhoneNumber(String digits) {
        this.digits = digits;
    }

    /**
     * The number in {@code text}, exactly 11 ASCII digits starting with 1 (no spaces, no country code).
     *
     * @throws IllegalArgumentException saying what was expected; the message never holds the text
     */
    public static PhoneNumber parse(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("expected " + EXPECTED);
        }
        return new PhoneNumber(text);
    }

    /** The number in {@code text}, or empty when it is null or not a valid number. */
    public static Optional<PhoneNumber> tryParse(String text) {
        return isValid(text) ? Optional.of(new PhoneNumber(text)) : Optional.empty();
    }

    /** True when {@link #parse} accepts {@code text}. */
    public static boolean isValid(String text) {
        return text != null && VALID.matcher(text).matches();
    }

    /** The clear number, 11 digits: only for the SMS centre and the encrypted vault. Never log or show it. */
    public String digits() {
        return digits;
    }

    /** "13812341234" -> "138****1234": how the number may be shown and stored. */
    public String masked() {
        return mask(digits);
    }

    /** Hex HMAC-SHA256 (lower case, 64 characters) of the digits under {@code key}: what central matches on. */
    public String keyedHash(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Any text's digits as they may be shown: the first three and the last four, the others starred
     * ("138 1234 5678" -> "138****5678", "12345678" -> "123*5678"); fewer than 8 digits become all stars
     * ("1234" -> "****"). Other characters are dropped. Null stays null.
     */
    public static String mask(CharSequence text) {
        if (text == null) {
            return null;
        }
        StringBuilder d = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            }
        }
        int n = d.length();
        if (n < 8) {
            return "*".repeat(n);
        }
        return d.substring(0, 3) + "*".repeat(n - 7) + d.substring(n - 4);
    }

    /** A value already meant for display, masked again should it still hold eight or more digits in a row. */
    public static String ensureMasked(String shown) {
        if (shown == null || !CLEAR_RUN.matcher(shown).find()) {
            return shown;
        }
        return mask(shown);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber p && p.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    /** The masked form: a number in a log line or an exception message is never in clear. */
    @Override
    public String toString() {
        return masked();
    }
}
