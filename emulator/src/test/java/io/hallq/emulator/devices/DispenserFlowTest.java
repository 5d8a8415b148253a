package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.queue.TicketView;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispenserFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final UnaryOperator<String> QUICK = y -> y.replace("pressInterval: 2s", "pressInterval: 0s");

    @TempDir
    Path dir;

    @Test
    void press_printsExactlyTheTicketTheEngineIssued_chineseIncluded() throws Exception {
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            h.devices.button("PAY").orElseThrow().tap();
            HardwareHall.await("a printed ticket", WAIT, () -> h.devices.printer().lastTicket() != null);
            PrintedTicket t = h.devices.printer().lastTicket();
            TicketView issued = h.query(s -> s.liveTickets().iterator().next());
            assertEquals("E001", issued.number());
            assertTrue(t.has("E001", 4, 4), t.render());
            assertTrue(t.has("充值缴费", 2, 2), t.render());
            assertTrue(t.has("浦东世纪大道营业厅", 1, 1), t.render());
            assertTrue(t.texts().contains("Top-up & payment"), t.render());
            assertTrue(t.texts().contains("前面还有 0 人 / 0 ahead of you"), t.render());
            assertTrue(t.texts().contains("每月6日至25日 11:30-15:00 人少,欢迎错峰办理"), t.render());
            assertEquals("http://192.168.1.10:8080/m/" + issued.token(), t.qrPayload());
            assertEquals(32, issued.token().length());
            assertTrue(t.cut());
            HardwareHall.await("the PNG", WAIT, () -> Files.exists(h.devices.lastTicketPng()));
        }
    }

    @Test
    void printedTicket_isJournaledAsPrinted_soARestartKeepsIt() {
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            h.devices.button("PAY").orElseThrow().tap();
            HardwareHall.await("the ticket marked printed", WAIT, () -> h.query(s -> s.issuedCount() == 1
                    && s.awaitingPrint().isEmpty()));
            assertTrue(h.runtime.hall().eventsAfter(0, 100).stream()
                    .anyMatch(e -> e.event() instanceof HallEvent.TicketPrinted p && p.ticket().equals("E001")));
        }
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            assertEquals(List.of("E001"), h.query(s -> s.liveTickets().stream().map(TicketView::number).toList()));
        }
    }

    @Test
    void bouncingButton_issuesOneTicket_andHammeringIsRateLimited() {
        try (HardwareHall h = HardwareHall.start(dir, UnaryOperator.identity())) {
            VirtualButton pay = h.devices.button("PAY").orElseThrow();
            pay.bounce(6, Duration.ofMillis(2));
            pay.keep(VirtualButton.TAP);
            pay.release();
            pay.keep(VirtualButton.TAP);
            for (int i = 0; i < 5; i++) {
                pay.tap(); // within the 2 s press interval: ignored
            }
            HardwareHall.await("a printed ticket", WAIT, () -> h.devices.printer().tickets().size() == 1);
            pay.keep(Duration.ofMillis(200)); // the controller has long read the last tap: no second ticket
            assertEquals(1, h.devices.printer().tickets().size());
            assertEquals(1L, (long) h.query(s -> s.issuedCount()));
        }
    }

    @Test
    void phoneNumber_typedBeforeThePress_givesTheClass_andIsPrintedNowhere() {
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            h.devices.phoneKeypad().orElseThrow().type("13900000001#");
            h.devices.button("PLAN").orElseThrow().tap();
            HardwareHall.await("a printed ticket", WAIT, () -> h.devices.printer().lastTicket() != null);
            TicketView t = h.query(s -> s.liveTickets().iterator().next());
            assertEquals("VIP", t.customerClass());
            assertEquals("139****0001", t.phoneMasked());
            PrintedTicket printed = h.devices.printer().lastTicket();
            assertFalse(printed.render().contains("13900000001"));
            assertTrue(printed.texts().contains("请到贵宾室等候"), printed.render());
        }
    }

    @Test
    void phoneNumber_withRepeatedDigits_isTakenWhole_underTheButtonsPressInterval() {
        // the example's 2 s press interval (no QUICK): it keeps a hammered button from issuing many tickets, and
        // must not drop the second 0 of "00" or the second 1 of "1381" typed on the phone keypad
        try (HardwareHall h = HardwareHall.start(dir, UnaryOperator.identity())) {
            h.devices.phoneKeypad().orElseThrow().type("13812345678#");
            h.devices.button("PAY").orElseThrow().tap();
            HardwareHall.await("a printed ticket", WAIT, () -> h.devices.printer().lastTicket() != null);
            assertEquals("138****5678", h.query(s -> s.liveTickets().iterator().next().phoneMasked()));
            h.devices.phoneKeypad().orElseThrow().type("13900000001#");
            h.devices.button("PLAN").orElseThrow().tap();
            HardwareHall.await("a second printed ticket", WAIT, () -> h.devices.printer().tickets().size() == 2);
            assertEquals(List.of("138****5678", "139****0001"), h.query(s -> s.liveTickets().stream()
                    .map(TicketView::phoneMasked).sorted().toList()));
        }
    }

    @Test
    void paperOut_blinksButtons_raisesAnAlarm_andStopsIssuing() {
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            h.devices.printer().paperOut(true); // how soon: DeviceLatencyBenchmark (the issue asks within 2 s)
            HardwareHall.await("the printer alarm", Duration.ofSeconds(10),
                    () -> h.query(s -> s.alarms().containsKey("DEVICE:printer")));
            HallEvent.AlarmRaised a = h.query(s -> s.alarms().get("DEVICE:printer"));
            assertEquals(HallEvent.AlarmKind.DEVICE, a.kind());
            assertTrue(a.messageZh().contains("缺纸"), a.messageZh());
            VirtualButton pay = h.devices.button("PAY").orElseThrow();
            HardwareHall.await("the light off", WAIT, () -> !pay.lit());
            HardwareHall.await("the light on again", WAIT, pay::lit);

            h.tapAndLetItAct("PAY");
            assertEquals(0L, (long) h.query(s -> s.issuedCount()));

            h.devices.printer().paperOut(false);
            HardwareHall.await("the alarm cleared", Duration.ofSeconds(4),
                    () -> !h.query(s -> s.alarms().containsKey("DEVICE:printer")));
            pay.tap();
            HardwareHall.await("a printed ticket", WAIT, () -> h.devices.printer().lastTicket() != null);
        }
    }

    @Test
    void paperEndingInsideATicket_voidsIt_soNobodyWaitsWithoutATicket() {
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            h.devices.printer().paperEndsAfterLines(3);
            h.devices.button("PAY").orElseThrow().tap();
            HardwareHall.await("the ticket voided", WAIT, () -> h.query(s -> s.issuedCount() == 1
                    && s.liveTickets().isEmpty()));
            assertNull(h.devices.printer().lastTicket());
            HardwareHall.await("the printer alarm", Duration.ofSeconds(4),
                    () -> h.query(s -> s.alarms().containsKey("DEVICE:printer")));
        }
    }

    @Test
    void unpluggedPrinter_voidsNothingItDidNotIssue_andRaisesNotConnected() {
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            h.devices.printer().disconnected(true);
            HardwareHall.await("the printer alarm", Duration.ofSeconds(4),
                    () -> h.query(s -> s.alarms().containsKey("DEVICE:printer")));
            assertEquals("Ticket printer not connected",
                    h.query(s -> s.alarms().get("DEVICE:printer").messageEn()));
            h.tapAndLetItAct("PAY");
            assertEquals(0L, (long) h.query(s -> s.issuedCount()));
        }
    }

    @Test
    void coverOpen_andCutterError_areFaults_nearEndOnlyWarns() {
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            VirtualPrinter p = h.devices.printer();
            p.coverOpen(true);
            HardwareHall.await("cover alarm", Duration.ofSeconds(4), () -> "Ticket printer cover open".equals(
                    h.query(s -> s.alarms().containsKey("DEVICE:printer") ? s.alarms().get("DEVICE:printer").messageEn() : "")));
            p.coverOpen(false);
            p.cutterError(true);
            HardwareHall.await("cutter alarm", Duration.ofSeconds(4), () -> "Ticket printer cutter error".equals(
                    h.query(s -> s.alarms().containsKey("DEVICE:printer") ? s.alarms().get("DEVICE:printer").messageEn() : "")));
            p.cutterError(false);
            p.paperNearEnd(true);
            HardwareHall.await("near-end warning", Duration.ofSeconds(4),
                    () -> h.query(s -> s.alarms().containsKey("DEVICE:printer-paper")
                            && !s.alarms().containsKey("DEVICE:printer")));
            h.devices.button("PAY").orElseThrow().tap();
            HardwareHall.await("a ticket despite near end", WAIT, () -> p.lastTicket() != null);
        }
    }

    @Test
    void stuckButton_raisesADeviceAlarm_andIssuesNothing() {
        try (HardwareHall h = HardwareHall.start(dir, y -> y.replace("stuckAfter: 10s", "stuckAfter: 300ms"))) {
            VirtualButton plan = h.devices.button("PLAN").orElseThrow();
            plan.press();
            HardwareHall.await("the stuck alarm", WAIT, () -> h.query(s -> s.alarms().containsKey("DEVICE:button-PLAN")));
            plan.release();
            HardwareHall.await("the stuck alarm cleared", WAIT,
                    () -> !h.query(s -> s.alarms().containsKey("DEVICE:button-PLAN")));
            List<String> tickets = h.query(s -> s.liveTickets().stream().map(TicketView::number).toList());
            assertTrue(tickets.size() <= 1, tickets.toString()); // the press itself was a real press
            assertNotNull(h.devices.printer());
        }
    }
}
