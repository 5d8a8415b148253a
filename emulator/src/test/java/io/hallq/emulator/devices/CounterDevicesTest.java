package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.Ticket;
import io.hallq.controller.queue.TicketView;
import io.hallq.protocol.event.HallEvent.CounterStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterDevicesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static HardwareHall start(Path dir) {
        return HardwareHall.start(dir, y -> y.replace("pressInterval: 2s", "pressInterval: 0s"));
    }

    private static void issue(HardwareHall h, String service) {
        h.runtime.hall().submit(Command.IssueTicket.walkIn(service)).join();
    }

    @Test
    void callKey_callsTheNextTicket_andTheCounterDisplayShowsIt_blinking() {
        try (HardwareHall h = start(dir)) {
            issue(h, "BILL");
            h.devices.counterKeypad(1).orElseThrow().type("1");
            HardwareHall.await("G001 called", WAIT, () -> "G001".equals(h.query(s -> s.counter(1).current())));
            VirtualMax7219.Position display = h.devices.counterDisplay(1).orElseThrow();
            HardwareHall.await("the display", WAIT, () -> display.digits().equals("    G001"));
            HardwareHall.await("a blink off", WAIT, () -> !display.lit());
            HardwareHall.await("lit again", WAIT, () -> display.lit());
            assertEquals(0, display.chain().badFrames());
        }
    }

    @Test
    void keys_recallNoShowPauseResumeFinish_becomeTheirCommands() {
        try (HardwareHall h = start(dir)) {
            VirtualKeypad keys = h.devices.counterKeypad(1).orElseThrow();
            issue(h, "BILL");
            keys.type("1");
            HardwareHall.await("called", WAIT, () -> h.query(s -> s.counter(1).current()) != null);
            keys.type("2");
            HardwareHall.await("recalled", WAIT, () -> h.query(s -> s.ticket("G001").recalls()) == 1);
            keys.type("3");
            HardwareHall.await("no-show requeued", WAIT, () -> h.query(s -> s.counter(1).current()) == null);
            keys.type("5");
            HardwareHall.await("paused", WAIT, () -> h.query(s -> s.counter(1).status()) == CounterStatus.PAUSED);
            keys.type("5");
            HardwareHall.await("resumed", WAIT, () -> h.query(s -> s.counter(1).status()) == CounterStatus.OPEN);
            keys.type("1");
            HardwareHall.await("called again", WAIT, () -> "G001".equals(h.query(s -> s.counter(1).current())));
            keys.type("6");
            HardwareHall.await("finished", WAIT, () -> h.query(s -> s.ticket("G001")) == null);
            VirtualMax7219.Position display = h.devices.counterDisplay(1).orElseThrow();
            HardwareHall.await("display blank", WAIT, () -> display.digits().isBlank());
        }
    }

    @Test
    void transferKey_thenAServiceDigit_transfersToThatService() {
        try (HardwareHall h = start(dir)) {
            issue(h, "BILL");
            VirtualKeypad keys = h.devices.counterKeypad(1).orElseThrow();
            keys.type("1");
            HardwareHall.await("called", WAIT, () -> h.query(s -> s.counter(1).current()) != null);
            keys.type("42"); // services[1] = SIM
            HardwareHall.await("transferred", WAIT, () -> {
                TicketView t = h.query(s -> s.ticket("G001"));
                return t != null && t.service().equals("SIM") && t.status() == Ticket.Status.WAITING;
            });
        }
    }

    @Test
    void satisfactionKey_ratesTheTicketJustServed() throws Exception {
        try (HardwareHall h = start(dir)) {
            issue(h, "BILL");
            h.runtime.hall().submit(new Command.CallNext(1)).join();
            h.runtime.hall().submit(new Command.Finish(1)).join();
            h.devices.ratingKey(1, 3).orElseThrow().tap();
            HardwareHall.await("rated", WAIT, () -> h.query(s -> s.counter(1).lastServed()) == null);
            var events = h.runtime.hall().eventsAfter(0, 1000);
            assertTrue(events.stream().anyMatch(e -> e.event().toString().contains("ServiceRated")
                    && e.event().toString().contains("rating=3") && e.event().toString().contains("G001")),
                    events.toString());
        }
    }

    private static java.util.List<Integer> column(VirtualMax7219 m, int from, int count) {
        boolean[][] px = m.pixels();
        java.util.List<Integer> cols = new java.util.ArrayList<>();
        for (int c = from; c < from + count; c++) {
            int v = 0;
            for (int r = 0; r < 8; r++) {
                v |= px[r][c] ? 1 << r : 0;
            }
            cols.add(v);
        }
        return cols;
    }

    private static java.util.List<Integer> glyph(char c) {
        return java.util.Arrays.stream(io.hallq.display.led.MatrixFont.glyph(c)).boxed().toList();
    }

    @Test
    void hallMatrix_scrollsTheLatestCall() {
        try (HardwareHall h = start(dir)) {
            VirtualMax7219 matrix = h.devices.hallMatrix().orElseThrow();
            assertEquals(4, matrix.chips());
            issue(h, "BILL");
            h.runtime.hall().submit(new Command.CallNext(1)).join();
            // "G001>1" scrolls in from the right; at some step "G0" sits at the left edge
            HardwareHall.await("G0 at the left edge", WAIT, () -> column(matrix, 0, 5).equals(glyph('G'))
                    && column(matrix, 6, 5).equals(glyph('0')));
            assertEquals(0, matrix.badFrames());
        }
    }

    @Test
    void everyCounter_hasItsKeypadRatingKeysAndDisplay_onTheSharedChain() {
        try (HardwareHall h = start(dir)) {
            for (int n = 1; n <= 5; n++) {
                assertTrue(h.devices.counterKeypad(n).isPresent(), "keypad " + n);
                assertTrue(h.devices.ratingKey(n, 3).isPresent(), "rating keys " + n);
                assertEquals(n - 1, h.devices.counterDisplay(n).orElseThrow().chip(), "display " + n);
            }
            assertEquals(5, h.devices.counterDisplay(5).orElseThrow().chain().chips());
        }
    }

    @Test
    void aCallOnCounter5_writesOnlyTheLastChipOfTheChain_withNoOpsForTheOthers() {
        try (HardwareHall h = start(dir)) {
            h.runtime.hall().submit(new Command.OpenCounter(5)).join(); // closed at the start of the day
            issue(h, "PAY");
            VirtualMax7219.Position five = h.devices.counterDisplay(5).orElseThrow();
            VirtualMax7219.Position one = h.devices.counterDisplay(1).orElseThrow();
            long oneBefore = one.words();
            long framesBefore = five.chain().frames();
            h.devices.counterKeypad(5).orElseThrow().type("1");
            HardwareHall.await("E001 on counter 5", WAIT, () -> five.digits().equals("    E001"));
            long frames = five.chain().frames() - framesBefore;
            for (int n = 1; n <= 4; n++) {
                assertEquals(0, h.devices.counterDisplay(n).orElseThrow().digits().strip().length(), "display " + n);
            }
            assertEquals(oneBefore, one.words(), "counter 1's chip took no word: only no-ops reached it");
            // blank -> "    E001" changes 4 digit registers: 4 frames, plus a blink toggle perhaps; never a repaint
            assertTrue(frames >= 4 && frames <= 6, "frames for one call: " + frames);
            assertEquals(0, five.chain().badFrames());
        }
    }

    @Test
    void anExpanderThatVanishes_isADeviceAlarm_andItsKeypadWorksAgainWhenItIsBack() {
        try (HardwareHall h = start(dir)) {
            VirtualMcp23017 chip = h.devices.expander(0x26).orElseThrow();
            chip.unplug();
            HardwareHall.await("the alarm", WAIT, () -> h.query(s -> s.alarms().containsKey("DEVICE:expander-0x26")));
            assertEquals("not-answering", h.query(s -> s.alarms().get("DEVICE:expander-0x26").cause()));
            chip.plugIn(); // power back: registers in their reset state
            HardwareHall.await("the alarm cleared", WAIT,
                    () -> !h.query(s -> s.alarms().containsKey("DEVICE:expander-0x26")));
            h.runtime.hall().submit(new Command.OpenCounter(5)).join();
            issue(h, "PAY");
            h.devices.counterKeypad(5).orElseThrow().type("1");
            HardwareHall.await("counter 5 calls", WAIT, () -> "E001".equals(h.query(s -> s.counter(5).current())));
        }
    }

    @Test
    void anExpanderThatLostPowerUnnoticed_isConfiguredAgain_andItsKeysWork() {
        try (HardwareHall h = start(dir)) {
            VirtualMcp23017 chip = h.devices.expander(0x22).orElseThrow();
            chip.powerBlip(); // all pins inputs again, no pull-ups, no interrupts
            HardwareHall.await("configured again", WAIT, () -> chip.register(VirtualMcp23017.GPPU) == 0x70);
            issue(h, "BILL");
            h.devices.counterKeypad(1).orElseThrow().type("1");
            HardwareHall.await("counter 1 calls", WAIT, () -> "G001".equals(h.query(s -> s.counter(1).current())));
            assertTrue(!h.query(s -> s.alarms().containsKey("DEVICE:expander-0x22")), "it answered all along");
        }
    }
}
