package io.hallq.controller.device;

import io.hallq.protocol.PhoneNumber;
import static io.hallq.controller.device.DispenserRig.BILL_PIN;
import static io.hallq.controller.device.DispenserRig.PAY_PIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.appointments.PhoneHasher;
import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.TicketOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private static final Instant HALF_PAST = TestHalls.MONDAY_10AM.plus(Duration.ofMinutes(30));
    private static final String PHONE = "13900000002";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private HallController hall;
    private DispenserRig rig;

    @BeforeEach
    void start() {
        HallConfig config = TestHalls.small(dir).withAppointments(new AppointmentsConfig(true, true,
                List.of("OPEN", "PAY", "BILL"), 0.5, Duration.ofMinutes(30), Duration.ofMinutes(15),
                Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(30), 7, 1));
        hall = HallController.start(config, clock, Duration.ZERO);
        rig = new DispenserRig(hall, Map.of());
        rig.dispenser.onNotice(n -> {
            if (n != null) {
                notices.add(n);
            }
        });
        rig.start();
    }

    @AfterEach
    void stop() {
        rig.close();
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

    @Test
    void aBookedCustomer_typesTheNumberInTheWindow_andGetsATicketMarkedAppointment() {
        submit(new Command.Book("OPEN", HALF_PAST, PhoneNumber.mask(PHONE), hash(PHONE), null, "web"));
        clock.set(HALF_PAST.minus(Duration.ofMinutes(10)));
        rig.printerAnswersOk(2);
        rig.type(PHONE + "#");
        rig.press(BILL_PIN); // the button pressed does not matter: the phone's one booking is OPEN
        rig.await("the appointment ticket printed", () -> journal().stream()
                .anyMatch(e -> e instanceof HallEvent.TicketPrinted));
        HallEvent.TicketIssued t = journal().stream().filter(e -> e instanceof HallEvent.TicketIssued)
                .map(e -> (HallEvent.TicketIssued) e).findFirst().orElseThrow();
        assertEquals(TicketOrigin.APPOINTMENT, t.origin());
        assertEquals("OPEN", t.service());
        assertEquals("B000001", t.booking());
        assertTrue(rig.printed(t.ticket()), "the number");
        assertTrue(rig.printed("【预约】"), "tagged in Chinese");
        assertTrue(rig.printed("Appointment"), "tagged in English");
        assertTrue(rig.printed("预约号 B000001 / Booking B000001"), "with the booking");
        assertFalse(journal().toString().contains(PHONE), "no clear number journaled");
    }

    @Test
    void afterTheWindow_theBookingHasLapsed_andTheCustomerGetsAWalkInTicket() throws Exception {
        submit(new Command.Book("OPEN", HALF_PAST, PhoneNumber.mask(PHONE), hash(PHONE), null, "web"));
        clock.set(HALF_PAST.plus(Duration.ofMinutes(11)));
        rig.printerAnswersOk(2);
        rig.type(PHONE + "#");
        rig.press(PAY_PIN);
        rig.await("a ticket printed", () -> journal().stream().anyMatch(e -> e instanceof HallEvent.TicketPrinted));
        assertTrue(journal().stream().anyMatch(e -> e instanceof HallEvent.BookingLapsed l
                && l.booking().equals("B000001")));
        HallEvent.TicketIssued t = journal().stream().filter(e -> e instanceof HallEvent.TicketIssued)
                .map(e -> (HallEvent.TicketIssued) e).findFirst().orElseThrow();
        assertNull(t.origin(), "a walk-in ticket");
        assertEquals("PAY", t.service());
        assertFalse(rig.printed("【预约】"));
        assertTrue(Files.exists(dir.resolve(PhoneHasher.KEY_FILE)), "the hash key lives with the journal");
    }

    @Test
    void aRemoteTicket_checksInAtTheDispenser_andItsPaperIsPrintedMarkedRemote() {
        submit(new Command.JoinRemote("PAY", null, PhoneNumber.mask(PHONE), hash(PHONE), "m".repeat(32)));
        rig.printerAnswersOk(2);
        rig.type(PHONE + "#");
        rig.press(PAY_PIN);
        rig.await("checked in", () -> journal().stream().anyMatch(e -> e instanceof HallEvent.TicketCheckedIn));
        rig.await("printed", () -> rig.printed("【线上取号】"));
        assertTrue(rig.printed("Remote ticket"));
        assertTrue(rig.printed("E001"), "the remote ticket's own number");
        assertEquals(1, journal().stream().filter(e -> e instanceof HallEvent.TicketIssued).count(),
                "no second ticket");
        assertTrue(hall.query(s -> s.ticket("E001").checkedIn()).join());
    }
}
