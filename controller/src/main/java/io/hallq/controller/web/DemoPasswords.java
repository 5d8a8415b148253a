package io.hallq.controller.web;

import io.hallq.controller.web.WebConfig.WebUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;

/**
 * Finds users whose password is a known demo password (the example hall's {@code staff-demo} ...), the user
 * name itself, or {@code <name>-demo}. Each check costs a PBKDF2 run per candidate (seconds on a Pi at 600,000
 * iterations), so hashes found clean are remembered in {@code <dataDir>/web-password-checks} (SHA-256 of the
 * hash string, owner-only file): a restart checks only hashes it has not seen.
 */
final class DemoPasswords {

    static final String CACHE_FILE = "web-password-checks";
    /** Hashes found clean in this process (the check, the runtime's section check and the module read alike). */
    private static final Set<String> CLEAN = ConcurrentHashMap.newKeySet();

    private DemoPasswords() {}

    /** The guessable password {@code user} has, if any. */
    static Optional<String> of(WebUser user) {
        return candidates(user).stream().filter(p -> PasswordHash.verify(p.toCharArray(), user.passwordHash()))
                .findFirst();
    }

    private static List<String> candidates(WebUser user) {
        List<String> candidates = new ArrayList<>(PasswordHash.DEMO_PASSWORDS);
        candidates.add(user.name());
        candidates.add(user.name() + "-demo");
        return candidates;
    }

    /** One PBKDF2 run of the check: a user's hash against one candidate. */
    private record Candidate(WebUser user, String password) {
        boolean matches() {
            return PasswordHash.verify(password.toCharArray(), user.passwordHash());
        }
    }

    /**
     * Users with a guessable password, checked in parallel; {@code dataDir} (may be null) holds the cache of
     * hashes already found clean.
     */
    static List<String> offenders(List<WebUser> users, Path dataDir) {
        Path cache = dataDir == null ? null : dataDir.resolve(CACHE_FILE);
        Set<String> clean = ConcurrentHashMap.newKeySet();
        clean.addAll(CLEAN);
        if (cache != null && Files.isReadable(cache)) {
            try {
                clean.addAll(Files.readAllLines(cache, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                Logger.warn("Cannot read {}: {}; checking every password hash again", cache, e.getMessage());
            }
        }
        int before = clean.size();
        List<WebUser> unchecked = users.stream().filter(u -> !clean.contains(sha256(u.passwordHash()))).toList();
        // every (user, candidate) pair is one PBKDF2 run, all in parallel: a hall with one or two users keeps
        // every core busy too (a first start on a Pi pays the check once; later starts find the hashes cached)
        java.util.Set<String> demo = unchecked.stream().flatMap(u -> candidates(u).stream().map(p -> new Candidate(u, p)))
                .toList().parallelStream().filter(Candidate::matches).map(c -> c.user().name())
                .collect(java.util.stream.Collectors.toSet());
        unchecked.stream().filter(u -> !demo.contains(u.name())).forEach(u -> clean.add(sha256(u.passwordHash())));
        List<String> offenders = demo.stream().sorted().toList();
        CLEAN.addAll(clean);
        if (cache != null && clean.size() > before) {
            write(cache, clean);
        }
        return offenders;
    }

    private static void write(Path cache, Set<String> clean) {
        try {
            Path dir = cache.getParent();
            if (!Files.isDirectory(dir) || !Files.isWritable(dir)
                    || !Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
                // never create the data folder, nor leave a file in the service's folder: 'hallq check' may run
                // as root or another user than the service
                return;
            }
            if (!Files.exists(cache)) {
                try {
                    Files.createFile(cache, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(cache);
                }
            }
            Files.write(cache, String.join("\n", clean).concat("\n").getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            Logger.debug("Cannot remember the checked password hashes in {}: {}", cache, e.getMessage());
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
