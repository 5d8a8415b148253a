package io.hallq.controller.appointments;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.notify.PhoneVault;
import io.hallq.protocol.PhoneNumber;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keyed hash by which bookings and remote tickets know a phone without keeping its number: HMAC-SHA256 of the
 * number's digits under the hall's own key ({@value #KEY_FILE} in the journal's folder, 32 random bytes, owner-only,
 * made at first use). Without the key the hash cannot be reversed by trying every number; the hash stays in the hall
 * (emptied on the wire), and so does the key, unless the hall takes bookings from central, which must then hash
 * with the same key (docs/appointments.md). The booking page, the MQTT booking command and
 * the dispenser's check-in all hash with the same key, so a check-in finds the booking. Thread-safe.
 */
public final class PhoneHasher {

    /** The key's file name in the journal's folder. */
    public static final String KEY_FILE = "phone-hash.key";

    private static final Map<Path, PhoneHasher> BY_KEY_FILE = new ConcurrentHashMap<>();

    private final byte[] key;

    private PhoneHasher(byte[] key) {
        this.key = key.clone();
    }

    /** The hall's hasher: one per key file, made (with the key file) on first use. */
    public static PhoneHasher of(HallConfig config) {
        Path file = Path.of(config.journal().dataDir()).resolve(KEY_FILE).toAbsolutePath().normalize();
        return BY_KEY_FILE.computeIfAbsent(file, f -> new PhoneHasher(PhoneVault.loadOrCreateKey(f)));
    }

    /** A hasher with a given key (tests, tools). */
    public static PhoneHasher withKey(byte[] key) {
        return new PhoneHasher(key);
    }

    /** The number's keyed hash: 64 lower-case hex digits. */
    public String hash(PhoneNumber phone) {
        return phone.keyedHash(key);
    }

    /** The keyed hash of a number given as text; refuses text that is not a mobile number. */
    public String hash(String phone) {
        return hash(PhoneNumber.parse(phone));
    }
}
