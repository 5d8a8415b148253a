package io.hallq.controller.config;

import static io.hallq.controller.config.TestHall.inFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional {@code appointments} section. */
class AppointmentsRulesTest {

    @Test
    void leftOut_appointmentsAreOff() {
        AppointmentsConfig a = TestHall.minimal().load().appointments();
        assertEquals(AppointmentsConfig.OFF, a);
        assertFalse(a.enabled());
        assertFalse(a.remoteTickets());
    }

    @Test
    void everyKey_isRead() {
        assertEquals(new AppointmentsConfig(true, false, List.of("OPEN"), 0.25, Duration.ofMinutes(20),
                        Duration.ofMinutes(20), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), 3, 2),
                TestHall.minimal().with("appointments", """
                        enabled: true
                        remoteTickets: false
                        services: [OPEN]
                        share: 0.25
                        slotLength: 20m
                        checkInBefore: 20m
                        checkInAfter: 5m
                        headStart: 15m
                        remoteHoldLimit: 1h
                        bookAheadDays: 3
                        maxPerPhonePerDay: 2
                        """).load().appointments());
    }

    @Test
    void switchedOn_withDefaults_takesEveryCalledService_andRemoteTickets() {
        AppointmentsConfig a = TestHall.minimal().with("appointments", "enabled: true\n").load().appointments();
        assertTrue(a.enabled());
        assertTrue(a.remoteTickets(), "remote tickets follow 'enabled' unless set");
        assertEquals(List.of("OPEN", "PAY"), a.services());
        assertEquals(Duration.ofMinutes(15), a.checkInBefore());
        assertEquals(Duration.ofMinutes(10), a.checkInAfter());
        assertEquals(Duration.ofMinutes(30), a.slotLength());
    }

    @Test
    void everyMistake_namesTheFileTheKeyAndWhatWasExpected() {
        assertEquals(inFile(
                        "appointments.when: unknown key (known: enabled, remoteTickets, services, share, slotLength, "
                                + "checkInBefore, checkInAfter, headStart, remoteHoldLimit, bookAheadDays, "
                                + "maxPerPhonePerDay)",
                        "appointments.services[1]: expected one of the services (OPEN, PAY), got 'NOPE'",
                        "appointments.services[2]: expected each service once; OPEN is named twice",
                        "appointments.share: expected a share from 0 to 1 (0.3 = 30% of the counters), got 1.5",
                        "appointments.slotLength: expected whole minutes from 5 to 60 that divide an hour "
                                + "(5m, 10m, 15m, 20m, 30m, 60m), got '25m'",
                        "appointments.checkInBefore: expected a duration from 0 to 2h, got '3h'",
                        "appointments.headStart: expected a duration from 0 to 120m, got '-PT5M'",
                        "appointments.remoteHoldLimit: expected a duration from 1m to 12h, got '0s'",
                        "appointments.bookAheadDays: expected a whole number from 0 to 60, got 61"),
                TestHall.minimal().with("appointments", """
                        enabled: true
                        when: always
                        services: [OPEN, NOPE, OPEN]
                        share: 1.5
                        slotLength: 25m
                        checkInBefore: 3h
                        headStart: -PT5M
                        remoteHoldLimit: 0s
                        bookAheadDays: 61
                        """).errors());
    }

    @Test
    void aDirectQueueService_cannotBeBooked() {
        List<String> errors = withDirectQueuePay()
                .with("appointments", "enabled: true\nservices: [PAY]\n").errors();
        assertEquals(inFile("appointments.services[0]: expected a service that is called; PAY is a direct queue"),
                errors);
        assertEquals(List.of("OPEN"), withDirectQueuePay()
                .with("appointments", "enabled: true\n").load().appointments().services(),
                "by default every service that is called");
    }

    @Test
    void hallqCheck_reportsTheSectionsMistakes_withTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("hall.yaml");
        java.nio.file.Files.writeString(file, TestHall.minimal().with("appointments", "enabled: yes please\n").yaml()
                + "journal:\n  dataDir: data\n");
        assertEquals(List.of(file + ": appointments.enabled: expected a boolean (true or false), got 'yes please'"),
                io.hallq.controller.ConfigCheck.problems(file, io.hallq.controller.ConfigCheck.SECTIONS));
    }

    /** A hall whose PAY is a direct queue (served at the window, never called). */
    private static TestHall withDirectQueuePay() {
        return TestHall.minimal()
                .with("services", """
                        - { code: OPEN, nameZh: 开户, nameEn: New account, prefix: A, handlingTime: 10m }
                        - { code: PAY,  nameZh: 缴费, nameEn: Payment,     prefix: B, handlingTime: 2m, directQueue: true }
                        """)
                .with("counters", """
                        - number: 1
                          profile:
                            - { service: OPEN }
                        - number: 2
                          profile:
                            - { service: PAY }
                        """);
    }
}
