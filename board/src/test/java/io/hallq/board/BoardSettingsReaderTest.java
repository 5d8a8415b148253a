package io.hallq.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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
    void missingFile_isNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> BoardSettingsReader.read(Path.of("nope.yaml")));
        assertTrue(e.getMessage().startsWith("nope.yaml: no such file"), e.getMessage());
    }
}
