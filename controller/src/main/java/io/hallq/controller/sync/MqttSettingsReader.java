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
            HallCommand.SetCounterProfile.class.getSimpleName(), HallCommand.BookAppointment.class.getSimpleName(),
            HallCommand.CancelBooking.class.getSimpleName());

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
            MqttConnectionReader.warnings(s, loaded.file(), n.key("password").isGiven());
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
        Optional<String> key = MqttConnectionReader.secretFile(n.key("keyFile"), base.resolve(file.get()).normalize(),
                true, "the lookup key");
        if (key.isPresent() && key.get().length() < MIN_KEY_CHARS) {
            n.key("keyFile").error("expected a key of at least " + MIN_KEY_CHARS + " characters (openssl rand -hex 32)"
                    + " in " + base.resolve(file.get()).normalize() + ", got " + key.get().length());
            return Optional.empty();
        }
        return key.map(k -> new CentralPhoneLookup.Settings(k.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                timeout));
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
                n.key("username").optional(NAME), MqttConnectionReader.password(n, base, env), tls(n.key("tls"), base, broker),
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
