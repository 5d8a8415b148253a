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

    @Test
    void appointmentsScenario_loadsBookingsAndRemoteTickets() {
        ScenarioReader.Loaded l = ScenarioReader.load(Path.of("../scenarios/appointments.yaml"));
        Scenario.Appointments a = l.scenario().appointments();
        assertTrue(a.any());
        assertEquals(0.35, a.bookingShare().get("OPEN"));
        assertEquals(0.10, a.bookingNoShow());
        assertEquals(java.time.Duration.ofMinutes(-4), a.arrivalOffset());
        assertEquals(java.time.Duration.ofMinutes(7), a.arrivalSpread());
        assertEquals(0.15, a.remoteShare().get("PROMO"));
        assertEquals(java.time.Duration.ofMinutes(25), a.checkInDelay());
        assertEquals(0.6, a.checkInDelayCv());
        assertEquals(0.15, a.remoteNoCheckIn());
        assertEquals(Scenario.Appointments.NONE, ScenarioReader.load(Path.of("../scenarios/weekday.yaml")).scenario().appointments());
    }

    @Test
    void appointmentMistakes_areAllReported_namingFileAndKey() throws Exception {
        List<String> errors = errors("""
                name: x
                arrivals: { perDay: 10, hourly: { 9: 1 } }
                services:
                  OPEN: { share: 1, handling: 12m }
                  PLAN: { share: 1, handling: 5m }
                appointments:
                  bookings:
                    share: { OPN: 0.3, PLAN: 0.8, SIM: 0.2 }
                    noShow: 0.95
                    arrival: { early: 5m, late: 2m, spread: 3h }
                  remote:
                    share: { PLAN: 0.5, OPEN: 1.5 }
                    checkInDelay: { mean: 0s, cv: 0.5 }
                    noCheckIn: 1
                  walkIns: 3
                """);
        String f = dir.resolve("bad.yaml").toString() + ": ";
        assertEquals(List.of(
                f + "appointments.walkIns: unknown key (known: bookings, remote)",
                f + "appointments.bookings.share.OPN: unknown key, did you mean 'OPEN'? (known: OPEN, SIM, ADJ, PLAN, PAY, PROMO, BILL, INFO)",
                f + "appointments.bookings.share.SIM: expected a service the scenario's customers use (services: OPEN, PLAN), got SIM",
                f + "appointments.remote.share.OPEN: expected a share from 0 to 1, got 1.5",
                f + "appointments.remote.share.PLAN: expected at most 0.20 (1 less the booking share of PLAN, 0.80), got 0.5",
                f + "appointments.bookings.arrival.late: expected either early or late, not both (early: PT5M)",
                f + "appointments.bookings.noShow: expected a share from 0 to 0.9, got 0.95",
                f + "appointments.bookings.arrival.spread: expected a duration from 0s to 2h, got '3h'",
                f + "appointments.remote.checkInDelay.mean: expected a duration of at least 1s, got '0s'",
                f + "appointments.remote.noCheckIn: expected a share from 0 to 0.9, got 1"), errors);
    }

    @Test
    void appointments_needBookingsOrRemote_andBookingsNeedTheirShares() throws Exception {
        String f = dir.resolve("bad.yaml").toString() + ": ";
        assertEquals(List.of(f + "appointments: expected bookings, remote or both"),
                errors("name: x\narrivals: { perDay: 10, hourly: { 9: 1 } }\nservices: { PAY: { share: 1 } }\n"
                        + "appointments: { }\n"));
        List<String> e = errors("name: x\narrivals: { perDay: 10, hourly: { 9: 1 } }\nservices: { PAY: { share: 1 } }\n"
                + "appointments: { bookings: { noShow: 0.1 } }\n");
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.getFirst().startsWith(f + "appointments.bookings.share: missing; expected a mapping with OPEN, SIM"), e.toString());
    }
}
