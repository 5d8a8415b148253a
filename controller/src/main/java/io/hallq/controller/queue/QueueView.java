package io.hallq.controller.queue;

import io.hallq.controller.config.HallConfig;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import io.hallq.protocol.event.HallEvent.NoticePosted;
import io.hallq.protocol.event.HallEvent.ServiceChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the queue: what a {@code HallController.query} is handed instead of the live {@link QueueState}.
 * Everything it returns is immutable (records, copied collections, numbers), so nothing a read takes away changes
 * under it or lets another thread see the writer's state: {@link QueueState}, {@link Ticket} and
 * {@link CounterState} never leave the writer thread (an architecture test keeps it so).
 *
 * <p>A view made for a query ({@link #confined}) works only on the thread that made it and only until the query
 * returns: one kept past its query, or handed to another thread, throws {@link IllegalStateException}. A view of a
 * state a single thread owns by itself (the simulator's engine, a detached copy, a test's engine) is made with
 * {@link #of} and is not confined.
 */
public final class QueueView {

    private final QueueState state;
    /** The only thread that may read through this view, or null when not confined. */
    private final Thread owner;
    private boolean open = true;

    private QueueView(QueueState state, Thread owner) {
        this.state = state;
        this.owner = owner;
    }

    /** A view of a state that only the calling thread uses (no writer shares it). */
    public static QueueView of(QueueState state) {
        return new QueueView(state, null);
    }

    /** A view for one query on the writer: valid on this thread until {@link #close()}. */
    public static QueueView confined(QueueState state) {
        return new QueueView(state, Thread.currentThread());
    }

    /** Ends a confined view: any later read through it throws. */
    public void close() {
        open = false;
    }

    private QueueState s() {
        if (owner != null && (Thread.currentThread() != owner || !open)) {
            throw new IllegalStateException("a view of the queue is read only inside its query, on the writer thread"
                    + " (read on " + Thread.currentThread().getName() + (open ? "" : ", after its query") + ")");
        }
        return state;
    }

    /** The state itself, for the queue package's own tests and tools. */
    QueueState state() {
        return s();
    }

    public HallConfig config() { return s().config(); }

    /** The business day, or null before the first day started. */
    public String day() { return s().day(); }

    /** Time of the latest event: the effective clock never goes behind it. */
    public Instant lastAt() { return s().lastAt(); }

    /** A live ticket (waiting or called), or null when none has that number. */
    public TicketView ticket(String number) {
        Ticket t = s().ticket(number);
        return t == null ? null : TicketView.of(t);
    }

    /** The live ticket holding mobile {@code token}, if any (one pass, no copy of the queue). */
    public Optional<TicketView> ticketByToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        for (Ticket t : s().liveTickets()) {
            if (token.equals(t.token())) {
                return Optional.of(TicketView.of(t));
            }
        }
        return Optional.empty();
    }

    /** Every live ticket, in the order they were issued. */
    public List<TicketView> liveTickets() {
        List<Ticket> live = new ArrayList<>(s().liveTickets());
        live.sort(Comparator.comparingLong(Ticket::order));
        List<TicketView> out = new ArrayList<>(live.size());
        live.forEach(t -> out.add(TicketView.of(t)));
        return Collections.unmodifiableList(out);
    }

    /** The waiting tickets of a service, in queue order. */
    public List<TicketView> waiting(String service) {
        return waiting(service, Integer.MAX_VALUE);
    }

    /** The first {@code max} waiting tickets of a service, in queue order (no copy of the rest). */
    public List<TicketView> waiting(String service, int max) {
        var q = s().waiting(service);
        if (q == null) {
            return List.of();
        }
        List<TicketView> out = new ArrayList<>(Math.min(max, q.size()));
        for (Ticket t : q) {
            if (out.size() >= max) {
                break;
            }
            out.add(TicketView.of(t));
        }
        return Collections.unmodifiableList(out);
    }

    public int waitingCount() { return s().waitingCount(); }

    public int waitingCount(String service) {
        var q = s().waiting(service);
        return q == null ? 0 : q.size();
    }

    /** Waiting tickets of a service per class code (classes with none left out). */
    public Map<String, Integer> waitingByClass(String service) {
        var q = s().waiting(service);
        Map<String, Integer> out = new HashMap<>();
        if (q != null) {
            q.forEach(t -> out.merge(t.customerClass(), 1, Integer::sum));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Paper tickets whose printing was never confirmed, in issue order. */
    public List<TicketView> awaitingPrint() {
        return s().awaitingPrint().stream().map(TicketView::of).toList();
    }

    /** A counter, or null when the hall has no counter of that number. */
    public CounterView counter(int number) {
        CounterState c = s().counter(number);
        return c == null ? null : CounterView.of(c);
    }

    /** Every counter, by number. */
    public List<CounterView> counters() {
        return s().counters().stream().map(CounterView::of).toList();
    }

    public ServiceChanged serviceState(String service) { return s().serviceState(service); }

    public int nextNumber(String service) { return s().nextNumber(service); }

    /** The active alarms by id, in the order they were raised (a copy). */
    public Map<String, AlarmRaised> alarms() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(s().alarms()));
    }

    /** The board notice showing at {@code now}, if any (not expired, not withdrawn). */
    public Optional<NoticePosted> notice(Instant now) { return s().notice(now); }

    /** The learned mean handling time of a service, in seconds. */
    public double meanHandlingSeconds(String service) { return s().handling().meanSeconds(service); }

    public long issuedCount() { return s().issuedCount(); }

    /** Since when the hall has been over the escalation threshold, or null. */
    public Instant crowdedSince() { return s().crowdedSince(); }

    /** {@link QueueState#countersToOpen()}. */
    public long countersToOpen() { return s().countersToOpen(); }

    /** {@link QueueState#counterShortfall()}. */
    public long counterShortfall() { return s().counterShortfall(); }

    public long openCounters() { return s().openCounters(); }

    /** The people ahead of a waiting ticket and its remaining wait ({@link Estimator#forWaiting}); empty if not waiting. */
    public Optional<Estimator.Estimate> estimate(String ticket, Instant now) {
        QueueState st = s();
        Ticket t = st.ticket(ticket);
        return t == null || t.status() != Ticket.Status.WAITING ? Optional.empty()
                : Optional.of(Estimator.forWaiting(st, t, now));
    }

    /** {@link Estimator#forAllWaiting}, by ticket number. */
    public Map<String, Estimator.Estimate> estimatesOfAllWaiting(Instant now) {
        return byNumber(Estimator.forAllWaiting(s(), now));
    }

    /** {@link Estimator#peopleAheadOfAll}, by ticket number (waits needing the forecast are {@link Estimator#NOT_FORECAST}). */
    public Map<String, Estimator.Estimate> peopleAheadOfAll() {
        return byNumber(Estimator.peopleAheadOfAll(s()));
    }

    /** {@link Estimator#waitNow}: the wait the hall states for a service now. */
    public long waitNow(String service, Instant now) { return Estimator.waitNow(s(), service, now); }

    /** {@link Estimator#waitNowAll}. */
    public Map<String, Long> waitNowAll(Instant now) { return Map.copyOf(Estimator.waitNowAll(s(), now)); }

    /** {@link Estimator#forWalkIn}: what a walk-in taking a ticket for {@code service} now would be told. */
    public Estimator.Estimate forWalkIn(String service, Instant now) { return Estimator.forWalkIn(s(), service, now); }

    /** A detached copy of the state, to be restored and read on another thread ({@link QueueState#detach()}). */
    /** Today's and coming days' bookings, read through this view. */
    public AppointmentsView appointments() { return new AppointmentsView(() -> s().appointments()); }

    public QueueState.Detached detach() { return s().detach(); }

    private static Map<String, Estimator.Estimate> byNumber(Map<Ticket, Estimator.Estimate> byTicket) {
        Map<String, Estimator.Estimate> out = HashMap.newHashMap(byTicket.size());
        byTicket.forEach((t, e) -> out.put(t.number(), e));
        return Collections.unmodifiableMap(out);
    }
}
