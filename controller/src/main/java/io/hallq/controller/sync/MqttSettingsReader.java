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
            HallCommand.SetCounterProfile.class.getSimpleName());

    private static final String[] KEYS = {"enabled", "broker", "embedded", "clientId", "username", "password",
        "tls", "keepAlive", "sessionExpiry", "statusInterval", "maxInflight", "reconnect", "commands", "neighbours",
        "profileWeeks"};
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
        ConfigProblems problems = loaded.problems();
        ConfigNode n = loaded.section("mqtt", problems).mapping(KEYS);
        if (!n.isGiven()) {
            return Optional.empty();
        }
        MqttSettings s = read(n, loaded.config().hall().id(), loaded.baseDir());
        problems.throwIfAny();
        return s.enabled() ? Optional.of(s) : Optional.empty();
    }

    private static MqttSettings read(ConfigNode n, String hallId, Path base) {
        if (n.key("profileWeeks").isGiven()) {
            n.key("profileWeeks").error("is no longer read here: the busy/idle profile on MQTT and the manager"
                    + " page's staffing advice share journal.profileWeeks; move it there");
        }
        URI broker = broker(n);
        MqttConnectionReader.Backoff reconnect = reconnect(n);
        return new MqttSettings(n.key("enabled").get(BOOLEAN, true), broker, n.key("embedded").get(BOOLEAN, false),
                n.key("clientId").get(CLIENT_ID, "hall-" + hallId),
                n.key("username").optional(NAME), n.key("password").optional(NAME), tls(n.key("tls"), base, broker),
                n.key("keepAlive").get(POSITIVE, Duration.ofSeconds(30)),
                n.key("sessionExpiry").get(NOT_NEGATIVE, Duration.ZERO),
                n.key("statusInterval").get(POSITIVE, Duration.ofSeconds(10)),
                n.key("maxInflight").get(ConfigScalar.integer(1, 65535), 10), reconnect.min(), reconnect.max(),
                commands(n.key("commands")), neighbours(n.key("neighbours"), hallId));
    }

    /** The required {@code broker} key of an mqtt mapping (the hall's, the board Pi's). */
    public static URI broker(ConfigNode n) {
        return MqttConnectionReader.broker(n);
    }

    /** The optional {@code reconnect: {min, max}} of an mqtt mapping, 1 s to 30 s by default, max not below min. */
    public static MqttConnectionReader.Backoff reconnect(ConfigNode n) {
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
