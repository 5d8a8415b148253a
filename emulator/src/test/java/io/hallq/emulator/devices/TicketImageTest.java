package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.queue.Ticket;
import io.hallq.controller.ticket.TicketContent;
import io.hallq.controller.ticket.TicketLayout;
import io.hallq.controller.ticket.TicketSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketImageTest {

    private static final TicketContent CONTENT = new TicketContent("测试营业厅", "Test Hall", "A012", "开户",
            "New account", 3, 25, "2026-11-23 10:05", false, "http://h:8080/m/0123456789abcdef0123456789abcdef",
            null, null);

    @TempDir
    Path dir;

    @Test
    void ticketPngFromTheVirtualPrinter_holdsAScannableQrCode_ofTheMobileUrlTheEngineIssued() throws Exception {
        try (HardwareHall h = HardwareHall.start(dir, y -> y.replace("pressInterval: 2s", "pressInterval: 0s"))) {
            h.devices.button("PAY").orElseThrow().tap();
            HardwareHall.await("a printed ticket", Duration.ofSeconds(10), () -> h.devices.printer().lastTicket() != null);
            HardwareHall.await("the PNG", Duration.ofSeconds(10), () -> Files.exists(h.devices.lastTicketPng()));
            Ticket issued = h.query(s -> s.liveTickets().iterator().next());

            QrScan scan = QrScan.of(Files.readAllBytes(h.devices.lastTicketPng()));

            assertEquals("http://192.168.1.10:8080/m/" + issued.token(), scan.text());
            assertEquals("M", scan.errorLevel(), "the level the ticket layout asks for");
            assertEquals(7 * 6, scan.finderWidth(), "6 dots per module on 80 mm paper");
        }
    }

    @Test
    void narrowPaper_drawsTheQrCodeWithTheSmallerModulesItAskedFor() {
        byte[] bytes = new TicketLayout(TestHalls.small(), new TicketSettings(58, null, null, null)).escPos(CONTENT);
        PrintedTicket t = new EscPosDecoder(n -> { }).feed(bytes).get(0);

        QrScan scan = QrScan.of(TicketImage.png(t));

        assertEquals(CONTENT.mobileUrl(), scan.text());
        assertEquals(7 * 4, scan.finderWidth());
    }

    @Test
    void qrSizeAndLevel_areTheOnesTheStreamSet() {
        PrintedTicket t = new PrintedTicket(List.of(new PrintedTicket.Line("上 above", 1, 1, 1, null),
                new PrintedTicket.Line("下 below", 1, 1, 1, null)),
                new PrintedTicket.Qr("https://example.test/m/x", 3, 'H', 2, 1), true);

        QrScan scan = QrScan.of(TicketImage.png(t));

        assertEquals("https://example.test/m/x", scan.text());
        assertEquals("H", scan.errorLevel());
        assertEquals(7 * 3, scan.finderWidth());
    }

    @Test
    void aSymbolWiderThanThePaper_isDrawnWithSmallerModules_andStillScans() {
        String longUrl = "http://h:8080/m/" + "x".repeat(300);
        PrintedTicket t = new PrintedTicket(List.of(),
                new PrintedTicket.Qr(longUrl, 16, 'M', 1, 0), true);

        QrScan scan = QrScan.of(TicketImage.png(t));

        assertEquals(longUrl, scan.text());
        assertTrue(scan.finderWidth() < 7 * 16, "finder " + scan.finderWidth() + " px");
    }

    @Test
    void aPayloadNoQrCodeHolds_isAnErrorSayingSo() {
        PrintedTicket t = new PrintedTicket(List.of(), new PrintedTicket.Qr("9".repeat(8000), 3, 'H', 1, 0), true);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TicketImage.png(t));

        assertTrue(e.getMessage().startsWith("the QR payload of 8000 characters does not fit a QR code at level H"),
                e.getMessage());
    }
}
