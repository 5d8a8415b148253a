package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.TicketView;
import io.hallq.controller.ticket.NearbyHall;
import io.hallq.controller.ticket.TicketContent;
import io.hallq.controller.ticket.TicketLayout;
import io.hallq.controller.ticket.TicketSettings;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
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
            TicketView issued = h.query(s -> s.liveTickets().iterator().next());

            QrScan scan = QrScan.of(Files.readAllBytes(h.devices.lastTicketPng()));

            assertEquals("http://192.168.1.10:8080/m/" + issued.token(), scan.text());
            assertEquals("M", scan.errorLevel(), "the level the ticket layout asks for");
            assertEquals(7 * 6, scan.finderWidth(), "6 dots per module on 80 mm paper");
        }
    }

    @Test
    void everyTicketsQrCode_scansBackToItsOwnLink_onBothPaperWidths() {
        java.util.Random random = new java.util.Random(23);
        for (int width : new int[] {58, 80}) {
            for (int i = 0; i < 40; i++) { // tokens are random: so is the symbol, and the text around it stays
                byte[] raw = new byte[16];
                random.nextBytes(raw);
                String url = "http://192.168.1.10:8080/m/" + java.util.HexFormat.of().formatHex(raw);
                TicketContent c = new TicketContent("浦东世纪大道营业厅", "Pudong Century Avenue Hall", "E0" + (10 + i % 90),
                        "充值缴费", "Top-up and bills", i % 7, 60L * (1 + i % 30), "2026-11-23 10:05", false, url,
                        null, null);
                byte[] bytes = new TicketLayout(TestHalls.small(), new TicketSettings(width, null,
                        "每月6日至25日 11:30-15:00 人少,欢迎错峰办理", "Quieter 11:30-15:00, 6th-25th of each month"))
                        .escPos(c);
                EscPosDecoder decoder = new EscPosDecoder(n -> { });
                decoder.paperDots(width == 58 ? 384 : 576);
                assertEquals(url, QrScan.of(TicketImage.png(decoder.feed(bytes).get(0))).text(), width + " mm");
            }
        }
    }

    @Test
    void narrowPaper_drawsTheQrCodeWithTheSmallerModulesItAskedFor() {
        byte[] bytes = new TicketLayout(TestHalls.small(), new TicketSettings(58, null, null, null)).escPos(CONTENT);
        EscPosDecoder decoder = new EscPosDecoder(n -> { });
        decoder.paperDots(384);
        PrintedTicket t = decoder.feed(bytes).get(0);

        QrScan scan = QrScan.of(TicketImage.png(t));

        assertEquals(CONTENT.mobileUrl(), scan.text());
        assertEquals(7 * 4, scan.finderWidth());
    }

    @Test
    void aHallWith58mmPaper_printsEveryLineWithinItsWidth_onA384DotPng_whoseQrScans() throws Exception {
        NearbyHall lujiazui = new NearbyHall("浦东陆家嘴营业厅", "Lujiazui Hall", 290, 1200);
        EmulatedDevices devices = new EmulatedDevices(UnaryOperator.identity(),
                (service, wait) -> Optional.of(lujiazui));
        try (HardwareHall h = HardwareHall.start(dir, y -> y.replace("pressInterval: 2s", "pressInterval: 0s")
                .replace("paperWidth: 80", "paperWidth: 58"), devices)) {
            for (int i = 0; i < 12; i++) { // a long wait here, so the ticket mentions the nearby hall
                h.runtime.hall().submit(Command.IssueTicket.walkIn("PAY")).join();
            }
            h.devices.button("PAY").orElseThrow().tap();
            HardwareHall.await("a printed ticket", Duration.ofSeconds(10), () -> h.devices.printer().lastTicket() != null);
            HardwareHall.await("the PNG", Duration.ofSeconds(10), () -> Files.exists(h.devices.lastTicketPng()));
            PrintedTicket t = h.devices.printer().lastTicket();

            assertEquals(384, t.paperDots(), t.render());
            for (PrintedTicket.Line l : t.lines()) {
                assertTrue(l.dots() <= 384, (l.isImage() ? "an image" : "'" + l.text() + "'") + " is " + l.dots()
                        + " dots wide on 384 dots of paper:\n" + t.render());
            }
            List<String> texts = t.texts();
            int where = texts.indexOf("附近浦东陆家嘴营业厅");
            assertTrue(where >= 0, t.render());
            assertEquals("约等 5 分钟,距此 1200 米", texts.get(where + 1), "the nearby hall in two lines");
            assertTrue(texts.contains("每月6日至25日 11:30-15:00 人少,"), t.render());
            assertTrue(texts.contains("欢迎错峰办理"), t.render());

            byte[] png = Files.readAllBytes(h.devices.lastTicketPng());
            assertEquals(384, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
            TicketView issued = h.query(s -> s.ticket("E013"));
            QrScan scan = QrScan.of(png);
            assertEquals("http://192.168.1.10:8080/m/" + issued.token(), scan.text());
            assertEquals(7 * 4, scan.finderWidth(), "4 dots per module on 58 mm paper");
        }
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
