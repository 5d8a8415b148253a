package io.hallq.protocol.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Phone numbers never travel in clear: they are masked for display ("138****1234") or, when central must
 * match customers across halls, replaced by a keyed hash (HMAC-SHA256 with a key shared by hall and
 * central only, so the hash cannot be reversed by trying every number).
 */
public final class PhonePrivacy {

    /** Four or more digits in a row in the middle would reveal more than a masked number does. */
    private static final Pattern CLEAR_MIDDLE = Pattern.compile("\\d{8,}");

    private PhonePrivacy() {}

    /** "13812341234" -> "138****1234"; shorter input is masked completely. */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** A value already meant for display, made safe should it still hold a clear number. */
    public static String ensureMasked(String shown) {
        if (shown == null || !CLEAR_MIDDLE.matcher(shown).find()) {
            return shown;
        }
        return mask(shown);
    }

    /** Hex HMAC-SHA256 of the number's digits under {@code key}. */
    public static String keyedHash(byte[] key, String phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] h = mac.doFinal(phone.replaceAll("\\D", "").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
