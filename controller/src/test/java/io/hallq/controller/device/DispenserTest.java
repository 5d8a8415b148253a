package io.hallq.controller.device;

import static io.hallq.controller.device.DispenserRig.BILL_LED;
import static io.hallq.controller.device.DispenserRig.BILL_PIN;
import static io.hallq.controller.device.DispenserRig.PAY_LED;
import static io.hallq.controller.device.DispenserRig.PAY_PIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallController;
import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispenser on a recording board, scanned by the test on its own clock (the device thread is the test
 * thread): presses, the phone keypad, the lights, the printer's faults. The only waits are for the writer to
 * make a command durable and for the printer thread to print, never for time to pass.
 */
class DispenserTest {

    @TempDir
    Path dir;

    private HallController hall;
    private DispenserRig rig;

    @BeforeEach
    void start() {
        hall = HallController.start(TestHalls.small(dir), new MutableClock(TestHalls.MONDAY_10AM), Duration.ZERO);
        rig = new DispenserRig(hall, Map.of("13900000001", "VIP")).start();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private List<HallEvent.TicketIssued> issued() {
        List<HallEvent.TicketIssued> out = new ArrayList<>();
        hall.eventsAfter(0, 1000).forEach(e -> {
            if (e.event() instanceof HallEvent.TicketIssued t) {
                out.add(t);
            }
        });
        return out;
    }

    @Test
    void aPress_issuesOneTicket_printsItOnceDurable_andJournalsItPrinted() {
        rig.printerAnswersOk(2); // before and after the ticket
        rig.press(PAY_PIN);
        rig.await("the ticket printed", () -> hall.eventsAfter(0, 1000).stream()
                .anyMatch(e -> e.event() instanceof HallEvent.TicketPrinted));
        List<HallEvent.TicketIssued> tickets = issued();
        assertEquals(1, tickets.size());
        assertEquals("PAY", tickets.get(0).service());
        assertEquals(32, tickets.get(0).token().length(), "a 128-bit token");
        assertTrue(rig.link.written.size() > 100, "ESC/POS bytes reached the printer");
    }

    @Test
    void aPhoneNumberTyped_thenAButton_givesTheTicketThatNumbersClass_withTheNumberMasked() {
        rig.printerAnswersOk(2);
        rig.type("13900000001#");
        rig.press(BILL_PIN);
        rig.await("issued", () -> !issued().isEmpty());
        HallEvent.TicketIssued t = issued().get(0);
        assertEquals("VIP", t.customerClass());
        assertEquals(PhoneNumber.mask("13900000001"), t.phoneMasked());
        assertTrue(!t.phoneMasked().contains("13900000001"));
    }

    @Test
    void aGlitchShorterThanTheMinimumPressWidth_issuesNothing() {
        rig.board.press(PAY_PIN);
        rig.scan(KeyDebouncer.MIN_PRESS_MS - 2); // seen down by one scan only
        rig.board.release(PAY_PIN);
        rig.scan(200);
        hall.query(s -> null).join();
        assertEquals(List.of(), issued());
    }

    @Test
    void whileThePrinterHasAFault_theLightsBlinkEveryHalfSecond_andAPressIssuesNothing() {
        assertTrue(rig.board.output(PAY_LED, false), "a service that is on is lit");
        rig.dispenser.printerStatus(PrinterStatus.UNREACHABLE);
        List<Boolean> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rig.scan(Dispenser.BLINK_HALF_PERIOD_MS);
            seen.add(rig.board.output(PAY_LED, false));
        }
        assertEquals(2, seen.stream().filter(b -> b).count(), "on half the time: " + seen);
        assertTrue(!seen.get(0).equals(seen.get(1)) && !seen.get(1).equals(seen.get(2)), "toggling: " + seen);
        rig.press(PAY_PIN);
        hall.query(s -> null).join();
        assertEquals(List.of(), issued());
        rig.dispenser.printerStatus(PrinterStatus.OK);
        rig.scan(4);
        assertTrue(rig.board.output(PAY_LED, false), "steady again once the printer is back");
    }

    @Test
    void aServiceSwitchedOff_hasItsLightOff_andIssuesNothing() {
        rig.dispenser.on(new HallEvent.ServiceChanged(TestHalls.MONDAY_10AM, "PAY", false, "暂停", "Paused", null));
        rig.scan(4);
        assertTrue(!rig.board.output(PAY_LED, true));
        assertTrue(rig.board.output(BILL_LED, false));
        rig.press(PAY_PIN);
        hall.query(s -> null).join();
        assertEquals(List.of(), issued());
    }
}
