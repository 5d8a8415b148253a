package io.hallq.controller.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.BookingSlot;
import io.hallq.controller.queue.Command;
import io.hallq.controller.stats.ErlangC;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.PlannedHour;
import io.hallq.protocol.stats.BusyIdleProfile;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Booking capacity from the staffing advice: the plan, and what the engine makes of it. */
class BookingCapacityModuleTest {

    @TempDir
    Path dir;

    private static final Instant ELEVEN = Instant.parse("2026-11-23T03:00:00Z"); // Monday 11:00 Shanghai

    private HallConfig config() {
        return TestHalls.small(dir).withAppointments(new AppointmentsConfig(true, true, List.of("OPEN", "PAY", "BILL"),
                0.5, Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofMinutes(30), 7, 1));
    }

    @Test
    void thePlan_isErlangCPerHourTheProfileSaw_cappedAtTheHallsCounters() {
        HallConfig c = config();
        BusyIdleProfile profile = new BusyIdleProfile("test-hall", "2026-10-26", "2026-11-22", List.of(
                new BusyIdleProfile.Slot(DayOfWeek.MONDAY, 10, 4, 12, 600, 300),
                new BusyIdleProfile.Slot(DayOfWeek.MONDAY, 11, 4, 300, 600, 900)));
        List<PlannedHour> hours = BookingCapacityModule.hours(c, profile);
        assertEquals(2, hours.size(), hours.toString());
        long target = io.hallq.controller.stats.StaffingAdvice.targetSeconds(c, DayOfWeek.MONDAY, 10);
        assertEquals(new PlannedHour(1, 10, ErlangC.countersNeeded(12, 600, target, 0.8)), hours.get(0));
        assertEquals(new PlannedHour(1, 11, io.hallq.controller.stats.StaffingAdvice.hallCounters(c)), hours.get(1),
                "300 an hour would need far more counters than the hall has");
    }

    @Test
    void aPlannedHour_setsTheSlotsCapacity_andHoursWithoutAFigureKeepTheRoster() {
        try (HallController hall = HallController.start(config(), new MutableClock(TestHalls.MONDAY_10AM),
                Duration.ZERO)) {
            hall.submit(new Command.Tick()).join(); // the business day starts
            var plan = new Command.PlanBookingCapacity(List.of(new PlannedHour(1, 11, 1)), "erlang-c");
            assertEquals(1, hall.submit(plan).join().events().size());
            assertEquals(0, hall.submit(plan).join().events().size(), "the plan in force is not journaled again");
            BookingSlot eleven = hall.query(s -> s.appointments().slot("OPEN", ELEVEN)).join();
            assertEquals(1, eleven.counters());
            assertEquals(1, eleven.capacity(), "1 counter x 0.5 x 30 min / 10 min = 1.5: one booking");
            BookingSlot noon = hall.query(s -> s.appointments().slot("OPEN", ELEVEN.plusSeconds(3600))).join();
            assertEquals(3, noon.counters(), "no figure for 12:00: the roster's three counters that take OPEN");
            assertTrue(hall.submit(new Command.PlanBookingCapacity(List.of(new PlannedHour(8, 11, 1)), "erlang-c"))
                    .join().result() instanceof io.hallq.controller.queue.Result.Rejected);
        }
    }

    @Test
    void theModule_journalsAPlanAtStart() throws Exception {
        HallConfig c = config();
        try (HallController hall = HallController.start(c, new MutableClock(TestHalls.MONDAY_10AM), Duration.ZERO);
             BookingCapacityModule module = new BookingCapacityModule()) {
            module.start(new HallContext(hall, new LoadedConfig(c, null, dir.resolve("hall.yaml")),
                    new MutableClock(TestHalls.MONDAY_10AM)));
            for (int i = 0; i < 50_000 && hall.eventsAfter(0, 1000).stream()
                    .noneMatch(e -> e.event() instanceof HallEvent.BookingCapacityPlanned); i++) {
                hall.query(s -> null).join();
                Thread.onSpinWait();
            }
            HallEvent.BookingCapacityPlanned p = hall.eventsAfter(0, 1000).stream()
                    .map(e -> e.event()).filter(e -> e instanceof HallEvent.BookingCapacityPlanned)
                    .map(e -> (HallEvent.BookingCapacityPlanned) e).findFirst().orElseThrow();
            assertEquals(BookingCapacityModule.SOURCE, p.source());
            assertEquals(List.of(), p.hours(), "no closed day yet: no figure, the roster holds");
        }
    }
}
