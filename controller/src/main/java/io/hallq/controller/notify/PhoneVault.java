package io.hallq.controller.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The only place a customer's clear phone number is kept: encrypted at rest with AES-256-GCM under a key file that
 * only the service user may read, one entry per ticket token, each tied to its business day. The numbers of a
 * day are deleted when the next day starts ({@link #keepOnly}). Nothing here logs a number.
 *
 * <p>File format, one line per entry: {@code day TAB token TAB base64(iv || ciphertext+tag)}; the token and day are
 * the GCM associated data, so an entry copied to another token does not decrypt. The file is rewritten whole
 * (temp file + atomic move, both 0600) on every change; a hall keeps at most a few hundred numbers a day.
 * Thread-safe: all methods synchronize.
 */
public final class PhoneVault {

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKey key;
    private final Path file;
    private final SecureRandom random = new SecureRandom();
    /** token -> entry, in the order kept. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(String day, String sealed) {}

    private PhoneVault(SecretKey key, Path file) {
        this.key = key;
        this.file = file;
    }

    /**
     * Opens the vault in {@code file}, with the key in {@code keyFile}: created (32 random bytes, mode 0600) when
     * missing; refused when it can be read by anyone but its owner, or is not a key.
     *
     * @throws IllegalStateException naming the file and what is wrong
     */
    public static PhoneVault open(Path keyFile, Path file) {
        SecretKey key = new SecretKeySpec(loadOrCreateKey(keyFile), "AES");
        PhoneVault vault = new PhoneVault(key, file);
        vault.load();
        return vault;
    }

    /** The key in {@code keyFile}, made (32 random bytes, owner-only) when missing; also the bookings' hash key. */
    public static byte[] loadOrCreateKey(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                byte[] k = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(k);
                try {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    Files.write(keyFile, k, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                    return k;
                } catch (FileAlreadyExistsException raced) {
                    // another start made it meanwhile: read theirs below
                }
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
            if (!OWNER_ONLY.containsAll(perms)) {
                throw new IllegalStateException(keyFile + ": the phone key file may be readable by its owner only"
                        + " (chmod 600), but is " + PosixFilePermissions.toString(perms));
            }
            byte[] k = Files.readAllBytes(keyFile);
            if (k.length != KEY_BYTES) {
                throw new IllegalStateException(keyFile + ": expected a key of " + KEY_BYTES + " bytes, found "
                        + k.length);
            }
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException(keyFile + ": cannot read or create the phone key file", e);
        }
    }

    /** Keeps {@code phone} for the ticket with mobile token {@code token}, for business day {@code day}. */
    public synchronized void keep(String day, String token, String phone) {
        entries.put(token, new Entry(day, seal(day, token, phone)));
        save();
    }

    /** The number kept for {@code token}, or empty. */
    public synchronized Optional<String> phone(String token) {
        Entry e = entries.get(token);
        return e == null ? Optional.empty() : Optional.of(open(e.day(), token, e.sealed()));
    }

    public synchronized boolean has(String token) {
        return entries.containsKey(token);
    }

    /** Forgets the number of one ticket (the customer declined, or nothing more will be sent). */
    public synchronized void forget(String token) {
        if (entries.remove(token) != null) {
            save();
        }
    }

    /** Deletes every number not of {@code day}: run when a business day starts. Returns how many went. */
    public synchronized int keepOnly(String day) {
        int before = entries.size();
        entries.values().removeIf(e -> !e.day().equals(day));
        if (entries.size() != before) {
            save();
        }
        return before - entries.size();
    }

    public synchronized int size() {
        return entries.size();
    }

    private String seal(String day, String token, String phone) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD((day + "\t" + token).getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(phone.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private String open(String day, String token, String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            c.updateAAD((day + "\t" + token).getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(file + ": an entry does not decrypt with the key file (wrong key?)", e);
        }
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] f = line.split("\t");
                if (f.length == 3) {
                    entries.put(f[1], new Entry(f[0], f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the phone vault", e);
        }
        entries.forEach((token, e) -> open(e.day(), token, e.sealed())); // a wrong key fails at start, not later
    }

    private void save() {
        List<String> lines = new ArrayList<>();
        entries.forEach((token, e) -> lines.add(e.day() + "\t" + token + "\t" + e.sealed()));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.write(tmp, lines, StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the phone vault", e);
        }
    }
}
