package io.hallq.emulator.sim;

import io.hallq.controller.appointments.BookingCapacityModule;
import io.hallq.controller.appointments.PhoneHasher;
import io.hallq.controller.config.CounterConfig;
import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.queue.Appointments;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.CounterState;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.RejectReason;
import io.hallq.controller.queue.Result;
import io.hallq.controller.stats.HallStatistics;
import io.hallq.controller.stats.ProfileBuilder;
import io.hallq.emulator.sim.DayPlan.Pause;
import io.hallq.emulator.sim.Scenario.Shift;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.TicketCalled;
import io.hallq.protocol.event.HallEvent.TicketIssued;
import io.hallq.protocol.event.HallEvent.TicketServed;
import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.stats.DailyStatistics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One business day on a virtual clock: an agenda of timed steps (arrivals, end of service, shifts, breaks, the
 * minute tick) drives the real engine. Staff behave like staff: a free counter calls next, a counter whose shift
 * or break is due finishes its customer first, counters open at the end of the day serve whoever is still
 * waiting before they close.
 */
final class DaySimulation {

    private static final Duration SET_UP = Duration.ofMinutes(30);

    private record Step(Instant at, long seq, Runnable action) {}

    private final QueueEngine engine;
    private final HallConfig hall;
    private final DayPlan plan;
    private final Recorder out;
    private final boolean appointments;
    private final PriorityQueue<Step> agenda = new PriorityQueue<>(
            (a, b) -> a.at.equals(b.at) ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
    private final Map<String, Customer> byTicket = new HashMap<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private final Set<String> transferred = new HashSet<>();
    private final Set<Integer> closing = new HashSet<>();
    private final Set<Integer> closeWhenIdle = new HashSet<>();
    private final Map<Integer, Long> pauseDue = new HashMap<>();
    /** The day's visits by ticket, in the order the customers came. */
    private final Map<String, Visit> visits = new LinkedHashMap<>();
    private long seq;
    private Instant now;

    /** A day with everybody walking in (the plan's appointments are not used). */
    DaySimulation(QueueEngine engine, DayPlan plan, Recorder out) {
        this(engine, plan, out, false);
    }

    /**
     * @param appointments the plan's customers who book or join remotely do so (the hall must take bookings), and
     *                     the booking capacity is planned each day; false: everybody walks in
     */
    DaySimulation(QueueEngine engine, DayPlan plan, Recorder out, boolean appointments) {
        this.appointments = appointments && engine.state().config().appointments().enabled();
        this.engine = engine;
        this.hall = engine.state().config();
        this.plan = plan;
        this.out = out;
        this.now = plan.open().minus(SET_UP);
    }

    void run() {
        // staff arrive before opening: outside opening hours the engine closes yesterday's leftovers and starts the day
        submit(new Command.Tick());
        for (CounterConfig c : hall.counters()) {
            boolean onShift = plan.shifts().stream().anyMatch(s -> s.counter() == c.number()
                    && !atTime(s.from()).isAfter(now) && atTime(s.to()).isAfter(now));
            if (onShift != counter(c.number()).serving()) {
                submit(onShift ? new Command.OpenCounter(c.number()) : new Command.CloseCounter(c.number()));
            }
        }
        for (Shift s : plan.shifts()) {
            if (atTime(s.from()).isAfter(now)) {
                at(atTime(s.from()), () -> startShift(s.counter()));
            }
            at(atTime(s.to()), () -> endShift(s.counter(), !atTime(s.to()).isBefore(plan.close())));
        }
        for (Pause p : plan.pauses()) {
            at(p.at(), () -> pause(p.counter(), p.seconds()));
        }
        Set<Integer> appointed = appointments ? plan.appointments().customers() : Set.of();
        if (appointments) {
            appointments(); // booked and remote customers
        }
        for (Customer c : plan.customers()) {
            if (!appointed.contains(c.id())) {
                at(c.arrival(), () -> arrive(c));
            }
        }
        at(now.plusSeconds(60), this::tick);
        while (!agenda.isEmpty()) {
            Step s = agenda.poll();
            now = s.at;
            s.action.run();
        }
        out.visits(List.copyOf(visits.values()));
    }

    private Instant atTime(java.time.LocalTime t) {
        return plan.date().atTime(t).atZone(hall.hall().zone()).toInstant();
    }

    private void at(Instant when, Runnable action) {
        agenda.add(new Step(when, seq++, action));
    }

    private CounterState counter(int n) {
        return engine.state().counter(n);
    }

    private Result submit(Command c) {
        Result r = engine.handle(c, now);
        for (HallEvent e : r.events()) {
            out.event(e);
            switch (e) {
                case TicketCalled called -> called(called);
                case TicketServed served -> out.served(served);
                case HallEvent.BookingLapsed lapsed -> out.count(Recorder.Tally.LAPSED_BY_ENGINE);
                case HallEvent.TicketVoided v when Appointments.REMOTE_NOT_CHECKED_IN.equals(v.reason()) ->
                        out.count(Recorder.Tally.REMOTE_DROPPED);
                default -> { }
            }
        }
        return r;
    }

    private void arrive(Customer c) {
        walkIn(c, Visit.Kind.WALK_IN, null);
    }

    /** The customer takes a ticket at the dispenser (a walk-in, or one whose booking or remote ticket is gone). */
    private void walkIn(Customer c, Visit.Kind kind, Instant slot) {
        Result r = submit(new Command.IssueTicket(c.service(), c.customerClass(), null, null));
        TicketIssued issued = issued(r, c);
        if (issued != null) {
            visit(issued.ticket(), c, kind, slot, null);
        }
        dispatch();
    }

    /** The ticket the result issued, recorded as this customer's (its sample taken), or null. */
    private TicketIssued issued(Result r, Customer c) {
        for (HallEvent e : r.events()) {
            if (e instanceof TicketIssued issued) {
                byTicket.put(issued.ticket(), c);
                boolean busy = busy(issued.at());
                out.issued(plan.date().toString(), issued, oracle(issued), target(issued.customerClass(), busy), busy);
                return issued;
            }
        }
        return null;
    }

    private boolean busy(Instant at) {
        return hall.hours().isBusy(LocalDateTime.ofInstant(at, hall.hall().zone()));
    }

    /** The customer is in the hall now, holding {@code ticket}. */
    private void visit(String ticket, Customer c, Visit.Kind kind, Instant slot, Instant joined) {
        String cls = engine.state().ticket(ticket).customerClass();
        visits.put(ticket, new Visit(plan.date().toString(), c.id(), kind, c.service(), cls, now, slot, joined,
                target(cls, busy(now)), null));
    }

    private long target(String customerClass, boolean busy) {
        CustomerClassConfig cls = hall.customerClass(customerClass).orElse(hall.defaultClass());
        return (busy ? cls.busyTarget() : cls.quietTarget()).toSeconds();
    }

    /** People ahead x mean handling time (all services so far) / open counters that take this ticket. */
    private long oracle(TicketIssued t) {
        int able = 0;
        for (CounterState c : engine.state().counters()) {
            if (c.serving() && c.config().vipRoom() == t.vipRoom()
                    && c.config().profile().stream().anyMatch(e -> e.accepts(t.service(), t.customerClass()))) {
                able++;
            }
        }
        return able == 0 ? -1 : Math.round(t.peopleAhead() * out.meanHandlingSeconds() / able);
    }

    private void called(TicketCalled e) {
        Customer c = byTicket.get(e.ticket());
        if (c == null) { // not one of today's customers (cannot happen after a clean day start): serve it as average
            long mean = Math.round(engine.state().handling().meanSeconds(engine.state().ticket(e.ticket()).service()));
            c = new Customer(-1, e.at(), null, null, mean, false, false, null, 0);
        }
        Customer customer = c;
        int n = calls.merge(e.ticket(), 1, Integer::sum);
        if (n == 1) {
            out.firstCall(e.ticket(), e.at());
            visits.computeIfPresent(e.ticket(), (k, v) -> v.calledAt(e.at()));
        }
        boolean present = !c.absentFirstCall() || (n > 1 && c.backOnSecondCall());
        int counter = e.counter();
        String ticket = e.ticket();
        if (!present) {
            at(now.plusSeconds(60), () -> {
                if (ticket.equals(counter(counter).current())) {
                    submit(new Command.NoShow(counter));
                    next(counter);
                }
            });
            return;
        }
        long seconds = transferred.contains(ticket) ? c.secondSeconds() : c.handlingSeconds();
        at(now.plusSeconds(seconds), () -> done(counter, ticket, customer));
    }

    private void done(int counter, String ticket, Customer c) {
        if (!ticket.equals(counter(counter).current())) {
            return;
        }
        if (c.transferTo() != null && transferred.add(ticket)) {
            submit(new Command.Transfer(counter, c.transferTo()));
        }
        next(counter);
    }

    /** The counter is done with its customer (or has none): close, take a break or call the next one. */
    private void next(int counter) {
        if (closing.remove(counter)) {
            submit(new Command.CloseCounter(counter));
            return;
        }
        Long pause = pauseDue.remove(counter);
        if (pause != null) {
            submit(new Command.Pause(counter));
            at(now.plusSeconds(pause), () -> resume(counter));
            return;
        }
        submit(new Command.CallNext(counter));
        if (closeWhenIdle.contains(counter)) {
            sweepEndOfDay();
        }
    }

    /**
     * After the last shift: VIP-room counters close as soon as they find nobody to call (their closing lets the
     * ordinary counters take the VIP customers still waiting); the others stay until nobody waits in the hall.
     */
    private void sweepEndOfDay() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int n : closeWhenIdle.stream().sorted().toList()) {
                CounterState c = counter(n);
                if (c.current() == null && c.serving()) {
                    submit(new Command.CallNext(n));
                }
                if (c.current() == null && (c.config().vipRoom() || engine.state().waitingCount() == 0)) {
                    closeWhenIdle.remove(n);
                    submit(new Command.CloseCounter(n));
                    changed = true;
                }
            }
        }
    }

    /** Customers nobody still open may serve: the last counters close and the next day voids the tickets. */
    private void giveUpIfStuck() {
        boolean allIdle = engine.state().counters().stream().allMatch(c -> c.current() == null);
        if (!closeWhenIdle.isEmpty() && allIdle && engine.state().waitingCount() > 0 && agenda.isEmpty()) {
            for (int n : closeWhenIdle.stream().sorted().toList()) {
                submit(new Command.CloseCounter(n));
            }
            closeWhenIdle.clear();
        }
    }

    private void dispatch() {
        for (CounterState c : engine.state().counters()) {
            if (c.idle() && !closing.contains(c.number()) && !pauseDue.containsKey(c.number())) {
                submit(new Command.CallNext(c.number()));
            }
        }
    }

    private void startShift(int counter) {
        closing.remove(counter);
        closeWhenIdle.remove(counter);
        if (!counter(counter).serving()) {
            submit(new Command.OpenCounter(counter));
        }
        dispatch();
    }

    /** Mid-day the counter closes after its customer; at the end of the day it first serves everyone waiting. */
    private void endShift(int counter, boolean endOfDay) {
        CounterState c = counter(counter);
        pauseDue.remove(counter);
        if (c.status() == HallEvent.CounterStatus.CLOSED) {
            return;
        }
        if (c.current() == null && (!endOfDay || c.status() != HallEvent.CounterStatus.OPEN)) {
            submit(new Command.CloseCounter(counter));
        } else if (endOfDay) {
            closeWhenIdle.add(counter);
            if (c.current() == null) {
                sweepEndOfDay();
            }
        } else {
            closing.add(counter);
        }
    }

    private void pause(int counter, long seconds) {
        CounterState c = counter(counter);
        if (!c.serving() || closing.contains(counter) || closeWhenIdle.contains(counter)) {
            return;
        }
        if (c.current() == null) {
            submit(new Command.Pause(counter));
            at(now.plusSeconds(seconds), () -> resume(counter));
        } else {
            pauseDue.put(counter, seconds);
        }
    }

    private void resume(int counter) {
        if (counter(counter).status() == HallEvent.CounterStatus.PAUSED) {
            submit(new Command.Resume(counter));
            dispatch();
        }
    }

    private void tick() {
        submit(new Command.Tick());
        out.minute(now, engine.state().waitingCount(), (int) engine.state().openCounters());
        if (!now.isBefore(plan.close())) {
            giveUpIfStuck();
        }
        boolean over = !now.isBefore(plan.close()) && agenda.isEmpty();
        if (!over && Duration.between(plan.close(), now).toHours() < 6) {
            at(now.plusSeconds(60), this::tick);
        }
    }

    // ---- appointments (预约) and remote tickets (线上取号) ----

    /** The simulator's own key for the phones' keyed hashes (a hall makes its own). */
    private static final PhoneHasher PHONES = PhoneHasher.withKey("hallq simulator phone key, not a hall's".getBytes(
            java.nio.charset.StandardCharsets.UTF_8));
    /** Someone who booked or joined remotely and never comes: absent whenever called (the engine should not call). */
    private static final Customer NOBODY = new Customer(-1, Instant.EPOCH, null, null, 20, true, false, null, 0);

    /**
     * At set-up: the booking capacity planned as the controller plans it, then the day's bookings (made ahead, in
     * the order of the times wanted); the remote joins, check-ins and arrivals go on the agenda.
     */
    private void appointments() {
        planCapacity();
        Map<Integer, Customer> byId = new HashMap<>();
        plan.customers().forEach(c -> byId.put(c.id(), c));
        for (DayPlan.Booking b : plan.appointments().bookings()) {
            Customer c = b.comes() ? byId.get(b.customer()) : null;
            Instant slot = book(b);
            if (slot == null) {
                out.count(Recorder.Tally.REFUSED);
                if (c != null) {
                    at(c.arrival(), () -> arrive(c)); // no slot near the time wanted: walks in as without bookings
                }
                continue;
            }
            out.count(Recorder.Tally.BOOKED);
            if (c == null) {
                out.count(Recorder.Tally.NO_SHOW);
                continue;
            }
            Instant arrival = within(slot.plusSeconds(b.offsetSeconds()));
            at(arrival, () -> checkIn(c, b, slot, false));
        }
        for (DayPlan.Remote r : plan.appointments().remotes()) {
            Customer c = r.comes() ? byId.get(r.customer()) : null;
            at(r.join(), () -> join(c, r));
        }
    }

    /**
     * As the controller's {@link BookingCapacityModule} does at each new day: Erlang C's counters per weekday hour
     * from the busy/idle profile of the closed days (here the run's earlier days), capped at the hall's counters.
     * Hours the profile never saw (the first week's weekdays) keep the roster's count, which is the scenario's shifts.
     */
    private void planCapacity() {
        String today = plan.date().toString();
        List<DailyStatistics> closed = HallStatistics.of(hall, out.events()).stream()
                .filter(d -> d.day().compareTo(today) < 0).toList();
        if (closed.isEmpty()) {
            return;
        }
        List<HallEvent.PlannedHour> hours = BookingCapacityModule.hours(hall, ProfileBuilder.build(hall.hall().id(), closed));
        if (!hours.isEmpty()) {
            submit(new Command.PlanBookingCapacity(hours, BookingCapacityModule.SOURCE));
        }
    }

    /**
     * Books the slot starting nearest the time wanted, or when it cannot be had (full, or past the last slot) the
     * next, the one before, or the one after that: the slot booked, or null when none was free.
     */
    private Instant book(DayPlan.Booking b) {
        long slotSeconds = hall.appointments().slotLength().toSeconds();
        java.time.ZonedDateTime wanted = b.wanted().atZone(hall.hall().zone());
        long intoDay = wanted.toLocalTime().toSecondOfDay() + slotSeconds / 2;
        Instant nearest = wanted.toLocalDate().atStartOfDay(hall.hall().zone()).toInstant()
                .plusSeconds(intoDay - intoDay % slotSeconds);
        for (int i : new int[] {0, 1, -1, 2}) {
            Instant slot = nearest.plusSeconds(i * slotSeconds);
            Result r = submit(new Command.Book(b.service(), slot, PhoneNumber.mask(b.phone()), PHONES.hash(b.phone()),
                    null, "web"));
            if (r instanceof Result.Accepted) {
                if (i != 0) {
                    out.count(Recorder.Tally.MOVED);
                }
                return slot;
            }
        }
        return null;
    }

    /** Inside opening hours: nobody takes a ticket before the doors open or after they close. */
    private Instant within(Instant t) {
        return t.isBefore(plan.open()) ? plan.open() : t.isBefore(plan.close()) ? t : plan.close().minusSeconds(60);
    }

    /**
     * A booked customer types the phone number at the dispenser: an appointment ticket within the window; before it,
     * the customer waits for the window to open; after it, the booking has lapsed and the customer takes a walk-in
     * ticket.
     */
    private void checkIn(Customer c, DayPlan.Booking b, Instant slot, boolean waitedForWindow) {
        Result r = submit(new Command.CheckIn(c.service(), c.customerClass(), PhoneNumber.mask(b.phone()),
                PHONES.hash(b.phone()), null, false, false));
        if (r instanceof Result.Rejected rej && rej.reason() == RejectReason.CHECK_IN_TOO_EARLY && !waitedForWindow) {
            out.count(Recorder.Tally.EARLY);
            Instant opens = slot.minus(hall.appointments().checkInBefore());
            at(opens.isAfter(now) ? opens : now.plusSeconds(60), () -> checkIn(c, b, slot, true));
            return;
        }
        TicketIssued issued = issued(r, c);
        if (issued != null && issued.originOrWalkIn() == HallEvent.TicketOrigin.APPOINTMENT) {
            out.count(Recorder.Tally.CHECKED_IN);
            visit(issued.ticket(), c, Visit.Kind.BOOKED, slot, null);
            dispatch();
        } else {
            out.count(Recorder.Tally.LAPSED_LATE);
            walkIn(c, Visit.Kind.LAPSED, slot);
        }
    }

    /** Joins the queue from the phone; the customer checks in when they would have walked in (never: nobody). */
    private void join(Customer c, DayPlan.Remote r) {
        Result res = submit(new Command.JoinRemote(r.service(), r.customerClass(), PhoneNumber.mask(r.phone()),
                PHONES.hash(r.phone()), null));
        TicketIssued issued = issued(res, c == null ? NOBODY : c);
        if (issued == null) {
            out.count(Recorder.Tally.REMOTE_REFUSED);
            if (c != null) {
                at(r.checkIn(), () -> arrive(c)); // walks in as without remote tickets
            }
            return;
        }
        out.count(Recorder.Tally.REMOTE_JOINED);
        if (c == null) {
            out.count(Recorder.Tally.REMOTE_NEVER);
            return;
        }
        Instant joined = now;
        at(r.checkIn(), () -> remoteCheckIn(c, r, issued.ticket(), joined));
        dispatch();
    }

    private void remoteCheckIn(Customer c, DayPlan.Remote r, String ticket, Instant joined) {
        Result res = submit(new Command.CheckIn(r.service(), r.customerClass(), PhoneNumber.mask(r.phone()),
                PHONES.hash(r.phone()), null, false, false));
        if (res.events().stream().anyMatch(e -> e instanceof HallEvent.TicketCheckedIn t && t.ticket().equals(ticket))) {
            out.count(Recorder.Tally.REMOTE_CHECKED_IN);
            visit(ticket, c, Visit.Kind.REMOTE, null, joined);
            dispatch();
        } else {
            out.count(Recorder.Tally.REMOTE_VOIDED);
            walkIn(c, Visit.Kind.REMOTE_VOIDED, null); // the hall gave the place up before the customer came
        }
    }
}
