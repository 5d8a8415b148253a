package io.hallq.controller.sync;

import static io.hallq.controller.config.ConfigScalar.BOOLEAN;
import static io.hallq.controller.config.ConfigScalar.DURATION;
import static io.hallq.controller.config.ConfigScalar.NAME;

import io.hallq.controller.config.ConfigNode;
import io.hallq.controller.config.ConfigProblems;
import io.hallq.controller.config.ConfigScalar;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.protocol.mqtt.HallCommand;
import io.hallq.protocol.mqtt.Topics;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code mqtt:} section; every mistake is reported at once, naming file and key. */
public final class MqttSettingsReader {

    static final List<String> COMMANDS = List.of(HallCommand.SetService.class.getSimpleName(),
            HallCommand.BroadcastNotice.class.getSimpleName(), HallCommand.RequestStats.class.getSimpleName(),
            HallCommand.SetCounterProfile.class.getSimpleName());

    private static final String[] KEYS = {"enabled", "broker", "embedded", "clientId", "username", "password",
        "passwordFile", "passwordCredential", "commandMaxAge", "tls", "keepAlive", "sessionExpiry", "statusInterval",
        "maxInflight", "reconnect", "commands", "neighbours",
        "profileWeeks", "lookup"};
    private static final ConfigScalar<String> SEGMENT =
            ConfigScalar.text("[a-z0-9][a-z0-9-]{0,63}", "an id of a-z, 0-9 and '-' (up to 64)");
    /** A broker address as every MQTT client of ours takes it (the hall, the board Pi). */
    public static final ConfigScalar<String> BROKER = MqttConnectionReader.BROKER;
    /** A client id as the brokers take it. */
    public static final ConfigScalar<String> CLIENT_ID = MqttConnectionReader.CLIENT_ID;
    public static final ConfigScalar<Duration> POSITIVE = MqttConnectionReader.POSITIVE;
    private static final ConfigScalar<Duration> NOT_NEGATIVE =
            DURATION.where(d -> !d.isNegative(), "a duration of 0 or more");

    private MqttSettingsReader() {}

    /** The settings, or empty when the section is absent or {@code enabled: false}. */
    public static Optional<MqttSettings> read(LoadedConfig loaded) {
        return read(loaded, System.getenv());
    }

    /** With {@code env} in place of the process environment (for $CREDENTIALS_DIRECTORY). */
    static Optional<MqttSettings> read(LoadedConfig loaded, Map<String, String> env) {
        ConfigProblems problems = loaded.problems();
        ConfigNode n = loaded.section("mqtt", problems).mapping(KEYS);
        if (!n.isGiven()) {
            return Optional.empty();
        }
        MqttSettings s = read(n, loaded.config().hall().id(), loaded.baseDir(), env);
        lookup(n.key("lookup"), loaded.baseDir());
        problems.throwIfAny();
        if (s.enabled()) {
            warnings(s, loaded.file(), n.key("password").isGiven());
        }
        return s.enabled() ? Optional.of(s) : Optional.empty();
    }

    /**
     * {@code mqtt.lookup}: the brand/VIP lookup through central; empty when absent, off, or MQTT is off. Read again
     * by the MQTT module at start; {@link #read(LoadedConfig)} reports its mistakes.
     */
    public static Optional<CentralPhoneLookup.Settings> lookup(LoadedConfig loaded) {
        ConfigProblems problems = loaded.problems();
        ConfigNode n = loaded.section("mqtt", problems).mapping(KEYS);
        if (!n.isGiven() || !n.key("enabled").get(BOOLEAN, true)) {
            return Optional.empty();
        }
        Optional<CentralPhoneLookup.Settings> s = lookup(n.key("lookup"), loaded.baseDir());
        problems.throwIfAny();
        return s;
    }

    /** Shortest key accepted: 32 characters (e.g. {@code openssl rand -hex 32} gives 64). */
    static final int MIN_KEY_CHARS = 32;

    private static Optional<CentralPhoneLookup.Settings> lookup(ConfigNode node, Path base) {
        ConfigNode n = node.mapping("enabled", "keyFile", "timeout");
        if (!n.isGiven() || !n.key("enabled").get(BOOLEAN, true)) {
            return Optional.empty();
        }
        Duration timeout = n.key("timeout").get(DURATION.where(d -> d.compareTo(Duration.ofMillis(50)) >= 0
                && d.compareTo(Duration.ofSeconds(5)) <= 0, "a duration from 50ms to 5s"), Duration.ofMillis(800));
        Optional<String> file = n.key("keyFile").required(NAME);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> key = secretFile(n.key("keyFile"), base.resolve(file.get()).normalize(), true,
                "the lookup key");
        if (key.isPresent() && key.get().length() < MIN_KEY_CHARS) {
            n.key("keyFile").error("expected a key of at least " + MIN_KEY_CHARS + " characters (openssl rand -hex 32)"
                    + " in " + base.resolve(file.get()).normalize() + ", got " + key.get().length());
            return Optional.empty();
        }
        return key.map(k -> new CentralPhoneLookup.Settings(k.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                timeout));
    }

    /** A password in clear in the file, or sent in clear over tcp:// to a broker on another machine. */
    private static void warnings(MqttSettings s, Path file, boolean inFile) {
        if (inFile) {
            org.tinylog.Logger.warn("{}: mqtt.password is in clear in the hall file; put it in a file readable only"
                    + " by the service user (mqtt.passwordFile) or in a systemd credential (mqtt.passwordCredential)",
                    file);
        }
        if (s.password().isPresent() && "tcp".equals(s.broker().getScheme()) && !loopback(s.broker().getHost())) {
            org.tinylog.Logger.warn("{}: mqtt.broker {} is on another machine over tcp://: the MQTT password and"
                    + " every message cross the network in clear; use ssl:// with tls.caFile", file, s.broker());
        }
    }

    private static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
    }

    /**
     * The password from exactly one of {@code password} (in the file, warned about), {@code passwordFile} (a file
     * readable by its owner alone, relative to the hall file; one line) or {@code passwordCredential} (the name of
     * a systemd credential: {@code LoadCredential=} / {@code SetCredentialEncrypted=} put it under
     * $CREDENTIALS_DIRECTORY). Public so the board Pi's reader can use it too (not wired yet: the board moves to a
     * module of its own in the pkg branch).
     */
    public static Optional<String> password(ConfigNode n, Path base, Map<String, String> env) {
        Optional<String> inline = n.key("password").optional(NAME);
        Optional<String> file = n.key("passwordFile").optional(NAME);
        Optional<String> credential = n.key("passwordCredential").optional(
                ConfigScalar.text("[A-Za-z0-9_.-]{1,64}", "a credential name of A-Z, a-z, 0-9, '_', '.', '-'"));
        int given = (inline.isPresent() ? 1 : 0) + (file.isPresent() ? 1 : 0) + (credential.isPresent() ? 1 : 0);
        if (given > 1) {
            n.key(file.isPresent() ? "passwordFile" : "passwordCredential")
                    .error("give only one of password, passwordFile and passwordCredential");
            return Optional.empty();
        }
        if (file.isPresent()) {
            return secretFile(n.key("passwordFile"), base.resolve(file.get()).normalize(), true);
        }
        if (credential.isPresent()) {
            String dir = env.get("CREDENTIALS_DIRECTORY");
            if (dir == null || dir.isBlank()) {
                n.key("passwordCredential").error("expected $CREDENTIALS_DIRECTORY from systemd (LoadCredential="
                        + credential.get() + ":... in the unit), but it is not set");
                return Optional.empty();
            }
            // systemd makes the directory and file readable by the service alone
            return secretFile(n.key("passwordCredential"), Path.of(dir).resolve(credential.get()), false);
        }
        return inline;
    }

    private static Optional<String> secretFile(ConfigNode key, Path path, boolean checkMode) {
        return secretFile(key, path, checkMode, "the password");
    }

    private static Optional<String> secretFile(ConfigNode key, Path path, boolean checkMode, String what) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            key.error("expected a readable file holding " + what + ", but " + path + " cannot be read");
            return Optional.empty();
        }
        try {
            if (checkMode) {
                try {
                    Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                    if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                        key.error("expected a file readable by its owner alone (chmod 600 " + path + "), but it is "
                                + java.nio.file.attribute.PosixFilePermissions.toString(mode));
                        return Optional.empty();
                    }
                } catch (UnsupportedOperationException noPosix) {
                    // a file system without POSIX modes: nothing to check
                }
            }
            String text = Files.readString(path, java.nio.charset.StandardCharsets.UTF_8).strip();
            if (text.isEmpty() || text.contains("\n")) {
                key.error("expected one line holding " + what + " in " + path);
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (java.io.IOException e) {
            key.error("expected a readable file holding " + what + ", but " + path + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static MqttSettings read(ConfigNode n, String hallId, Path base, Map<String, String> env) {
        if (n.key("profileWeeks").isGiven()) {
            n.key("profileWeeks").error("is no longer read here: the busy/idle profile on MQTT and the manager"
                    + " page's staffing advice share journal.profileWeeks; move it there");
        }
        URI broker = broker(n);
        ReconnectPolicy reconnect = reconnect(n);
        return new MqttSettings(n.key("enabled").get(BOOLEAN, true), broker, n.key("embedded").get(BOOLEAN, false),
                n.key("clientId").get(CLIENT_ID, "hall-" + hallId),
                n.key("username").optional(NAME), password(n, base, env), tls(n.key("tls"), base, broker),
                n.key("keepAlive").get(POSITIVE, Duration.ofSeconds(30)),
                n.key("sessionExpiry").get(NOT_NEGATIVE, Duration.ZERO),
                n.key("statusInterval").get(POSITIVE, Duration.ofSeconds(10)),
                n.key("maxInflight").get(ConfigScalar.integer(1, 65535), 10), reconnect.min(), reconnect.max(),
                commands(n.key("commands")), neighbours(n.key("neighbours"), hallId),
                n.key("commandMaxAge").get(DURATION.where(d -> d.compareTo(Duration.ofSeconds(5)) >= 0
                        && d.compareTo(Duration.ofHours(1)) <= 0, "a duration from 5s to 1h"),
                        MqttSettings.DEFAULT_COMMAND_MAX_AGE));
    }

    /** The required {@code broker} key of an mqtt mapping (the hall's, the board Pi's). */
    public static URI broker(ConfigNode n) {
        return MqttConnectionReader.broker(n);
    }

    /** The optional {@code reconnect: {min, max}} of an mqtt mapping, 1 s to 30 s by default, max not below min. */
    public static ReconnectPolicy reconnect(ConfigNode n) {
        return MqttConnectionReader.reconnect(n);
    }

    /** The {@code tls} mapping of an mqtt mapping ({@link MqttConnectionReader#tls}). */
    public static Optional<MqttSettings.Tls> tls(ConfigNode n, Path base, URI broker) {
        return MqttConnectionReader.tls(n, base, broker);
    }

    private static Map<String, Set<String>> commands(ConfigNode n) {
        ConfigNode c = n.mapping(COMMANDS.toArray(String[]::new));
        Map<String, Set<String>> out = new HashMap<>();
        for (String command : COMMANDS) {
            Set<String> issuers = new LinkedHashSet<>();
            for (ConfigNode item : c.key(command).list("issuer ids")) {
                item.required(SEGMENT).ifPresent(issuers::add);
            }
            out.put(command, issuers);
        }
        return out;
    }

    private static List<MqttSettings.Neighbour> neighbours(ConfigNode n, String hallId) {
        List<MqttSettings.Neighbour> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ConfigNode item : n.list("neighbour halls")) {
            ConfigNode m = item.requiredMapping("hall", "nameZh", "nameEn", "distance", "margin");
            String hall = m.key("hall").required(SEGMENT).orElse("");
            if (hall.equals(hallId)) {
                m.key("hall").error("expected another hall's id, not this hall's own (" + hallId + ")");
            } else if (!hall.isEmpty() && !seen.add(hall)) {
                m.key("hall").error("duplicate neighbour " + hall);
            }
            out.add(new MqttSettings.Neighbour(hall, m.key("nameZh").required(NAME).orElse(""),
                    m.key("nameEn").required(NAME).orElse(""),
                    m.key("distance").required(ConfigScalar.integer(1, 1_000_000)).orElse(1),
                    m.key("margin").get(NOT_NEGATIVE, Duration.ofMinutes(10))));
        }
        return out;
    }
}
