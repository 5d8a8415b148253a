package io.hallq.emulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.emulator.sim.DayPlan.Booking;
import io.hallq.emulator.sim.DayPlan.Remote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who books and who joins remotely: drawn from the customers the scenario draws anyway, as the scenario says. */
class AppointmentPlanTest {

    static final ScenarioReader.Loaded WEEKDAY = ScenarioReader.load(Path.of("../scenarios/weekday.yaml"));
    static final ScenarioReader.Loaded APPOINTMENTS = ScenarioReader.load(Path.of("../scenarios/appointments.yaml"));

    @Test
    void appointments_leaveTheDaysCustomersShiftsAndBreaksAsTheyAre() {
        List<DayPlan> plain = Simulator.plans(WEEKDAY.scenario(), WEEKDAY.hall(), 5, 3);
        List<DayPlan> booked = Simulator.plans(APPOINTMENTS.scenario(), APPOINTMENTS.hall(), 5, 3);
        for (int d = 0; d < 3; d++) {
            assertEquals(plain.get(d).customers(), booked.get(d).customers());
            assertEquals(plain.get(d).shifts(), booked.get(d).shifts());
            assertEquals(plain.get(d).pauses(), booked.get(d).pauses());
            assertEquals(DayPlan.AppointmentPlan.NONE, plain.get(d).appointments());
            assertTrue(booked.get(d).appointments().any());
            assertEquals(plain.get(d), booked.get(d).withoutAppointments());
        }
    }

    @Test
    void sharesNoShowsArrivalAndCheckInDelay_followTheScenario() {
        Scenario.Appointments a = APPOINTMENTS.scenario().appointments();
        List<DayPlan> plans = Simulator.plans(APPOINTMENTS.scenario(), APPOINTMENTS.hall(), 1, 40);
        long openCustomers = 0;
        long openBooked = 0;
        List<Booking> bookings = new ArrayList<>();
        List<Remote> remotes = new ArrayList<>();
        for (DayPlan p : plans) {
            Map<Integer, Customer> byId = new java.util.HashMap<>();
            p.customers().forEach(c -> byId.put(c.id(), c));
            Set<Integer> seen = new HashSet<>();
            Set<String> phones = new HashSet<>();
            for (Booking b : p.appointments().bookings()) {
                assertTrue(phones.add(b.phone()) && b.phone().matches("13[0-9]{9}"), b.phone());
                if (b.comes()) {
                    Customer c = byId.get(b.customer());
                    assertTrue(seen.add(c.id()), "a customer books once");
                    assertEquals(c.service(), b.service());
                    assertEquals(c.customerClass(), b.customerClass());
                    assertEquals(c.arrival(), b.wanted(), "the slot wanted is the time the customer would have come");
                }
                assertTrue(!b.wanted().isBefore(p.open()) && b.wanted().isBefore(p.close()));
            }
            for (Remote r : p.appointments().remotes()) {
                assertTrue(phones.add(r.phone()), r.phone());
                assertTrue(!r.join().isBefore(p.open()));
                if (r.comes()) {
                    Customer c = byId.get(r.customer());
                    assertTrue(seen.add(c.id()), "a customer books or joins remotely, never both");
                    assertEquals(c.arrival(), r.checkIn(), "checks in when the customer would have walked in");
                    assertTrue(!r.join().isAfter(r.checkIn()));
                    assertEquals(c.service(), r.service());
                } else {
                    assertNull(r.checkIn());
                }
            }
            openCustomers += p.customers().stream().filter(c -> c.service().equals("OPEN")).count();
            openBooked += p.appointments().bookings().stream()
                    .filter(b -> b.comes() && b.service().equals("OPEN")).count();
            bookings.addAll(p.appointments().bookings());
            remotes.addAll(p.appointments().remotes());
        }
        assertEquals(a.bookingShare().get("OPEN"), openBooked / (double) openCustomers, 0.05, "OPEN booked share");
        double noShow = bookings.stream().filter(b -> !b.comes()).count() / (double) bookings.size();
        assertEquals(a.bookingNoShow(), noShow, 0.03, "share of bookings nobody comes for");
        double never = remotes.stream().filter(r -> !r.comes()).count() / (double) remotes.size();
        assertEquals(a.remoteNoCheckIn(), never, 0.04, "share of remote tickets never checked in");
        double[] offsets = bookings.stream().mapToDouble(Booking::offsetSeconds).toArray();
        double mean = java.util.Arrays.stream(offsets).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(offsets).map(o -> (o - mean) * (o - mean)).average().orElseThrow());
        assertEquals(a.arrivalOffset().toSeconds(), mean, 40, "mean arrival around the slot (s)");
        assertEquals(a.arrivalSpread().toSeconds(), sd, 40, "spread of arrivals around the slot (s)");
        double delay = plans.stream().flatMap(p -> p.appointments().remotes().stream()
                        .filter(r -> r.comes() && r.checkIn().isAfter(p.open().plusSeconds(3 * 3600))))
                .mapToLong(r -> r.checkIn().getEpochSecond() - r.join().getEpochSecond()).average().orElseThrow();
        assertEquals(a.checkInDelay().toSeconds(), delay, 200, "mean check-in delay (s), of customers coming 3 h after opening (joins not cut at opening)");
    }
}
