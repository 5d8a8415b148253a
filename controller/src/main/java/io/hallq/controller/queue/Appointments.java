package io.hallq.controller.queue;

import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.config.CounterConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.protocol.event.HallEvent.BookingCancelled;
import io.hallq.protocol.event.HallEvent.BookingCapacityPlanned;
import io.hallq.protocol.event.HallEvent.BookingLapsed;
import io.hallq.protocol.event.HallEvent.BookingMade;
import io.hallq.protocol.event.HallEvent.PlannedHour;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hall's bookings and the capacity plan, part of {@link QueueState}: changed only by applying events (on the
 * writer), read through the query methods, which return immutable records ({@link Booking}, {@link BookingSlot},
 * {@link DayBookings}). The capacity rule is documented on {@link BookingSlot} and in docs/appointments.md.
 */
public final class Appointments {

    /** The reason of a {@code TicketVoided} for a remote ticket that never checked in within the hold limit. */
    public static final String REMOTE_NOT_CHECKED_IN = "remote ticket not checked in";

    private final QueueState state;
    private final HallConfig config;
    private final AppointmentsConfig rules;
    private final ZoneId zone;
    private final Map<String, Booking> bookings = new LinkedHashMap<>();
    /** Bookings ever made in this hall: the next id is one more. */
    private long made;
    /** Counters expected per weekday * 100 + hour; null while no plan was journaled (the roster applies). */
    private Map<Integer, Integer> plan;
    private String planSource;
    private List<PlannedHour> planHours = List.of();
    private int remoteDropped;
    /** The earliest check-in window end of a live booking (nothing lapses before it), or null when none is live. */
    private Instant nextLapse;
    /** Remote tickets that have not checked in yet (waiting), by number: what the hold limit looks at. */
    private final java.util.Set<String> unchecked = new java.util.LinkedHashSet<>();

    Appointments(QueueState state) {
        this.state = state;
        this.config = state.config();
        this.rules = config.appointments();
        this.zone = config.hall().zone();
    }

    // ---- reads (writer thread, inside a query): immutable records out ----

    public AppointmentsConfig rules() { return rules; }

    public Optional<Booking> booking(String id) {
        return Optional.ofNullable(bookings.get(id));
    }

    /** Every booking of a business day ("2026-12-07"), by slot then id. */
    public List<Booking> bookings(String day) {
        return bookings.values().stream().filter(b -> b.day().equals(day))
                .sorted(Comparator.comparing(Booking::slot).thenComparing(Booking::id)).toList();
    }

    /** A phone's live bookings (not yet checked in, cancelled or lapsed), earliest slot first. */
    public List<Booking> liveBookingsOf(String phoneHash) {
        return bookings.values().stream().filter(b -> b.live() && b.phoneHash().equals(phoneHash))
                .sorted(Comparator.comparing(Booking::slot)).toList();
    }

    /** The phone's live remote ticket (waiting or called), if any. */
    public Optional<String> remoteTicketOf(String phoneHash) {
        return state.liveTickets().stream()
                .filter(t -> t.origin() == io.hallq.protocol.event.HallEvent.TicketOrigin.REMOTE
                        && phoneHash.equals(t.phoneHash()))
                .map(Ticket::number).findFirst();
    }

    /** The slots of a day for one service, in time order; empty when the service takes no bookings. */
    public List<BookingSlot> slots(LocalDate day, String service) {
        if (!rules.takes(service)) {
            return List.of();
        }
        List<BookingSlot> out = new ArrayList<>();
        for (Instant start : slotStarts(day)) {
            out.add(slot(service, start));
        }
        return out;
    }

    /** The slots of a day for every bookable service, by service (as configured) then time. */
    public List<BookingSlot> slots(LocalDate day) {
        List<BookingSlot> out = new ArrayList<>();
        rules.services().forEach(s -> out.addAll(slots(day, s)));
        return out;
    }

    /** The slot of {@code service} starting at {@code start} (which the caller knows to be on the grid). */
    public BookingSlot slot(String service, Instant start) {
        Instant end = start.plus(rules.slotLength());
        int counters = countersAt(start);
        double budget = budgetSeconds(counters);
        double used = 0;
        int booked = 0;
        for (Booking b : bookings.values()) {
            if (b.holdsRoom() && b.slot().equals(start)) {
                used += handlingSeconds(b.service());
                if (b.service().equals(service)) {
                    booked++;
                }
            }
        }
        double each = handlingSeconds(service);
        int capacity = (int) Math.floor(budget / each + 1e-9);
        int left = (int) Math.max(0, Math.floor((budget - used) / each + 1e-9));
        return new BookingSlot(service, start, end, counters, capacity, booked, left);
    }

    /** A day's bookings, slots and counts. */
    public DayBookings day(LocalDate day) {
        List<Booking> list = bookings(day.toString());
        int booked = 0;
        int checkedIn = 0;
        int cancelled = 0;
        int lapsed = 0;
        for (Booking b : list) {
            switch (b.status()) {
                case BOOKED -> booked++;
                case CHECKED_IN -> checkedIn++;
                case CANCELLED -> cancelled++;
                case LAPSED -> lapsed++;
            }
        }
        int dropped = day.toString().equals(state.day()) ? remoteDropped : 0;
        return new DayBookings(day.toString(), list, slots(day), booked, checkedIn, cancelled, lapsed, dropped);
    }

    /**
     * Live bookings of {@code service} (null: every service) whose slot starts in {@code [from, to)}: the
     * appointments due that the walk-ins' estimates count.
     */
    public int due(String service, Instant from, Instant to) {
        int n = 0;
        for (Booking b : bookings.values()) {
            if (b.live() && (service == null || b.service().equals(service))
                    && !b.slot().isBefore(from) && b.slot().isBefore(to)) {
                n++;
            }
        }
        return n;
    }

    /** The capacity plan in force (empty while the roster applies) and how it was made (null: the roster). */
    public List<PlannedHour> plan() { return planHours; }

    public String planSource() { return planSource; }

    /** Remote tickets of today voided because they never checked in. */
    public int remoteDroppedToday() { return remoteDropped; }

    // ---- the rule's parts ----

    /** Slot starts of a day: on the slot grid (from the hour), wholly inside the opening hours. */
    List<Instant> slotStarts(LocalDate day) {
        List<Instant> out = new ArrayList<>();
        LocalTime open = config.hours().open();
        LocalTime close = config.hours().close();
        long openMin = open.toSecondOfDay() / 60 + (open.toSecondOfDay() % 60 == 0 ? 0 : 1);
        long closeMin = close.equals(LocalTime.MIDNIGHT) ? 24 * 60 : close.toSecondOfDay() / 60;
        long step = rules.slotMinutes();
        for (long m = 0; m + step <= closeMin; m += step) {
            if (m >= openMin) {
                out.add(ZonedDateTime.of(day, LocalTime.MIDNIGHT.plusMinutes(m), zone).toInstant());
            }
        }
        return out;
    }

    /** True when {@code start} is one of its day's slot starts. */
    boolean onGrid(Instant start) {
        return slotStarts(localDay(start)).contains(start);
    }

    LocalDate localDay(Instant at) {
        return LocalDateTime.ofInstant(at, zone).toLocalDate();
    }

    /**
     * Counters the plan expects in the hour of {@code at}; the roster's count (at that time) where the plan has no
     * figure for the hour (no plan yet, or the profile saw no day of it).
     */
    int countersAt(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        Integer planned = plan == null ? null : plan.get(local.getDayOfWeek().getValue() * 100 + local.getHour());
        return planned != null ? planned : rosterAt(local.toLocalTime());
    }

    /** Counters the hall's roster has working at {@code t}: shifts where given, else those open at the start. */
    private int rosterAt(LocalTime t) {
        int n = 0;
        for (CounterConfig c : config.counters()) {
            if (c.vipRoom() && !config.rules().vipRoomOverflow()
                    || c.profile().stream().allMatch(e -> config.service(e.service()).map(ServiceConfig::directQueue)
                            .orElse(true))) {
                continue; // the VIP room kept for its own, or a direct-queue window: no booked customer goes there
            }
            var shifts = config.roster().shiftsOf(c.number());
            boolean on = shifts.isEmpty() ? c.openAtStart()
                    : shifts.stream().anyMatch(s -> !s.from().isAfter(t) && s.to().isAfter(t));
            n += on ? 1 : 0;
        }
        return n;
    }

    double budgetSeconds(int counters) {
        return counters * rules.share() * rules.slotLength().toSeconds();
    }

    /** The mean handling time of one customer of the service: learned today, the configured guess before. */
    double handlingSeconds(String service) {
        double mean = state.handling().meanSeconds(service);
        if (mean > 0) {
            return mean;
        }
        return config.service(service).map(ServiceConfig::handlingTime).map(Duration::toSeconds).orElse(600L);
    }

    String nextId() {
        return String.format("B%06d", made + 1);
    }

    // ---- applying events (QueueState.apply) ----

    void made(BookingMade e) {
        made++;
        Instant from = e.slot().minus(rules.checkInBefore());
        Instant until = e.slot().plus(rules.checkInAfter());
        bookings.put(e.booking(), new Booking(e.booking(), e.service(), localDay(e.slot()).toString(), e.slot(),
                e.slot().plusSeconds(e.slotMinutes() * 60L), from, until, e.phoneMasked(), e.phoneHash(), e.token(),
                e.channel(), e.by(), e.at(), Booking.Status.BOOKED, null, null, null));
        if (nextLapse == null || until.isBefore(nextLapse)) {
            nextLapse = until;
        }
    }

    private void recomputeNextLapse() {
        nextLapse = null;
        for (Booking b : bookings.values()) {
            if (b.live() && (nextLapse == null || b.checkInUntil().isBefore(nextLapse))) {
                nextLapse = b.checkInUntil();
            }
        }
    }

    void cancelled(BookingCancelled e) {
        bookings.computeIfPresent(e.booking(), (k, b) -> b.closed(Booking.Status.CANCELLED, e.at(), null, e.reason()));
        recomputeNextLapse();
    }

    void lapsed(BookingLapsed e) {
        bookings.computeIfPresent(e.booking(), (k, b) -> b.closed(Booking.Status.LAPSED, e.at(), null, null));
        recomputeNextLapse();
    }

    void checkedIn(String booking, String ticket, Instant at) {
        bookings.computeIfPresent(booking, (k, b) -> b.closed(Booking.Status.CHECKED_IN, at, ticket, null));
        recomputeNextLapse();
    }

    /**
     * The appointment ticket {@code ticket} left the queue before the customer held it: its booking is booked
     * again (its check-in window and lapse as before), so the customer can check in once more.
     */
    void reopened(String booking, String ticket) {
        bookings.computeIfPresent(booking, (k, b) -> b.status() == Booking.Status.CHECKED_IN
                && ticket.equals(b.ticket()) ? b.closed(Booking.Status.BOOKED, null, null, null) : b);
        recomputeNextLapse();
    }

    /** A remote ticket was taken (it waits for its check-in). */
    void remoteIssued(String ticket) {
        unchecked.add(ticket);
    }

    /** The ticket checked in, or left the queue: the hold limit no longer looks at it. */
    void remoteSettled(String ticket) {
        unchecked.remove(ticket);
    }

    /** Remote tickets waiting for their check-in, in the order they were taken. */
    java.util.Collection<String> uncheckedRemote() {
        return unchecked;
    }

    void planned(BookingCapacityPlanned e) {
        Map<Integer, Integer> p = new HashMap<>();
        e.hours().forEach(h -> p.put(h.weekday() * 100 + h.hour(), h.counters()));
        plan = p;
        planSource = e.source();
        planHours = e.hours();
    }

    void remoteDropped() {
        remoteDropped++;
    }

    /** A new business day: closed bookings of earlier days are forgotten (the journal keeps them). */
    void startDay(String day) {
        bookings.values().removeIf(b -> !b.live() && b.day().compareTo(day) < 0);
        remoteDropped = 0;
        unchecked.clear(); // the day's tickets are gone
    }

    /** Live bookings whose check-in window closed by {@code now}, by window end. */
    List<Booking> toLapse(Instant now) {
        if (nextLapse == null || now.isBefore(nextLapse)) {
            return List.of(); // the common case: nothing to look at
        }
        return bookings.values().stream().filter(b -> b.live() && !now.isBefore(b.checkInUntil()))
                .sorted(Comparator.comparing(Booking::checkInUntil).thenComparing(Booking::id)).toList();
    }

    // ---- snapshots ----

    /** What a snapshot keeps of the bookings. */
    public record Snap(long made, List<Booking> bookings, List<PlannedHour> plan, String planSource,
                       int remoteDropped) {}

    Snap snap() {
        return new Snap(made, List.copyOf(bookings.values()), plan == null ? null : planHours, planSource,
                remoteDropped);
    }

    void restore(Snap s) {
        if (s == null) {
            return;
        }
        made = s.made();
        s.bookings().forEach(b -> bookings.put(b.id(), b));
        if (s.plan() != null) {
            planned(new BookingCapacityPlanned(Instant.EPOCH, s.plan(), s.planSource()));
        }
        remoteDropped = s.remoteDropped();
        recomputeNextLapse();
    }
}
