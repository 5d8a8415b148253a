package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.device.DevicesConfig.NearEndPolicy;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.ticket.NearbyHalls;
import io.hallq.controller.ticket.TicketLayout;
import io.hallq.controller.ticket.TicketSettings;
import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
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

    private static final int PAY_PIN = 5, PAY_LED = 6, BILL_PIN = 13, BILL_LED = 19;
    private static final List<Integer> ROWS = List.of(17, 27, 22, 23);
    private static final List<Integer> COLUMNS = List.of(24, 25, 12);

    @TempDir
    Path dir;

    private final RecordingBoard board = new RecordingBoard();
    private final Set<Character> down = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<HallEvent> handed = new ConcurrentLinkedQueue<>();
    private final RecordingPrinterLink link = new RecordingPrinterLink();
    private HallController hall;
    private PrintQueue printing;
    private Dispenser dispenser;
    private long now = 1_000;

    @BeforeEach
    void start() {
        hall = HallController.start(TestHalls.small(dir), new MutableClock(TestHalls.MONDAY_10AM), Duration.ZERO);
        InputTiming timing = new InputTiming(Duration.ofMillis(20), Duration.ofSeconds(10), Duration.ZERO);
        DeviceAlarms alarms = new DeviceAlarms(hall);
        printing = new PrintQueue(new TicketPrinter(link, Duration.ofMillis(150)),
                new TicketLayout(hall.config(), new TicketSettings(80, null, null, null), NearbyHalls.NONE), alarms,
                NearEndPolicy.WARN);
        board.keypad(ROWS, COLUMNS, down);
        MatrixKeypad phone = new MatrixKeypad(ROWS.stream().map(board::output).toList(),
                COLUMNS.stream().map(board::input).toList(), MatrixKeypad.PHONE_LAYOUT, timing);
        dispenser = new Dispenser(hall, List.of(
                new Dispenser.Button("PAY", board.input(PAY_PIN), board.output(PAY_LED), new KeyDebouncer(timing)),
                new Dispenser.Button("BILL", board.input(BILL_PIN), board.output(BILL_LED), new KeyDebouncer(timing))),
                phone, new PhoneEntry(Duration.ofSeconds(30)), PhoneLookup.of(Map.of("13900000001", "VIP")), alarms,
                printing, NearEndPolicy.WARN);
        dispenser.start();
        hall.addListener(events -> events.forEach(e -> handed.add(e.event())));
        scan(10);
    }

    @AfterEach
    void stop() {
        printing.close();
        hall.close();
    }

    /** Scans every 2 ms for {@code ms} of the test's clock, handing durable events over first. */
    private void scan(long ms) {
        for (long t = 0; t < ms; t += 2) {
            now += 2;
            HallEvent e;
            while ((e = handed.poll()) != null) {
                dispenser.on(e);
            }
            dispenser.scan(now);
        }
    }

    private void await(String what, BooleanSupplier done) {
        for (int i = 0; i < 20_000; i++) {
            if (done.getAsBoolean()) {
                return;
            }
            hall.query(s -> null).join();
            scan(2);
        }
        throw new AssertionError("never happened: " + what);
    }

    private void press(int pin) {
        board.press(pin);
        scan(30);
        board.release(pin);
        scan(30);
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

    private void printerAnswersOk(int statusChecks) {
        for (int i = 0; i < statusChecks * 4; i++) {
            link.answer(0x12);
        }
    }

    @Test
    void aPress_issuesOneTicket_printsItOnceDurable_andJournalsItPrinted() {
        printerAnswersOk(2); // before and after the ticket
        press(PAY_PIN);
        await("the ticket printed", () -> hall.eventsAfter(0, 1000).stream()
                .anyMatch(e -> e.event() instanceof HallEvent.TicketPrinted));
        List<HallEvent.TicketIssued> tickets = issued();
        assertEquals(1, tickets.size());
        assertEquals("PAY", tickets.get(0).service());
        assertEquals(32, tickets.get(0).token().length(), "a 128-bit token");
        assertTrue(link.written.size() > 100, "ESC/POS bytes reached the printer");
    }

    @Test
    void aPhoneNumberTyped_thenAButton_givesTheTicketThatNumbersClass_withTheNumberMasked() {
        printerAnswersOk(2);
        for (char k : "13900000001#".toCharArray()) {
            down.add(k);
            scan(30);
            down.remove(k);
            scan(30);
        }
        press(BILL_PIN);
        await("issued", () -> !issued().isEmpty());
        HallEvent.TicketIssued t = issued().get(0);
        assertEquals("VIP", t.customerClass());
        assertEquals(PhoneNumber.mask("13900000001"), t.phoneMasked());
        assertTrue(!t.phoneMasked().contains("13900000001"));
    }

    @Test
    void aGlitchShorterThanTheMinimumPressWidth_issuesNothing() {
        board.press(PAY_PIN);
        scan(KeyDebouncer.MIN_PRESS_MS - 2); // seen down by one scan only
        board.release(PAY_PIN);
        scan(200);
        hall.query(s -> null).join();
        assertEquals(List.of(), issued());
    }

    @Test
    void whileThePrinterHasAFault_theLightsBlinkEveryHalfSecond_andAPressIssuesNothing() {
        assertTrue(board.output(PAY_LED, false), "a service that is on is lit");
        dispenser.printerStatus(PrinterStatus.UNREACHABLE);
        List<Boolean> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            scan(Dispenser.BLINK_HALF_PERIOD_MS);
            seen.add(board.output(PAY_LED, false));
        }
        assertEquals(2, seen.stream().filter(b -> b).count(), "on half the time: " + seen);
        assertTrue(!seen.get(0).equals(seen.get(1)) && !seen.get(1).equals(seen.get(2)), "toggling: " + seen);
        press(PAY_PIN);
        hall.query(s -> null).join();
        assertEquals(List.of(), issued());
        dispenser.printerStatus(PrinterStatus.OK);
        scan(4);
        assertTrue(board.output(PAY_LED, false), "steady again once the printer is back");
    }

    @Test
    void aServiceSwitchedOff_hasItsLightOff_andIssuesNothing() {
        dispenser.on(new HallEvent.ServiceChanged(TestHalls.MONDAY_10AM, "PAY", false, "暂停", "Paused", null));
        scan(4);
        assertTrue(!board.output(PAY_LED, true));
        assertTrue(board.output(BILL_LED, false));
        press(PAY_PIN);
        hall.query(s -> null).join();
        assertEquals(List.of(), issued());
    }
}
