package io.hallq.controller.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for the {@code web.users} config: PBKDF2 with HMAC-SHA256 from the JDK, written as
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}. The iteration count travels with the hash,
 * so it can be raised later without invalidating the hashes already in config files.
 */
public final class PasswordHash {

    /**
     * New hashes: OWASP's figure for PBKDF2-HMAC-SHA256 (2023). About a second on a Raspberry Pi 4: slow for
     * guessing, bearable for a login that happens a few times a day per terminal.
     */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /**
     * Weaker hashes still verify (with a warning at start), but a server bound beyond loopback refuses them:
     * there a stolen config file must not be cheap to crack.
     */
    public static final int MIN_ITERATIONS = 600_000;
    /** The passwords of the example hall's demo users, and other first guesses: refused on a real controller. */
    static final java.util.List<String> DEMO_PASSWORDS = java.util.List.of("staff-demo", "manager-demo",
            "kiosk-demo");
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A parsed hash. */
    private record Parsed(int iterations, byte[] salt, byte[] hash) {}

    private PasswordHash() {}

    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    public static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** True when {@code password} matches; a malformed {@code stored} hash matches nothing. */
    public static boolean verify(char[] password, String stored) {
        return parse(stored)
                .map(p -> MessageDigest.isEqual(p.hash(), derive(password, p.salt(), p.iterations())))
                .orElse(false);
    }

    /** The iteration count of a well-formed hash, or 0 when it is malformed. */
    public static int iterations(String stored) {
        return parse(stored).map(Parsed::iterations).orElse(0);
    }

    /** Why {@code stored} is not a usable hash, or empty when it is (for config checking). */
    public static Optional<String> problem(String stored) {
        return parse(stored).isPresent() ? Optional.empty()
                : Optional.of("a hash made by 'hallq hash-password' (pbkdf2-sha256$<iterations>$<salt>$<hash>)");
    }

    private static Optional<Parsed> parse(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return Optional.empty();
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > 100_000_000 || salt.length < 8 || hash.length != HASH_BITS / 8) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(iterations, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
