package io.hallq.emulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("bad.yaml");
        String hall = Path.of("../config/example-hall.yaml").toAbsolutePath().normalize().toString();
        Files.writeString(file, "hall: " + hall + "\n" + yaml);
        return file;
    }

    private List<String> errors(String yaml) throws Exception {
        Path file = write(yaml);
        return assertThrows(ConfigException.class, () -> ScenarioReader.load(file)).errors();
    }

    @Test
    void shippedScenarios_load() {
        for (String name : List.of("weekday", "month-start", "campaign")) {
            ScenarioReader.Loaded l = ScenarioReader.load(Path.of("../scenarios/" + name + ".yaml"));
            assertEquals(name, l.scenario().name());
            assertEquals("sh-pudong-01", l.hall().hall().id());
        }
    }

    @Test
    void mistakes_areAllReported_namingFileAndKey() throws Exception {
        List<String> errors = errors("""
                name: x
                arrivals:
                  perDay: -3
                  hourly: { 8: 1, 9: 2 }
                services:
                  OPEN: { share: 1, handling: 5 }
                  SIMM: { share: 1 }
                roster:
                  - { counter: 9, from: "09:00", to: "10:00" }
                  - { counter: 5, from: "12:00", to: "11:00" }
                campaigns:
                  - { service: PROMO, from: "14:00", to: "15:00" }
                """);
        String f = dir.resolve("bad.yaml").toString() + ": ";
        assertEquals(List.of(
                f + "arrivals.perDay: expected a number more than 0, got -3",
                f + "arrivals.hourly.8: unknown key, did you mean '9'? (known: 9, 10, 11, 12, 13, 14, 15, 16, 17)",
                f + "services.SIMM: unknown key, did you mean 'SIM'? (known: OPEN, SIM, ADJ, PLAN, PAY, PROMO, BILL, INFO)",
                f + "services.OPEN.handling: expected a duration of at least 1s, got 5; a bare number has no unit: write e.g. '5m' for minutes or '5s' for seconds",
                f + "roster[0].counter: expected a counter number of the hall [1, 2, 3, 4, 5], got 9",
                f + "roster[1].to: expected a time after from (12:00), got 11:00",
                f + "campaigns[0].extraPerHour: missing; expected a number more than 0"), errors);
    }

    @Test
    void brokenYamlOrMissingFile_isOneClearError() throws Exception {
        assertTrue(errors("name: [unclosed\n").getFirst().contains("bad.yaml: not valid YAML"));
        ConfigException e = assertThrows(ConfigException.class, () -> ScenarioReader.load(dir.resolve("none.yaml")));
        assertEquals(List.of(dir.resolve("none.yaml") + ": no such file"), e.errors());
    }
}
