package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.appointments.PhoneHasher;
import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.device.DevicesConfig.NearEndPolicy;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import io.hallq.controller.ticket.EscPos;
import io.hallq.controller.ticket.NearbyHalls;
import io.hallq.controller.ticket.TicketLayout;
import io.hallq.controller.ticket.TicketSettings;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.TicketOrigin;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checking in at the dispenser: the customer types the phone number and presses a button; a booking in its window
 * prints a ticket marked 预约 / Appointment, a remote ticket prints marked 线上取号 / Remote ticket, and a lapsed
 * booking gives a walk-in ticket. The printed bytes are read back as the printer gets them (GBK lines).
 */
class DispenserCheckInTest {

    private static final int PAY_PIN = 5, PAY_LED = 6, BILL_PIN = 13, BILL_LED = 19;
    private static final List<Integer> ROWS = List.of(17, 27, 22, 23);
    private static final List<Integer> COLUMNS = List.of(24, 25, 12);
    private static final Instant HALF_PAST = TestHalls.MONDAY_10AM.plus(Duration.ofMinutes(30));
    private static final String PHONE = "13900000002";

    @TempDir
    Path dir;

    private final RecordingBoard board = new RecordingBoard();
    private final Set<Character> down = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<HallEvent> handed = new ConcurrentLinkedQueue<>();
    private final RecordingPrinterLink link = new RecordingPrinterLink();
    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private HallController hall;
    private PrintQueue printing;
    private Dispenser dispenser;
    private long now = 1_000;

    @BeforeEach
    void start() {
        HallConfig config = TestHalls.small(dir).withAppointments(new AppointmentsConfig(true, true,
                List.of("OPEN", "PAY", "BILL"), 0.5, Duration.ofMinutes(30), Duration.ofMinutes(15),
                Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(30), 7, 1));
        hall = HallController.start(config, clock, Duration.ZERO);
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
                phone, new PhoneEntry(Duration.ofSeconds(30)), PhoneLookup.of(Map.of()), alarms, printing,
                NearEndPolicy.WARN);
        dispenser.onNotice(n -> {
            if (n != null) {
                notices.add(n);
            }
        });
        dispenser.start();
        hall.addListener(events -> events.forEach(e -> handed.add(e.event())));
        scan(10);
    }

    @AfterEach
    void stop() {
        printing.close();
        hall.close();
    }

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

    private void typeAndPress(String keys, int pin) {
        for (char k : keys.toCharArray()) {
            down.add(k);
            scan(30);
            down.remove(k);
            scan(30);
        }
        board.press(pin);
        scan(30);
        board.release(pin);
        scan(30);
    }

    private void printerAnswersOk(int statusChecks) {
        for (int i = 0; i < statusChecks * 4; i++) {
            link.answer(0x12);
        }
    }

    private String hash(String phone) {
        return PhoneHasher.of(hall.config()).hash(phone);
    }

    private void submit(Command c) {
        assertTrue(hall.submit(c).join().result().accepted(), c.toString());
    }

    private List<HallEvent> journal() {
        return hall.eventsAfter(0, 1000).stream().map(e -> e.event()).toList();
    }

    /** True when the printer got {@code text} as one line (GBK, then LF). */
    private boolean printed(String text) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes(text.getBytes(EscPos.CHINESE));
        line.write(EscPos.LF);
        byte[] needle = line.toByteArray();
        byte[] bytes;
        synchronized (link) {
            bytes = link.written.toByteArray();
        }
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aBookedCustomer_typesTheNumberInTheWindow_andGetsATicketMarkedAppointment() {
        submit(new Command.Book("OPEN", HALF_PAST, PhoneNumbers.mask(PHONE), hash(PHONE), null, "web"));
        clock.set(HALF_PAST.minus(Duration.ofMinutes(10)));
        printerAnswersOk(2);
        typeAndPress(PHONE + "#", BILL_PIN); // the button pressed does not matter: the phone's one booking is OPEN
        await("the appointment ticket printed", () -> journal().stream()
                .anyMatch(e -> e instanceof HallEvent.TicketPrinted));
        HallEvent.TicketIssued t = journal().stream().filter(e -> e instanceof HallEvent.TicketIssued)
                .map(e -> (HallEvent.TicketIssued) e).findFirst().orElseThrow();
        assertEquals(TicketOrigin.APPOINTMENT, t.origin());
        assertEquals("OPEN", t.service());
        assertEquals("B000001", t.booking());
        assertTrue(printed(t.ticket()), "the number");
        assertTrue(printed("【预约】"), "tagged in Chinese");
        assertTrue(printed("Appointment"), "tagged in English");
        assertTrue(printed("预约号 B000001 / Booking B000001"), "with the booking");
        assertFalse(journal().toString().contains(PHONE), "no clear number journaled");
    }

    @Test
    void afterTheWindow_theBookingHasLapsed_andTheCustomerGetsAWalkInTicket() throws Exception {
        submit(new Command.Book("OPEN", HALF_PAST, PhoneNumbers.mask(PHONE), hash(PHONE), null, "web"));
        clock.set(HALF_PAST.plus(Duration.ofMinutes(11)));
        printerAnswersOk(2);
        typeAndPress(PHONE + "#", PAY_PIN);
        await("a ticket printed", () -> journal().stream().anyMatch(e -> e instanceof HallEvent.TicketPrinted));
        assertTrue(journal().stream().anyMatch(e -> e instanceof HallEvent.BookingLapsed l
                && l.booking().equals("B000001")));
        HallEvent.TicketIssued t = journal().stream().filter(e -> e instanceof HallEvent.TicketIssued)
                .map(e -> (HallEvent.TicketIssued) e).findFirst().orElseThrow();
        assertNull(t.origin(), "a walk-in ticket");
        assertEquals("PAY", t.service());
        assertFalse(printed("【预约】"));
        assertTrue(Files.exists(dir.resolve(PhoneHasher.KEY_FILE)), "the hash key lives with the journal");
    }

    @Test
    void aRemoteTicket_checksInAtTheDispenser_andItsPaperIsPrintedMarkedRemote() {
        submit(new Command.JoinRemote("PAY", null, PhoneNumbers.mask(PHONE), hash(PHONE), "m".repeat(32)));
        printerAnswersOk(2);
        typeAndPress(PHONE + "#", PAY_PIN);
        await("checked in", () -> journal().stream().anyMatch(e -> e instanceof HallEvent.TicketCheckedIn));
        await("printed", () -> printed("【线上取号】"));
        assertTrue(printed("Remote ticket"));
        assertTrue(printed("E001"), "the remote ticket's own number");
        assertEquals(1, journal().stream().filter(e -> e instanceof HallEvent.TicketIssued).count(),
                "no second ticket");
        assertTrue(hall.query(s -> s.ticket("E001").checkedIn()).join());
    }
}
