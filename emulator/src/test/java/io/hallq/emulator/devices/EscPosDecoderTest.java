package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.ticket.EscPos;
import io.hallq.controller.ticket.TicketContent;
import io.hallq.controller.ticket.TicketLayout;
import io.hallq.controller.ticket.TicketSettings;
import io.hallq.controller.TestHalls;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscPosDecoderTest {

    private final List<Integer> statusRequests = new ArrayList<>();
    private final EscPosDecoder decoder = new EscPosDecoder(statusRequests::add);

    private static final TicketContent CONTENT = new TicketContent("测试营业厅", "Test Hall", "A012", "开户",
            "New account", 3, 25, "2026-11-23 10:05", true, "http://h:8080/m/tok", "人少时段 11:30-15:00",
            "Quieter 11:30-15:00");

    @Test
    void layoutBytes_decodeBackToTheSameTicket() {
        byte[] bytes = new TicketLayout(TestHalls.small(), new TicketSettings(80, null, null, null)).escPos(CONTENT);
        List<PrintedTicket> tickets = decoder.feed(bytes);
        assertEquals(1, tickets.size());
        PrintedTicket t = tickets.get(0);
        assertTrue(t.has("A012", 4, 4));
        assertTrue(t.has("开户", 2, 2));
        assertTrue(t.has("请到贵宾室等候", 1, 2));
        assertEquals(List.of("测试营业厅", "Test Hall", "A012", "开户", "New account", "前面还有 3 人 / 3 ahead of you",
                "预计等候约 25 分钟 / Est. wait 25 min", "取号时间 Issued 2026-11-23 10:05", "请到贵宾室等候",
                "Please go to the VIP room", "扫码查看排队进度 / Scan to follow your turn", "人少时段 11:30-15:00",
                "Quieter 11:30-15:00"), t.texts());
        assertEquals("http://h:8080/m/tok", t.qrPayload());
        assertTrue(t.cut());
        assertTrue(TicketImage.png(t).length > 1000);
    }

    @Test
    void qrCommands_giveTheCodesModuleSizeLevelAlignmentAndPlace() {
        byte[] bytes = new TicketLayout(TestHalls.small(), new TicketSettings(58, null, null, null)).escPos(CONTENT);
        PrintedTicket t = decoder.feed(bytes).get(0);
        int before = t.texts().indexOf("扫码查看排队进度"); // 58 mm: a line per language
        assertEquals(new PrintedTicket.Qr("http://h:8080/m/tok", 4, 'M', 1, before), t.qr());
    }

    @Test
    void qrWithoutItsCommands_usesThePrinterDefaults_sizeThreeLevelL() {
        byte[] store = {0x1D, '(', 'k', 6, 0, 49, 80, 48, 'a', 'b', 'c'};
        byte[] print = {0x1D, '(', 'k', 3, 0, 49, 81, 48};
        decoder.feed(store);
        decoder.feed(print);
        assertEquals(new PrintedTicket.Qr("abc", 3, 'L', 0, 0), decoder.unfinished().qr());
    }

    @Test
    void qrModelOne_orAModuleSizeOutOfRange_isAnErrorNamingIt() {
        IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
                () -> decoder.feed(new byte[] {0x1D, '(', 'k', 4, 0, 49, 65, 49, 0}));
        assertTrue(model.getMessage().contains("QR model 2 (50) only, not 49"), model.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new EscPosDecoder(n -> { }).feed(new byte[] {0x1D, '(', 'k', 3, 0, 49, 67, 17}));
        assertTrue(size.getMessage().contains("QR module size is 1..16 dots, not 17"), size.getMessage());
    }

    @Test
    void bytesSplitAnywhere_decodeTheSame() {
        byte[] bytes = new TicketLayout(TestHalls.small(), new TicketSettings(58, null, null, null)).escPos(CONTENT);
        PrintedTicket whole = new EscPosDecoder(n -> { }).feed(bytes).get(0);
        List<PrintedTicket> got = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += 7) {
            got.addAll(decoder.feed(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 7))));
        }
        assertEquals(1, got.size());
        assertEquals(whole.render(), got.get(0).render());
    }

    @Test
    void unprintableCharacter_arrivesAsARasterLine_withDots() {
        byte[] bytes = new EscPos(384).init().line("𠮷").cut().bytes();
        PrintedTicket t = decoder.feed(bytes).get(0);
        assertTrue(t.lines().get(0).isImage());
        boolean[][] img = t.lines().get(0).image();
        assertEquals(384, img[0].length);
        assertTrue(java.util.Arrays.stream(img).anyMatch(row -> { for (boolean b : row) { if (b) { return true; } }
            return false; }));
    }

    @Test
    void statusRequests_areReported_evenBetweenTextBytes() {
        decoder.feed(new byte[] {'A', 0x10, 0x04, 0x02, 'B', 0x0A});
        assertEquals(List.of(2), statusRequests);
        assertEquals("AB", decoder.unfinished().texts().get(0));
    }

    @Test
    void unknownCommand_isAnErrorNamingTheBytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> decoder.feed(new byte[] {0x1B, 'Z', 0x01}));
        assertTrue(e.getMessage().contains("1B 5A 01"), e.getMessage());
    }
}
