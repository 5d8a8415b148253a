package io.hallq.controller.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Keeps a command from being carried out twice or late: it refuses a retained command (the broker would hand
 * it over again at every reconnect), one issued longer ago than {@code maxAge} (a session queued at central, a
 * replay), one stamped more than {@link #MAX_AHEAD} ahead of this hall's clock (which would otherwise stay fresh
 * for ever), and one whose (issuer, id) was already carried out. The ids carried out are remembered until their
 * command would be stale anyway, in a file (appended and fsynced before the command runs, so at most once
 * across a crash too) that is read again at start and compacted as it grows. Bounded: at most
 * {@link #MAX_REMEMBERED} ids at a time, beyond that a command is refused as OVERLOADED. Sync thread only.
 */
final class CommandGate {

    /** How far ahead of our clock an issuer's clock may be. */
    static final Duration MAX_AHEAD = Duration.ofSeconds(30);
    static final int MAX_REMEMBERED = 10_000;

    /** Why a command is not carried out: a reason code for {@code CommandResponse.reason} and a message. */
    record Refusal(String reason, String message) {}

    static final Refusal RETAINED = new Refusal("RETAINED", "a command must not be published retained (the broker"
            + " would deliver it again at every reconnect); publish it with retain=false");

    private final Path file;
    private final Duration maxAge;
    private final Clock clock;
    /** "issuer id" -> issuedAt, oldest first. */
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private int linesInFile;

    CommandGate(Path file, Duration maxAge, Clock clock) {
        this.file = file;
        this.maxAge = maxAge;
        this.clock = clock;
        load();
    }

    /** The refusal for a command, or empty when it may run; call {@link #remember} before running it. */
    Optional<Refusal> check(String issuer, String id, Instant issuedAt, boolean retained) {
        if (retained) {
            return Optional.of(RETAINED);
        }
        Instant now = clock.instant();
        if (issuedAt.isBefore(now.minus(maxAge))) {
            return Optional.of(new Refusal("STALE", "command " + id + " was issued at " + issuedAt + ", more than "
                    + maxAge.toSeconds() + " s before the hall's time " + now + "; send a new one"));
        }
        if (issuedAt.isAfter(now.plus(MAX_AHEAD))) {
            return Optional.of(new Refusal("CLOCK_SKEW", "command " + id + " is stamped " + issuedAt + ", more than "
                    + MAX_AHEAD.toSeconds() + " s ahead of the hall's time " + now + "; check the issuer's clock"));
        }
        expire(now);
        Instant before = seen.get(key(issuer, id));
        if (before != null) {
            return Optional.of(new Refusal("DUPLICATE", "command " + id + " from " + issuer
                    + " was already received (issued at " + before + "); it is carried out once"));
        }
        if (seen.size() >= MAX_REMEMBERED) {
            return Optional.of(new Refusal("OVERLOADED", "too many commands in the last " + maxAge.toSeconds()
                    + " s; try again later"));
        }
        return Optional.empty();
    }

    /** Records the command durably (fsync) before it runs. */
    void remember(String issuer, String id, Instant issuedAt) {
        expire(clock.instant());
        seen.put(key(issuer, id), issuedAt);
        if (linesInFile > 2 * seen.size() + 100) {
            rewrite();
        } else {
            append(issuedAt.toEpochMilli() + " " + key(issuer, id) + "\n");
        }
    }

    int remembered() {
        return seen.size();
    }

    private static String key(String issuer, String id) {
        return issuer + " " + id;
    }

    private void expire(Instant now) {
        Instant limit = now.minus(maxAge);
        seen.values().removeIf(at -> at.isBefore(limit));
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] f = line.split(" ", 3);
                if (f.length != 3) {
                    continue; // a torn last line after a power cut
                }
                try {
                    seen.put(f[1] + " " + f[2], Instant.ofEpochMilli(Long.parseLong(f[0])));
                } catch (NumberFormatException torn) {
                    Logger.debug("{}: skipping torn line", file);
                }
            }
            linesInFile = lines.size();
            expire(clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void append(String line) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
            linesInFile++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void rewrite() {
        expire(clock.instant());
        List<String> lines = new ArrayList<>();
        seen.forEach((k, at) -> lines.add(at.toEpochMilli() + " " + k));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap((String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"))
                        .getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            linesInFile = lines.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
