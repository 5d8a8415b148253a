package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrinterPolicyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void nearEndStop_stopsIssuing_likePaperOut() {
        try (HardwareHall h = HardwareHall.start(dir, y -> y.replace("nearEnd: WARN", "nearEnd: STOP")
                .replace("pressInterval: 2s", "pressInterval: 0s"))) {
            h.devices.printer().paperNearEnd(true);
            HardwareHall.await("the near-end alarm", WAIT,
                    () -> h.query(s -> s.alarms().containsKey("DEVICE:printer-paper")));
            assertTrue(h.query(s -> s.alarms().get("DEVICE:printer-paper").messageEn()).contains("issuing stopped"));
            h.tapAndLetItAct("PAY");
            assertEquals(0L, (long) h.query(s -> s.issuedCount()));
        }
    }

    @Test
    void narrowPaper_printsTheWholeTicket() {
        try (HardwareHall h = HardwareHall.start(dir, y -> y.replace("paperWidth: 80", "paperWidth: 58"))) {
            h.devices.button("PAY").orElseThrow().tap();
            HardwareHall.await("a ticket", WAIT, () -> h.devices.printer().lastTicket() != null);
            assertTrue(h.devices.printer().lastTicket().has("E001", 4, 4));
            assertTrue(h.devices.printer().lastTicket().qrPayload().startsWith("http://192.168.1.10:8080/m/"));
        }
    }
}
