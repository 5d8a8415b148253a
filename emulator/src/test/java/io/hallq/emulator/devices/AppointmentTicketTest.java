package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.appointments.PhoneHasher;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.Ticket;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example hall's dispenser, emulated down to the printer's bytes (decoded by the virtual printer): a booked
 * customer who types the number gets a ticket marked 预约 / Appointment, at double size under the number.
 */
class AppointmentTicketTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Quick presses, and a check-in window wide enough to open now (the clock runs from Monday 10:00). */
    private static final UnaryOperator<String> QUICK = y -> y.replace("pressInterval: 2s", "pressInterval: 0s")
            .replace("checkInBefore: 15m", "checkInBefore: 60m");

    @TempDir
    Path dir;

    @Test
    void aBookedCustomer_typesTheNumber_andTheTicketSaysAppointment_inBothLanguages() {
        try (HardwareHall h = HardwareHall.start(dir, QUICK)) {
            String hash = PhoneHasher.of(h.runtime.hall().config()).hash("13800000077");
            var booked = h.runtime.hall().submit(new Command.Book("OPEN",
                    TestHalls.MONDAY_10AM.plus(Duration.ofMinutes(30)), "138****0077", hash, null, "web")).join();
            assertTrue(booked.result().accepted(), booked.result().toString());
            h.devices.phoneKeypad().orElseThrow().type("13800000077#");
            h.devices.button("PAY").orElseThrow().tap(); // the phone's one booking is OPEN
            HardwareHall.await("a printed ticket", WAIT, () -> h.devices.printer().lastTicket() != null);
            PrintedTicket printed = h.devices.printer().lastTicket();
            Ticket t = h.query(s -> s.liveTickets().iterator().next());
            assertEquals(HallEvent.TicketOrigin.APPOINTMENT, t.origin());
            assertTrue(printed.has(t.number(), 4, 4), printed.render());
            assertTrue(printed.has("【预约】", 2, 2), printed.render());
            assertTrue(printed.texts().contains("Appointment"), printed.render());
            assertTrue(printed.texts().contains("预约号 B000001 / Booking B000001"), printed.render());
            assertFalse(printed.render().contains("13800000077"));
        }
    }
}
