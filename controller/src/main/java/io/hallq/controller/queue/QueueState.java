package io.hallq.controller.queue;

import io.hallq.controller.config.CounterConfig;
import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.AlarmCleared;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import io.hallq.protocol.event.HallEvent.CounterChanged;
import io.hallq.protocol.event.HallEvent.CounterProfileChanged;
import io.hallq.protocol.event.HallEvent.DayStarted;
import io.hallq.protocol.event.HallEvent.NoticePosted;
import io.hallq.protocol.event.HallEvent.ServiceChanged;
import io.hallq.protocol.event.HallEvent.ServiceRated;
import io.hallq.protocol.event.HallEvent.TicketCalled;
import io.hallq.protocol.event.HallEvent.TicketIssued;
import io.hallq.protocol.event.HallEvent.TicketNoShow;
import io.hallq.protocol.event.HallEvent.TicketPrinted;
import io.hallq.protocol.event.HallEvent.TicketRecalled;
import io.hallq.protocol.event.HallEvent.TicketServed;
import io.hallq.protocol.event.HallEvent.TicketTransferred;
import io.hallq.protocol.event.HallEvent.TicketVoided;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The queue's state, changed only by applying events. Applying the journal's events in order rebuilds
 * exactly the state the engine had, which is what makes restarts resume the day.
 */
public final class QueueState {

    private final HallConfig config;
    private final Map<String, Ticket> live = new HashMap<>();
    private final Map<String, NavigableSet<Ticket>> waiting = new HashMap<>();
    private final Map<Integer, CounterState> counters = new TreeMap<>();
    private final Map<String, ServiceChanged> serviceStates = new HashMap<>();
    private final Map<String, Integer> nextNumber = new HashMap<>();
    private final Map<String, AlarmRaised> alarms = new LinkedHashMap<>();
    /** The latest board notice (it may have expired or been withdrawn), or null. */
    private NoticePosted notice;
    private final HandlingTimes handling;
    private final ArrivalRates arrivals = new ArrivalRates();
    private final Appointments appointments;
    private String day;
    private Instant lastAt = Instant.EPOCH;
    private long issued;
    private Instant crowdedSince;

    public QueueState(HallConfig config) {
        this.config = config;
        this.handling = new HandlingTimes(config);
        this.appointments = new Appointments(this);
        for (ServiceConfig s : config.services()) {
            waiting.put(s.code(), new TreeSet<>(Ticket.BY_RANK));
            nextNumber.put(s.code(), s.numberFrom());
            serviceStates.put(s.code(), new ServiceChanged(Instant.EPOCH, s.code(), s.enabled(),
                    s.disabledMessageZh(), s.disabledMessageEn()));
        }
        for (CounterConfig c : config.counters()) {
            counters.put(c.number(), new CounterState(c));
        }
    }

    /**
     * Rebuilds a state from a snapshot taken with the same hall configuration.
     *
     * @throws IllegalStateException naming what no longer matches when the configuration changed incompatibly
     */
    public static QueueState restore(HallConfig config, QueueSnapshot snap) {
        QueueState s = new QueueState(config);
        s.day = snap.day();
        s.lastAt = snap.lastAt();
        s.issued = snap.issued();
        s.crowdedSince = snap.crowdedSince();
        snap.nextNumbers().forEach((code, n) -> s.nextNumber.put(s.known(code), n));
        snap.services().forEach(st -> s.serviceStates.put(s.known(st.service()), st));
        snap.handlingSamples().forEach((code, list) -> list.forEach(v -> s.handling.record(s.known(code), v)));
        for (QueueSnapshot.CounterSnap c : snap.counters()) {
            CounterState counter = s.counters.get(c.number());
            if (counter == null) {
                throw new IllegalStateException("snapshot has counter " + c.number() + ", the configuration has not");
            }
            counter.status(c.status());
            counter.current(c.current());
            if (c.profile() != null) {
                counter.profile(c.profile());
            }
            counter.lastServed(c.lastServed());
        }
        snap.tickets().forEach(s::restoreTicket);
        snap.alarms().forEach(a -> s.alarms.put(a.alarmId(), a));
        s.notice = snap.notice();
        s.appointments.restore(snap.appointments());
        return s;
    }

    /**
     * What the estimates need of this state, taken on the writer thread in one pass (plain records, no sorting
     * beyond the snapshot's), to be made into a separate {@link QueueState} on another thread with
     * {@link Detached#restore()}: the pages' estimates are computed there, off the writer.
     */
    public Detached detach() {
        Map<Integer, Instant> changed = new HashMap<>();
        counters.values().forEach(c -> changed.put(c.number(), c.changedAt()));
        return new Detached(config, QueueSnapshot.of(this), arrivals.copy(), changed);
    }

    /**
     * A detached copy of a state; {@link #view()} builds it on whichever thread calls it, as a state of its own that
     * only that thread reads (it shares nothing with the writer's).
     */
    public record Detached(HallConfig config, QueueSnapshot snapshot, ArrivalRates arrivals,
                           Map<Integer, Instant> changedAt) {
        QueueState restore() {
            QueueState s = QueueState.restore(config, snapshot);
            s.arrivals.copyFrom(arrivals);
            changedAt.forEach((n, at) -> s.counters.get(n).changedAt(at));
            return s;
        }

        /** The restored copy, to be read on the calling thread alone. */
        public QueueView view() {
            return QueueView.of(restore());
        }
    }

    private void restoreTicket(QueueSnapshot.TicketSnap t) {
        Ticket ticket = new Ticket(t.number(), known(t.service()), t.customerClass(), t.issuedAt(), t.rank(),
                t.order(), t.vipRoom(), t.phoneMasked(), t.token());
        if (t.status() == Ticket.Status.CALLED) {
            ticket.called(t.counter(), t.calledAt());
            ticket.recalled(t.recalls());
        }
        if (t.requeued()) {
            ticket.markRequeued();
        }
        ticket.markOverdue(t.overdue());
        ticket.markAwaitingPrint(Boolean.TRUE.equals(t.awaitingPrint()));
        ticket.origin(t.origin(), t.booking(), t.phoneHash());
        if (t.checkedIn() != null && t.checkedIn()) {
            ticket.checkIn();
        }
        if (t.passedOverAt() != null) {
            ticket.passedOver(t.passedOverAt());
        }
        if (!ticket.checkedIn()) {
            appointments.remoteIssued(ticket.number());
        }
        live.put(ticket.number(), ticket);
        if (ticket.status() == Ticket.Status.WAITING) {
            waiting.get(ticket.service()).add(ticket);
        }
    }

    private String known(String service) {
        if (!waiting.containsKey(service)) {
            throw new IllegalStateException("snapshot has service " + service + ", the configuration has not");
        }
        return service;
    }

    public HallConfig config() { return config; }
    /** The business day, or null before the first day started. */
    public String day() { return day; }
    /** Time of the latest event: the effective clock never goes behind it. */
    public Instant lastAt() { return lastAt; }
    public Ticket ticket(String number) { return live.get(number); }
    public Collection<Ticket> liveTickets() { return live.values(); }
    /** Waiting tickets of a service in queue order. */
    public NavigableSet<Ticket> waiting(String service) { return waiting.get(service); }
    public CounterState counter(int number) { return counters.get(number); }
    public Collection<CounterState> counters() { return counters.values(); }
    public ServiceChanged serviceState(String service) { return serviceStates.get(service); }
    public int nextNumber(String service) { return nextNumber.get(service); }
    public Map<String, AlarmRaised> alarms() { return alarms; }
    /** The bookings, the capacity plan and the remote tickets' counts; its reads return immutable records. */
    public Appointments appointments() { return appointments; }

    /** The board notice showing at {@code now}, if any (not expired, not withdrawn). */
    public java.util.Optional<NoticePosted> notice(Instant now) {
        return notice != null && now.isBefore(notice.until()) ? java.util.Optional.of(notice)
                : java.util.Optional.empty();
    }

    /** The latest notice as journaled, expired or not; for snapshots. */
    NoticePosted latestNotice() { return notice; }

    /** Paper tickets whose printing was never confirmed, in issue order. */
    public List<Ticket> awaitingPrint() {
        return live.values().stream().filter(Ticket::awaitingPrint)
                .sorted(java.util.Comparator.comparingLong(Ticket::order)).toList();
    }
    public HandlingTimes handling() { return handling; }
    /** Today's learned arrival rates per service and class. */
    public ArrivalRates arrivals() { return arrivals; }
    public long issuedCount() { return issued; }
    /** Since when the hall has been over the escalation threshold, or null. */
    public Instant crowdedSince() { return crowdedSince; }

    /**
     * Customers waiting in the hall: every waiting ticket but the remote tickets not checked in yet (their
     * customers are on their way; the engine passes them over until they check in). What the alarm rules, the
     * counter advice and the hall's busy level count.
     */
    public int waitingCount() {
        int n = 0;
        for (NavigableSet<Ticket> q : waiting.values()) {
            n += q.size();
        }
        for (String number : appointments.uncheckedRemote()) { // a few at most: one per phone, held for minutes
            Ticket t = live.get(number);
            if (t != null && t.status() == Ticket.Status.WAITING) {
                n--;
            }
        }
        return n;
    }

    /**
     * How many more counters should open now so that the waiting customers and their work fit the early-warning
     * threshold and the wait target (what the early warning asks for, computed on the current queue).
     */
    public long countersToOpen() {
        return Alarms.countersToOpen(this, waitingCount(), config.alarms().earlyWarningPerCounter());
    }

    /** Counters still missing once every closed counter is open ({@link #countersToOpen} cannot cover them). */
    public long counterShortfall() {
        return Alarms.shortfall(this, waitingCount(), config.alarms().earlyWarningPerCounter());
    }

    public long openCounters() {
        return counters.values().stream().filter(CounterState::serving).count();
    }

    /** Applies one event. Events are facts: applying never fails for events the engine produced. */
    public void apply(HallEvent event) {
        switch (event) {
            case DayStarted e -> startDay(e);
            case TicketIssued e -> issue(e);
            case TicketCalled e -> call(e);
            case TicketRecalled e -> live(e.ticket()).recalled(e.count());
            case TicketNoShow e -> noShow(e);
            case TicketServed e -> served(e);
            case TicketTransferred e -> transferred(e);
            case TicketVoided e -> voided(e);
            case CounterChanged e -> counterChanged(e);
            case CounterProfileChanged e -> counters.get(e.counter()).profile(profileOf(e));
            case ServiceChanged e -> serviceStates.put(e.service(), e);
            case AlarmRaised e -> raised(e);
            case AlarmCleared e -> alarms.remove(e.alarmId());
            case ServiceRated e -> counters.get(e.counter()).lastServed(null);
            case TicketPrinted e -> live(e.ticket()).markAwaitingPrint(false);
            case NoticePosted e -> notice = e;
            // the notification module keeps its own view of these (io.hallq.controller.notify)
            case HallEvent.NotificationRequested e -> { }
            case HallEvent.NotificationSent e -> { }
            case HallEvent.NotificationDelivered e -> { }
            case HallEvent.NotificationFailed e -> { }
            case HallEvent.BookingMade e -> appointments.made(e);
            case HallEvent.BookingCancelled e -> appointments.cancelled(e);
            case HallEvent.BookingLapsed e -> appointments.lapsed(e);
            case HallEvent.BookingCapacityPlanned e -> appointments.planned(e);
            case HallEvent.TicketCheckedIn e -> {
                live(e.ticket()).checkIn();
                appointments.remoteSettled(e.ticket());
            }
            case HallEvent.TicketPassedOver e -> live(e.ticket()).passedOver(e.at());
        }
        if (event.at().isAfter(lastAt)) {
            lastAt = event.at();
        }
        trackCrowding(event);
    }

    private void startDay(DayStarted e) {
        day = e.day();
        live.clear();
        waiting.values().forEach(NavigableSet::clear);
        config.services().forEach(s -> nextNumber.put(s.code(), s.numberFrom()));
        counters.values().forEach(CounterState::reset);
        alarms.clear();
        crowdedSince = null;
        arrivals.startDay(e.at());
        appointments.startDay(e.day());
    }

    private void issue(TicketIssued e) {
        Ticket t = new Ticket(e.ticket(), e.service(), e.customerClass(), e.at(), e.rank(), ++issued,
                e.vipRoom(), e.phoneMasked(), e.token());
        t.markAwaitingPrint(e.paper());
        t.origin(e.origin(), e.booking(), e.phoneHash());
        if (e.booking() != null) {
            appointments.checkedIn(e.booking(), e.ticket(), e.at());
        }
        if (!t.checkedIn()) {
            appointments.remoteIssued(t.number());
        }
        live.put(t.number(), t);
        waiting.get(t.service()).add(t);
        nextNumber.merge(e.service(), 1, Integer::sum);
        if (e.origin() == null || e.origin() == HallEvent.TicketOrigin.WALK_IN) {
            // the forecast plays bookings from the booking book and remote tickets from the queue: counted as
            // arrivals too, they would be played twice
            arrivals.issued(e.at(), e.service(), e.customerClass());
        }
    }

    private void call(TicketCalled e) {
        Ticket t = live(e.ticket());
        waiting.get(t.service()).remove(t);
        t.called(e.counter(), e.at());
        counters.get(e.counter()).current(t.number());
    }

    private void noShow(TicketNoShow e) {
        Ticket t = live(e.ticket());
        counters.get(e.counter()).current(null);
        if (e.requeued()) {
            t.markRequeued();
            t.waitAgain(t.service(), t.rank());
            waiting.get(t.service()).add(t);
        } else {
            live.remove(t.number());
        }
    }

    private void served(TicketServed e) {
        Ticket t = live.remove(e.ticket());
        appointments.remoteSettled(e.ticket());
        counters.get(e.counter()).lastServed(t.number());
        if (t.status() == Ticket.Status.CALLED) {
            counters.get(e.counter()).current(null);
        } else {
            waiting.get(t.service()).remove(t); // a direct-queue ticket closed at the window
        }
        if (e.handlingSeconds() >= 0) {
            handling.record(t.service(), e.handlingSeconds());
        }
    }

    private void transferred(TicketTransferred e) {
        Ticket t = live(e.ticket());
        counters.get(e.counter()).current(null);
        t.waitAgain(e.toService(), e.rank());
        waiting.get(e.toService()).add(t);
    }

    private void voided(TicketVoided e) {
        Ticket t = live.remove(e.ticket());
        appointments.remoteSettled(e.ticket());
        if (t.booking() != null && t.awaitingPrint() && t.status() == Ticket.Status.WAITING) {
            // its paper never reached the customer (the print failed, or the power went before it was confirmed):
            // the booking checks in again at the dispenser instead of being spent on a ticket nobody holds
            appointments.reopened(t.booking(), t.number());
        }
        if (Appointments.REMOTE_NOT_CHECKED_IN.equals(e.reason())) {
            appointments.remoteDropped();
        }
        if (t.status() == Ticket.Status.CALLED) {
            counters.get(t.counter()).current(null);
        } else {
            waiting.get(t.service()).remove(t);
        }
    }

    private void counterChanged(CounterChanged e) {
        CounterState c = counters.get(e.counter());
        c.status(e.status());
        c.changedAt(e.at());
        if (e.status() == HallEvent.CounterStatus.OPEN) {
            crowdedSince = null; // opening a counter restarts the escalation clock (Xiamen rule)
        }
    }

    private static List<ProfileEntry> profileOf(CounterProfileChanged e) {
        return e.profile().stream()
                .map(l -> new ProfileEntry(l.service(), l.classes(), Duration.ofSeconds(l.weightSeconds())))
                .toList();
    }

    private void raised(AlarmRaised e) {
        alarms.put(e.alarmId(), e);
        if (e.kind() == HallEvent.AlarmKind.TICKET_OVERDUE) {
            Ticket t = live.get(e.alarmId().substring(e.alarmId().indexOf(':') + 1));
            if (t != null) {
                t.markOverdue(true);
            }
        }
    }

    /** Keeps the start of the current crowded stretch, for the escalation alarm. */
    private void trackCrowding(HallEvent event) {
        boolean crowded = Alarms.perCounter(this, true) > config.alarms().escalationPerCounter();
        if (!crowded) {
            crowdedSince = null;
        } else if (crowdedSince == null) {
            crowdedSince = event.at();
        }
    }

    private Ticket live(String number) {
        Ticket t = live.get(number);
        if (t == null) {
            throw new IllegalStateException("event refers to ticket " + number + " which is not live");
        }
        return t;
    }
}
