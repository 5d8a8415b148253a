package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.BusinessHours;
import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.web.WebConfig.Role;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebConfigTest {

    private static final String HASH = PasswordHash.hash("pw".toCharArray(), 1000);

    private static WebConfig read(String yaml) {
        try {
            JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
            return WebConfigReader.read(new LoadedConfig(TestHalls.small(), root, Path.of("hall.yaml")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void absentSection_runsOnLoopback8080_withNoUsers() {
        WebConfig c = read("hall: {}");
        assertTrue(c.enabled());
        assertEquals("127.0.0.1", c.bind());
        assertEquals(8080, c.port());
        assertEquals(List.of(), c.users());
        assertEquals(5, c.lockoutAfter());
        assertEquals(Duration.ofMinutes(15), c.lockoutFor());
    }

    @Test
    void users_areReadWithRolesAndCounters() {
        WebConfig c = read("web:\n  port: 0\n  users:\n    - {name: li, role: STAFF, counters: [2, 3], passwordHash: '"
                + HASH + "'}\n    - {name: boss, role: MANAGER, passwordHash: '" + HASH + "'}\n");
        assertEquals(Role.STAFF, c.user("li").orElseThrow().role());
        assertTrue(c.user("li").orElseThrow().mayWork(3));
        assertFalse(c.user("li").orElseThrow().mayWork(4));
        assertTrue(c.user("boss").orElseThrow().mayWork(4));
    }

    @Test
    void everyMistake_isReportedAtOnce_withFileKeyAndWhatWasExpected() {
        ConfigException e = assertThrows(ConfigException.class, () -> read("""
                web:
                  port: 99999
                  lockoutFor: soon
                  colour: blue
                  users:
                    - {name: li, role: CLERK, counters: [9], passwordHash: secret}
                    - {name: li, role: STAFF, passwordHash: secret}
                """));
        String all = String.join("\n", e.errors());
        assertTrue(all.contains("hall.yaml: web.port: expected a whole number from 0 to 65535"), all);
        assertTrue(all.contains("web.lockoutFor"), all);
        assertTrue(all.contains("web.colour: unknown key"), all);
        assertTrue(all.contains("web.users[0].role: expected KIOSK or STAFF or MANAGER"), all);
        assertTrue(all.contains("web.users[0].counters[0]: there is no counter 9"), all);
        assertTrue(all.contains("web.users[0].passwordHash: expected a hash made by"), all);
        assertTrue(all.contains("web.users[1].name: duplicate user 'li'"), all);
        assertTrue(all.contains("web.users[1].counters: a staff user needs the counters"), all);
    }

    @Test
    void passwordHash_verifiesOnlyTheRightPassword_andKeepsItsIterations() {
        String h = PasswordHash.hash("s3cret".toCharArray(), 2000);
        assertTrue(h.startsWith("pbkdf2-sha256$2000$"), h);
        assertTrue(PasswordHash.verify("s3cret".toCharArray(), h));
        assertFalse(PasswordHash.verify("s3cret ".toCharArray(), h));
        assertFalse(PasswordHash.verify("s3cret".toCharArray(), "pbkdf2-sha256$2000$bad"));
        assertFalse(h.equals(PasswordHash.hash("s3cret".toCharArray(), 2000)), "a fresh salt every time");
    }

    @Test
    void quietHours_areOpeningHoursMinusTodaysBusyPeriods() {
        BusinessHours hours = new BusinessHours(LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(4, 0), List.of(
                new BusinessHours.BusyPeriod(List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(11, 0)),
                new BusinessHours.BusyPeriod(List.of(DayOfWeek.MONDAY), LocalTime.of(15, 0), LocalTime.of(17, 0)),
                new BusinessHours.BusyPeriod(List.of(DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))));
        assertEquals(List.of("11:00-15:00", "17:00-18:00"), BoardProjection.quietHours(hours, DayOfWeek.MONDAY));
        assertEquals(List.of("09:00-18:00"), BoardProjection.quietHours(hours, DayOfWeek.TUESDAY));
        assertEquals(List.of(), BoardProjection.quietHours(hours, DayOfWeek.SUNDAY));
    }
}
