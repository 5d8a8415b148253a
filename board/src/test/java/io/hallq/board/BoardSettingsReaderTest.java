package io.hallq.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardSettingsReaderTest {

    private static ConfigException errors(String yaml) {
        return assertThrows(ConfigException.class, () -> BoardSettingsReader.parse(yaml, "board.yaml", Path.of(".")));
    }

    private static void assertHas(ConfigException e, String line) {
        assertTrue(e.errors().contains(line), () -> "expected '" + line + "' among " + e.errors());
    }

    @Test
    void exampleBoardFile_isValid_andFollowsTheExampleHall() {
        BoardSettings s = BoardSettingsReader.read(Path.of("..", "config", "example-board.yaml"));
        assertEquals("sh-pudong-01", s.hall());
        assertEquals("127.0.0.1", s.bind());
        assertEquals(8090, s.port());
        assertEquals(URI.create("tcp://127.0.0.1:18830"), s.mqtt().broker());
        assertEquals("tv1", s.id());
        assertEquals("board-tv1", s.device());
        assertEquals("board-sh-pudong-01-tv1", s.mqtt().clientId());
        assertEquals(Duration.ofSeconds(30), s.mqtt().reconnectMax());
    }

    @Test
    void defaults_applyToEverythingButTheHallAndTheBroker_andTheClientIdFollowsTheBoardId() {
        BoardSettings s = BoardSettingsReader.parse("""
                board: { hall: h-2 }
                mqtt: { broker: tcp://10.0.0.2:1883 }
                """, "board.yaml", Path.of("."));
        assertEquals(8090, s.port());
        assertEquals("main", s.id());
        assertEquals("board-h-2-main", s.mqtt().clientId(), "stable across restarts: the broker takes over the session");
        assertNotEquals(s.mqtt().clientId(), BoardSettingsReader.parse("""
                board: { hall: h-2, id: tv-2 }
                mqtt: { broker: tcp://10.0.0.2:1883 }
                """, "board.yaml", Path.of(".")).mqtt().clientId(), "two boards of one hall must not share an id");
        assertEquals(Duration.ofSeconds(1), s.mqtt().reconnectMin());
        assertTrue(s.mqtt().tls().isEmpty());
    }

    @Test
    void everyMistake_isReportedAtOnce_namingFileKeyAndWhatWasExpected() {
        ConfigException e = errors("""
                board: { hall: Hall_1, id: TV_1, port: 70000, colour: red }
                mqtt: { broker: http://x, reconnect: { min: 5s, max: 1s } }
                """);
        assertHas(e, "board.yaml: board.hall: expected a hall id of a-z, 0-9 and '-' (up to 64), got 'Hall_1'");
        assertHas(e, "board.yaml: board.id: expected a board id of a-z, 0-9 and '-' (up to 58), its own among the"
                + " hall's boards, got 'TV_1'");
        assertTrue(e.errors().stream().anyMatch(l -> l.startsWith("board.yaml: board.port: ")), e.getMessage());
        assertTrue(e.errors().stream().anyMatch(l -> l.startsWith("board.yaml: board") && l.contains("colour")),
                e.getMessage());
        assertTrue(e.errors().stream().anyMatch(l -> l.startsWith("board.yaml: mqtt.broker: ")
                && l.contains("tcp://host:port")), e.getMessage());
        assertTrue(e.errors().stream().anyMatch(l -> l.startsWith("board.yaml: mqtt.reconnect.max: ")), e.getMessage());
    }

    @Test
    void missingSections_andSslWithoutCa_areErrors() {
        assertTrue(errors("board: { hall: h1 }\n").errors().stream()
                .anyMatch(l -> l.startsWith("board.yaml: mqtt: ")), "mqtt section missing");
        assertTrue(errors("board: { hall: h1 }\nmqtt: { broker: ssl://b:8883 }\n").errors().stream()
                .anyMatch(l -> l.startsWith("board.yaml: mqtt.tls: ") && l.contains("caFile")), "ssl needs a CA");
        assertHas(errors("  \n"), "board.yaml: the file is empty; expected the sections board and mqtt");
    }

    @Test
    void feedLimits_areRead_withDefaults_andOutOfRangeIsNamed() {
        BoardSettings d = BoardSettingsReader.parse("board: { hall: h-2 }\nmqtt: { broker: tcp://10.0.0.2:1883 }\n",
                "board.yaml", Path.of("."));
        assertEquals(new io.hallq.display.board.BoardServer.FeedLimits(20, 8), d.feeds());
        BoardSettings s = BoardSettingsReader.parse("""
                board: { hall: h-2, feeds: { total: 4, perAddress: 2 } }
                mqtt: { broker: tcp://10.0.0.2:1883 }
                """, "board.yaml", Path.of("."));
        assertEquals(new io.hallq.display.board.BoardServer.FeedLimits(4, 2), s.feeds());
        ConfigException e = errors("""
                board: { hall: h-2, feeds: { total: 0, perAdress: 2 } }
                mqtt: { broker: tcp://10.0.0.2:1883 }
                """);
        assertTrue(e.errors().stream().anyMatch(l -> l.startsWith("board.yaml: board.feeds.total: ")), e.getMessage());
        assertTrue(e.errors().stream().anyMatch(l -> l.startsWith("board.yaml: board.feeds") && l.contains("perAdress")),
                e.getMessage());
    }

    @Test
    void missingFile_isNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> BoardSettingsReader.read(Path.of("nope.yaml")));
        assertTrue(e.getMessage().startsWith("nope.yaml: no such file"), e.getMessage());
    }

    // --- the password, as the hall's: inline, passwordFile or passwordCredential ---

    @TempDir
    Path dir;

    private BoardSettings readBoard(String mqttLines, Map<String, String> env) throws IOException {
        Path file = Files.writeString(dir.resolve("board.yaml"), "board: { hall: h-1 }\nmqtt:\n"
                + "  broker: tcp://127.0.0.1:1883\n  username: board-h-1\n" + mqttLines);
        return BoardSettingsReader.read(file, env);
    }

    private ConfigException boardErrors(String mqttLines) {
        return assertThrows(ConfigException.class, () -> readBoard(mqttLines, Map.of()));
    }

    private Path secret(String name, String text) throws IOException {
        Path p = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        return p;
    }

    @Test
    void passwordFile_readableByItsOwnerAlone_givesThePassword_relativeToTheBoardFile() throws Exception {
        secret("board.password", "s3cret-board\n");
        BoardSettings s = readBoard("  passwordFile: board.password\n", Map.of());
        assertEquals(Optional.of("s3cret-board"), s.mqtt().password());
        assertEquals(Optional.of("board-h-1"), s.mqtt().username());
    }

    @Test
    void passwordCredential_isReadFromSystemdsCredentialsDirectory() throws Exception {
        Path creds = Files.createDirectory(dir.resolve("creds"));
        Files.writeString(creds.resolve("board-mqtt"), "from-systemd");
        BoardSettings s = readBoard("  passwordCredential: board-mqtt\n",
                Map.of("CREDENTIALS_DIRECTORY", creds.toString()));
        assertEquals(Optional.of("from-systemd"), s.mqtt().password());
        ConfigException e = assertThrows(ConfigException.class,
                () -> readBoard("  passwordCredential: board-mqtt\n", Map.of()));
        assertTrue(e.getMessage().contains("mqtt.passwordCredential: expected $CREDENTIALS_DIRECTORY"), e.getMessage());
    }

    @Test
    void passwordFile_missing_isRefused_namingTheBoardFileTheKeyAndThePath() {
        ConfigException e = boardErrors("  passwordFile: nowhere.password\n");
        String board = dir.resolve("board.yaml").toString();
        assertHas(e, board + ": mqtt.passwordFile: expected a readable file holding the password, but "
                + dir.resolve("nowhere.password") + " cannot be read");
    }

    @Test
    void passwordFile_unreadable_isRefused_namingTheKeyAndThePath() throws Exception {
        Files.createDirectory(dir.resolve("folder.password"));
        ConfigException e = boardErrors("  passwordFile: folder.password\n");
        assertHas(e, dir.resolve("board.yaml") + ": mqtt.passwordFile: expected a readable file holding the password,"
                + " but " + dir.resolve("folder.password") + " cannot be read");
        Path locked = secret("locked.password", "s3cret");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // root reads a file whatever its mode, so the mode case only means something for another user
        Assumptions.assumeFalse(Files.isReadable(locked), "running as root: a mode-000 file is readable");
        e = boardErrors("  passwordFile: locked.password\n");
        assertTrue(e.getMessage().contains("mqtt.passwordFile: expected a readable file holding the password, but "
                + locked + " cannot be read"), e.getMessage());
    }

    @Test
    void passwordFile_readableByOthers_isRefused_withTheChmodToFixIt() throws Exception {
        Path p = secret("open.password", "s3cret");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigException e = boardErrors("  passwordFile: open.password\n");
        assertHas(e, dir.resolve("board.yaml") + ": mqtt.passwordFile: expected a file readable by its owner alone"
                + " (chmod 600 " + p + "), but it is rw-r--r--");
    }

    @Test
    void passwordFile_empty_orOfTwoLines_isRefused_namingTheKeyAndThePath() throws Exception {
        Path empty = secret("empty.password", "  \n");
        assertHas(boardErrors("  passwordFile: empty.password\n"), dir.resolve("board.yaml")
                + ": mqtt.passwordFile: expected one line holding the password in " + empty);
        Path two = secret("two.password", "one\ntwo\n");
        assertHas(boardErrors("  passwordFile: two.password\n"), dir.resolve("board.yaml")
                + ": mqtt.passwordFile: expected one line holding the password in " + two);
    }

    @Test
    void twoPasswordSources_areRefused() throws Exception {
        secret("board.password", "s3cret");
        ConfigException e = boardErrors("  password: x\n  passwordFile: board.password\n");
        assertHas(e, dir.resolve("board.yaml")
                + ": mqtt.passwordFile: give only one of password, passwordFile and passwordCredential");
    }

    @Test
    void packagedBoardFile_isValid_andNamesThePasswordFile() throws Exception {
        Path packaged = Path.of("..", "packaging", "src", "deb", "etc", "board.yaml");
        BoardSettings s = BoardSettingsReader.read(packaged, Map.of());
        assertEquals("hall-01", s.hall());
        assertTrue(Files.readString(packaged).contains("# passwordFile: /etc/hallq/board-mqtt.password"),
                "the packaged file shows where the board's MQTT password goes");
    }
}
