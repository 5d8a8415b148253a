package io.hallq.board;

import static io.hallq.controller.config.ConfigScalar.NAME;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.ConfigNode;
import io.hallq.controller.config.ConfigProblems;
import io.hallq.controller.config.ConfigScalar;
import io.hallq.controller.config.YamlSource;
import io.hallq.controller.sync.MqttSettings;
import io.hallq.controller.sync.MqttConnectionReader;
import io.hallq.controller.sync.ReconnectPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads the standalone board's YAML file ({@code config/example-board.yaml}): a {@code board} section (which
 * hall, where the page listens) and an {@code mqtt} section with the connection keys of the hall's own
 * {@code mqtt} section, the password included: inline, from {@code passwordFile} (readable by its owner alone) or
 * from a systemd credential ({@code passwordCredential}), read by the same {@link MqttConnectionReader#password}
 * as the hall's. Every mistake is reported at once as {@code <file>: <key>: <what was expected>}.
 */
public final class BoardSettingsReader {

    private static final ConfigScalar<String> HALL_ID =
            ConfigScalar.text("[a-z0-9][a-z0-9-]{0,63}", "a hall id of a-z, 0-9 and '-' (up to 64)");
    private static final ConfigScalar<String> ADDRESS =
            ConfigScalar.text("[0-9a-fA-F:.]+|localhost", "an IP address such as 127.0.0.1 or 0.0.0.0");
    private static final ConfigScalar<Duration> POSITIVE = MqttConnectionReader.POSITIVE;

    private BoardSettingsReader() {}

    private static final ConfigScalar<String> BOARD_ID = ConfigScalar.text("[a-z0-9][a-z0-9-]{0,57}",
            "a board id of a-z, 0-9 and '-' (up to 58), its own among the hall's boards");

    /**
     * {@code board-<hall>-<board id>}: stable across restarts, so when a board Pi comes back after a crash the
     * broker takes over its old session and publishes the old last will at once, before the new online health
     * (with a new id per start the old will could come up to 1.5 keep-alives later and leave "offline" retained
     * for a running board). A hall's boards differ by {@code board.id}, so they do not push each other off.
     */
    static String defaultClientId(String hall, String id) {
        return "board-" + hall + "-" + id;
    }

    /** @throws ConfigException naming the file, the key and what was expected, for every problem */
    public static BoardSettings read(Path file) {
        return read(file, System.getenv());
    }

    /** As {@link #read(Path)}, with {@code env} in place of the process environment (for $CREDENTIALS_DIRECTORY). */
    static BoardSettings read(Path file, Map<String, String> env) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(List.of(file + ": is a folder; expected the board's YAML file"));
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(file + ": no such file (looked at " + file.toAbsolutePath() + ")"), e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(List.of(file + ": the file is not UTF-8 text; save it as UTF-8"), e);
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read the file: " + e.getMessage()), e);
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent(), env);
    }

    /** Parses YAML text named {@code fileName} in messages; relative paths are taken from {@code baseDir}. */
    public static BoardSettings parse(String yamlText, String fileName, Path baseDir) {
        return parse(yamlText, fileName, baseDir, System.getenv());
    }

    /** As {@link #parse(String, String, Path)}, with {@code env} in place of the process environment. */
    static BoardSettings parse(String yamlText, String fileName, Path baseDir, Map<String, String> env) {
        ConfigProblems problems = new ConfigProblems(fileName);
        String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
        if (text.isBlank()) {
            problems.add("", "the file is empty; expected the sections board and mqtt");
            problems.throwIfAny();
        }
        JsonNode root = YamlSource.read(text, problems);
        problems.throwIfAny();
        ConfigNode top = ConfigNode.root(root, problems).requiredMapping("board", "mqtt");
        ConfigNode b = top.key("board").requiredMapping("hall", "id", "bind", "port", "feeds");
        String hall = b.key("hall").required(HALL_ID).orElse("hall");
        String id = b.key("id").get(BOARD_ID, "main");
        String bind = b.key("bind").get(ADDRESS, "127.0.0.1");
        int port = b.key("port").get(ConfigScalar.integer(0, 65535), 8090);
        io.hallq.display.board.BoardServer.FeedLimits feeds = feeds(b.key("feeds"));
        ConfigNode m = top.key("mqtt").requiredMapping("broker", "clientId", "username", "password", "tls",
                "keepAlive", "reconnect", "passwordFile", "passwordCredential");
        URI broker = MqttConnectionReader.broker(m);
        ReconnectPolicy reconnect = MqttConnectionReader.reconnect(m);
        MqttSettings mqtt = new MqttSettings(true, broker, false,
                m.key("clientId").get(MqttConnectionReader.CLIENT_ID, defaultClientId(hall, id)),
                m.key("username").optional(NAME), MqttConnectionReader.password(m, baseDir, env),
                MqttConnectionReader.tls(m.key("tls"), baseDir, broker),
                m.key("keepAlive").get(POSITIVE, Duration.ofSeconds(30)), Duration.ZERO, Duration.ofSeconds(10), 10,
                reconnect.min(), reconnect.max(), Map.of(), List.of());
        problems.throwIfAny();
        MqttConnectionReader.warnings(mqtt, Path.of(fileName), m.key("password").isGiven());
        return new BoardSettings(hall, id, bind, port, feeds, mqtt);
    }

    /** {@code board.feeds: { total, perAddress }}: the page's live feeds at once (defaults 20 and 8). */
    private static io.hallq.display.board.BoardServer.FeedLimits feeds(ConfigNode key) {
        io.hallq.display.board.BoardServer.FeedLimits d = io.hallq.display.board.BoardServer.FeedLimits.DEFAULT;
        ConfigNode n = key.mapping("total", "perAddress");
        ConfigScalar<Integer> count = ConfigScalar.integer(1, 10_000);
        return new io.hallq.display.board.BoardServer.FeedLimits(n.key("total").get(count, d.total()),
                n.key("perAddress").get(count, d.perAddress()));
    }
}
