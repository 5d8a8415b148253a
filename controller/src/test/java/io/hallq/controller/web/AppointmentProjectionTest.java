package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The staff terminal shows an appointment's tag; the board shows nothing personal of it. */
class AppointmentProjectionTest {

    private static final HallConfig HALL = TestHalls.small(c -> c.withAppointments(new AppointmentsConfig(true, true,
            List.of("OPEN", "PAY", "BILL"), 0.5, Duration.ofMinutes(30), Duration.ofMinutes(15),
            Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(30), 7, 1)));
    private static final Instant SLOT = TestHalls.MONDAY_10AM.plus(Duration.ofMinutes(30));
    private static final String HASH = "ab".repeat(32);

    private final QueueEngine engine = new QueueEngine(HALL);

    private void run(Command c, Instant at) {
        Result r = engine.handle(c, at);
        assertTrue(r.accepted(), c + " -> " + r);
    }

    private Frame frame(Instant at) {
        return new Frame(HallView.capture(engine.state(), 1, at), new DayLedger().snapshot(), List.of());
    }

    @Test
    void theStaffTerminal_showsTheAppointmentTag_andTheBoard_nothingPersonal() throws Exception {
        run(new Command.Book("OPEN", SLOT, "139****0002", HASH, null, "web"), TestHalls.MONDAY_10AM);
        Instant at = SLOT.minus(Duration.ofMinutes(10));
        run(new Command.CheckIn("OPEN", null, "139****0002", HASH, "t".repeat(32), true, true), at);
        run(new Command.JoinRemote("PAY", null, "137****0003", "cd".repeat(32), "r".repeat(32)), at);
        run(new Command.CallNext(3), at);

        PageProjections.StaffView staff = PageProjections.staff(frame(at), 3);
        assertEquals("A001", staff.current().ticket());
        assertEquals("APPOINTMENT", staff.current().origin());
        assertEquals("预约", staff.current().tagZh());
        assertEquals("Appointment", staff.current().tagEn());
        assertEquals("B000001", staff.current().booking());

        PageProjections.ManagerView manager = PageProjections.manager(frame(at));
        PageProjections.QueueTicket remote = manager.tickets().stream().filter(t -> t.number().equals("E001"))
                .findFirst().orElseThrow();
        assertEquals("REMOTE", remote.origin());
        assertFalse(remote.checkedIn(), "the manager sees it has not checked in");

        String board = new ObjectMapper().findAndRegisterModules()
                .writeValueAsString(BoardProjection.of(frame(at), HALL));
        for (String personal : List.of("139****0002", "137****0003", HASH, "B000001", "APPOINTMENT", "REMOTE", "预约",
                "t".repeat(32))) {
            assertFalse(board.contains(personal), personal + " on the board: " + board);
        }
        PageProjections.TicketView mobile = PageProjections.ticket(frame(at).view(), "r".repeat(32));
        assertEquals("REMOTE", mobile.origin());
        assertFalse(mobile.checkedIn(), "the phone's page can ask the customer to check in");
        assertNull(PageProjections.staff(frame(at), 2).current());
    }
}
