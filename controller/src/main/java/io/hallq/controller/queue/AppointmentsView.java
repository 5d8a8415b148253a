package io.hallq.controller.queue;

import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.protocol.event.HallEvent.PlannedHour;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bookings as a query may read them: every answer is an immutable record or list, and every read goes through
 * the {@link QueueView} it came from, so it works only where that view does (on the writer, inside its query).
 * {@link Appointments} itself never leaves the writer.
 */
public final class AppointmentsView {

    private final Supplier<Appointments> live;

    AppointmentsView(Supplier<Appointments> live) {
        this.live = live;
    }

    public AppointmentsConfig rules() { return live.get().rules(); }

    public Optional<Booking> booking(String id) { return live.get().booking(id); }

    /** Every booking of a business day ("2026-12-07"), by slot then id. */
    public List<Booking> bookings(String day) { return live.get().bookings(day); }

    /** A phone's live bookings (not yet checked in, cancelled or lapsed), earliest slot first. */
    public List<Booking> liveBookingsOf(String phoneHash) { return live.get().liveBookingsOf(phoneHash); }

    /** The phone's live remote ticket (waiting or called), if any. */
    public Optional<String> remoteTicketOf(String phoneHash) { return live.get().remoteTicketOf(phoneHash); }

    /** The slots of a day for one service, in time order; empty when the service takes no bookings. */
    public List<BookingSlot> slots(LocalDate day, String service) { return live.get().slots(day, service); }

    /** The slots of a day for every bookable service, by service (as configured) then time. */
    public List<BookingSlot> slots(LocalDate day) { return live.get().slots(day); }

    /** The slot of {@code service} starting at {@code start}. */
    public BookingSlot slot(String service, Instant start) { return live.get().slot(service, start); }

    /** A day's bookings, slots and counts. */
    public DayBookings day(LocalDate day) { return live.get().day(day); }

    /** Live bookings of {@code service} (null: every service) whose slot starts in {@code [from, to)}. */
    public int due(String service, Instant from, Instant to) { return live.get().due(service, from, to); }

    /** The capacity plan in force (empty while the roster applies). */
    public List<PlannedHour> plan() { return List.copyOf(live.get().plan()); }

    /** How the plan in force was made (null: the roster). */
    public String planSource() { return live.get().planSource(); }

    /** Remote tickets of today voided because they never checked in. */
    public int remoteDroppedToday() { return live.get().remoteDroppedToday(); }
}
