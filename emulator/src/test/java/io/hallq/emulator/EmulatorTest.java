package io.hallq.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.queue.QueueView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorTest {

    @TempDir
    Path data;

    private Path example;

    /**
     * The example hall with its web server on 0 (any free port). A running emulator keeps 8080 and the test
     * still gets a server of its own.
     */
    @org.junit.jupiter.api.BeforeEach
    void copyExample() throws Exception {
        String yaml = java.nio.file.Files.readString(Path.of("..", "config", "example-hall.yaml"))
                .replaceFirst("(?m)^(  port:) 8080", "$1 0");
        example = data.resolve("example-hall.yaml");
        java.nio.file.Files.writeString(example, yaml);
    }

    private static Map<String, Integer> nextNumbers(QueueView s) {
        Map<String, Integer> next = new TreeMap<>();
        s.config().services().forEach(svc -> next.put(svc.code(), s.nextNumber(svc.code())));
        return next;
    }

    @Test
    void mistakesInTheModulesSections_stopTheStartAtOnce_beforeTheJournalIsOpened() throws Exception {
        String yaml = java.nio.file.Files.readString(example).replaceFirst("(?m)^(  port:) 0", "$1 70000")
                .replace("  keepAlive: 30s", "  keepAlive: soon");
        java.nio.file.Files.writeString(example, yaml);
        Path journal = data.resolve("journal");
        var e = assertThrows(io.hallq.controller.config.ConfigException.class,
                () -> Emulator.start(new EmulatorOptions(example, journal, 1, 7, null)));
        assertEquals(2, e.errors().size(), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(m -> m.contains("web.port")), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(m -> m.contains("mqtt.keepAlive")), e.errors().toString());
        assertTrue(!java.nio.file.Files.exists(journal), "the journal was opened before the check");
    }

    @Test
    void restart_resumesTheDayFromTheJournal() throws Exception {
        EmulatorOptions options = new EmulatorOptions(example, data, 400, 7, null);
        Map<String, Integer> next;
        String day;
        try (Emulator first = Emulator.start(options)) {
            // the scripted traffic runs until the hall has journaled and issued enough to resume from
            io.hallq.controller.Await.until("the first run issued more than 8 tickets", Duration.ofSeconds(60),
                    () -> first.hall().lastSequence() > 10 && first.hall().query(EmulatorTest::nextNumbers).join()
                            .values().stream().mapToInt(Integer::intValue).sum() > 8);
            first.hall().query(s -> s).get(10, TimeUnit.SECONDS); // everything submitted so far is durable
            next = first.hall().query(EmulatorTest::nextNumbers).get(10, TimeUnit.SECONDS);
            day = first.hall().query(QueueView::day).get(10, TimeUnit.SECONDS);
        }
        try (Emulator second = Emulator.start(new EmulatorOptions(example, data, 0.001, 8, null))) {
            assertTrue(second.hall().recovery().lastSequence() > 10, second.hall().recovery().toString());
            assertEquals(day, second.hall().recovery().day());
            Map<String, Integer> resumed = second.hall().query(EmulatorTest::nextNumbers).get(10, TimeUnit.SECONDS);
            // the traffic of the first run may have queued a few more commands after the query
            resumed.forEach((svc, n) -> assertTrue(n >= next.get(svc), svc + ": " + n + " < " + next.get(svc)));
            assertTrue(next.values().stream().mapToInt(Integer::intValue).sum() > 8, "first run issued too little");
        }
    }

    @Test
    void options_parseAndRejectBadValuesWithAReason() {
        EmulatorOptions o = EmulatorOptions.parse(List.of("--config", "h.yaml", "--speed", "5", "--run-for", "2"));
        assertEquals(Path.of("h.yaml"), o.config());
        assertEquals(5, o.speed());
        assertEquals(Duration.ofSeconds(2), o.runFor());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmulatorOptions.parse(List.of("--speed", "fast")));
        assertTrue(e.getMessage().startsWith("--speed: expected a positive number, got 'fast'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.parse(List.of("--bogus", "1")));
    }
}
