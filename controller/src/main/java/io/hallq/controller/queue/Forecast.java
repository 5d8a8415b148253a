package io.hallq.controller.queue;

import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.QueueRules.SelectionPolicy;
import io.hallq.controller.config.RosterConfig;
import io.hallq.controller.config.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the hall forward from now with expected values, the way the engine will run it: every counter calls, when
 * it is free, the waiting customer the selection rule gives it (class head starts, its profile weights, the VIP
 * room and its overflow), for the service's learned mean handling time. What is known ahead is played too:
 * <ul>
 *   <li>counters that the roster opens or closes later (a counter closing finishes its customer; a shift that
 *       ends at closing time serves everyone still waiting), counters back from a break, and the breaks
 *       themselves as a slower pace ({@link RosterConfig});</li>
 *   <li>the customers who will arrive meanwhile at the rates learned today ({@link ArrivalRates}) and, by head
 *       start or counter weight, go before a waiting one (under FCFS nobody overtakes, so none are played);</li>
 *   <li>the booked customers due in the coming hour ({@link #BOOKED_AHEAD}), each arriving in time to use its
 *       head start ({@code min(headStart, checkInBefore)} before its slot, not before now) with the rank it
 *       will get, and taking its service's mean handling time times the share of today's bookings that showed
 *       (of late bookings, for one past its slot): an appointment that goes first delays the walk-ins behind it
 *       (docs/appointments.md).</li>
 *   <li>remote tickets that have not checked in are passed over: they take no counter time.</li>
 * </ul>
 * One pass costs (customers served before the last one asked about) x (queues a counter looks at): the whole
 * queue's estimates come from one pass ({@link #run}), not one pass per ticket.
 */
final class Forecast {

    /** Arrivals rarer than one per this often are played as fractions of a customer at this spacing. */
    private static final double LUMP_SECONDS = 600;
    /** Nothing is played further ahead than this. */
    private static final double HORIZON = Duration.ofHours(6).toSeconds();
    private static final double NEVER = Double.MAX_VALUE;
    /**
     * Expected arrivals count at this share of their learned rate. Played at full rate they made the estimates
     * of long waits too high (mean bias +0.6 to +1.2 min on the month-start days): today's rate is that of the
     * last half hour, and peaks end. Fitted on seed 1 of the shipped scenarios (0.35-0.65 all met the targets),
     * checked on seeds 7 and 13 (docs/simulation.md).
     */
    static final double OVERTAKING_WEIGHT = 0.4;
    /**
     * A booked customer is played as the share of a customer that today's bookings have shown: checked in against
     * checked in or lapsed, starting from this share, worth this many bookings, before the day has any.
     */
    static final double SHOW_PRIOR = 1.0;
    static final double SHOW_PRIOR_WEIGHT = 10;
    /**
     * A booking still not checked in after its slot started is played as the share that late bookings have shown
     * today (checked in after the slot, against lapsed), starting from this share.
     */
    static final double LATE_SHOW_PRIOR = 0.5;
    /**
     * Ties in rank go to the lower order, as the engine gives them to the ticket issued first: a new ticket (the
     * target) goes before a booking of the same rank that has not checked in yet (it checks in later).
     */
    private static final long TARGET_ORDER = Long.MAX_VALUE - 1;
    private static final long BOOKED_ORDER = Long.MAX_VALUE;
    /** Live bookings whose slot starts within this from now are played as customers who will arrive. */
    static final Duration BOOKED_AHEAD = Duration.ofHours(1);

    /** A customer in the forecast: a waiting ticket, the new ticket, or an expected arrival. */
    private static final class Item {
        final Ticket ticket;
        final double rank;
        final long order;
        final double work;
        final double headStart;
        /** Not a customer: marks when a new ticket of its queue would be called, and takes no counter time. */
        final boolean target;

        Item(Ticket ticket, double rank, long order, double work, double headStart, boolean target) {
            this.ticket = ticket;
            this.rank = rank;
            this.order = order;
            this.work = work;
            this.headStart = headStart;
            this.target = target;
        }
    }

    /**
     * Customers of one service, class and VIP-room flag, in queue order: the items (waiting tickets, a new ticket's
     * marker, booked customers), then the expected arrivals played so far. An expected arrival is no object: a
     * forecast late in a busy day plays thousands of them, and they differ only in rank and order (their work and
     * head start are the queue's), so they are kept as two rings of numbers behind the items.
     */
    private static final class Queue {
        final String service;
        final String cls;
        final boolean vipRoom;
        /** Read directly only to count the waiting tickets; otherwise through the methods below. */
        final ArrayDeque<Item> items = new ArrayDeque<>();
        private double[] arrivalRank = new double[0];
        private long[] arrivalOrder = new long[0];
        private int arrivalFirst;
        private int arrivals;
        /** Every expected arrival's work and head start. */
        double arrivalWork;
        double arrivalHeadStart;
        double rate;        // arrivals per second
        double nextArrival = NEVER;
        /** Booked customers expected to check in: {seconds from now they arrive, their rank, show share}, in order. */
        final ArrayDeque<double[]> booked = new ArrayDeque<>();
        double spacing;
        double fraction;

        Queue(String service, String cls, boolean vipRoom) {
            this.service = service;
            this.cls = cls;
            this.vipRoom = vipRoom;
        }

        void add(Item item) {
            if (arrivals > 0) { // never: items are added at load or, booked ones, to queues that have no arrivals
                throw new IllegalStateException("an item behind expected arrivals in " + service + "/" + cls);
            }
            items.addLast(item);
        }

        void arrive(double rank, long order) {
            if (arrivals == arrivalRank.length) {
                int size = Math.max(16, arrivals * 2);
                double[] ranks = new double[size];
                long[] orders = new long[size];
                for (int i = 0; i < arrivals; i++) {
                    ranks[i] = arrivalRank[(arrivalFirst + i) % arrivals];
                    orders[i] = arrivalOrder[(arrivalFirst + i) % arrivals];
                }
                arrivalRank = ranks;
                arrivalOrder = orders;
                arrivalFirst = 0;
            }
            int at = (arrivalFirst + arrivals) % arrivalRank.length;
            arrivalRank[at] = rank;
            arrivalOrder[at] = order;
            arrivals++;
        }

        boolean isEmpty() {
            return items.isEmpty() && arrivals == 0;
        }

        double firstRank() {
            return items.isEmpty() ? arrivalRank[arrivalFirst] : items.getFirst().rank;
        }

        long firstOrder() {
            return items.isEmpty() ? arrivalOrder[arrivalFirst] : items.getFirst().order;
        }

        double firstHeadStart() {
            return items.isEmpty() ? arrivalHeadStart : items.getFirst().headStart;
        }

        /** Takes the first customer: its item, or null for an expected arrival (work {@link #arrivalWork}). */
        Item removeFirst() {
            if (!items.isEmpty()) {
                return items.removeFirst();
            }
            arrivalFirst = (arrivalFirst + 1) % arrivalRank.length;
            arrivals--;
            return null;
        }
    }

    /** One queue as a counter sees it: may it take it, and with which weight. */
    private record Take(Queue queue, double weight) {}

    /** A counter in the forecast: free from {@code free}, may start customers inside its windows. */
    private static final class Desk {
        final CounterState counter;
        final List<double[]> windows;
        final double pace;
        final List<Take> direct = new ArrayList<>();
        final List<Take> overflow = new ArrayList<>();
        double free;
        int window;

        Desk(CounterState counter, List<double[]> windows, double free, double pace) {
            this.counter = counter;
            this.windows = windows;
            this.free = free;
            this.pace = pace;
        }
    }

    private final QueueState state;
    private final HallConfig config;
    private final Instant now;
    private final double nowSeconds;
    private final SelectionPolicy policy;
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    /** Queues by service, then class, then VIP-room flag (no string building per ticket). */
    private final Map<String, Map<String, Queue[]>> byKind = new HashMap<>();
    private final Map<String, Double> workBy = new HashMap<>();
    private final Map<String, Double> headBy = new HashMap<>();
    private final List<Desk> desks = new ArrayList<>();
    private long nextOrder;

    private Forecast(QueueState state, Instant now) {
        this.state = state;
        this.config = state.config();
        this.now = now;
        this.nowSeconds = now.getEpochSecond() + now.getNano() / 1e9;
        this.policy = config.rules().selection();
        this.nextOrder = Long.MAX_VALUE / 2;
    }

    /** Seconds from now until each waiting ticket is called (absent: not within the horizon). */
    static Map<Ticket, Double> run(QueueState state, Instant now) {
        Forecast f = new Forecast(state, now);
        f.load();
        return f.play(true, Map.of()).waiting;
    }

    /**
     * Seconds from now until a new ticket of this service, class and rank would be called, or -1 when no counter
     * will take it within the horizon.
     */
    static double newTicket(QueueState state, String service, String cls, boolean vipRoom, Instant rank,
                            Instant now) {
        Forecast f = new Forecast(state, now);
        f.load();
        Item target = new Item(null, seconds(rank), TARGET_ORDER, 0, f.headStart(cls), true);
        f.queue(service, cls, vipRoom).add(target);
        Double at = f.play(false, Map.of(target, service)).targets.get(service);
        return at == null ? -1 : at;
    }

    /**
     * For each service, seconds from now until a walk-in of {@code cls} taking a ticket now would be called (-1
     * when no counter takes one within the horizon): the same as {@link #newTicket} for each, from one pass (the
     * markers take no counter time, so they do not change each other's answer).
     */
    static Map<String, Double> walkIns(QueueState state, List<String> services, String cls, Instant now) {
        Forecast f = new Forecast(state, now);
        f.load();
        Map<Item, String> targets = new IdentityHashMap<>();
        for (String service : services) {
            Item target = new Item(null, seconds(now), TARGET_ORDER, 0, f.headStart(cls), true);
            f.queue(service, cls, false).add(target);
            targets.put(target, service);
        }
        Map<String, Double> out = new HashMap<>(f.play(false, targets).targets);
        services.forEach(s -> out.putIfAbsent(s, -1.0));
        return out;
    }

    /** Seconds from now until this waiting ticket is called, or -1 when not within the horizon. */
    static double waiting(QueueState state, Ticket ticket, Instant now) {
        Double at = run(state, now).get(ticket);
        return at == null ? -1 : at;
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    // work and headStart are looked up per customer played (thousands per forecast late in a busy day, a forecast
    // at every new ticket): a get and a put, not computeIfAbsent with a lambda that captures this, which allocated
    // one per call (docs/benchmarks.md, "Sixth session").

    private double work(String service) {
        Double w = workBy.get(service);
        if (w == null) {
            w = state.handling().meanSeconds(service);
            workBy.put(service, w);
        }
        return w;
    }

    private double headStart(String cls) {
        Double h = headBy.get(cls);
        if (h == null) {
            h = (double) config.customerClass(cls).map(CustomerClassConfig::priority).orElse(Duration.ZERO)
                    .toSeconds();
            headBy.put(cls, h);
        }
        return h;
    }

    private Queue queue(String service, String cls, boolean vipRoom) {
        Queue[] pair = byKind.computeIfAbsent(service, k -> new HashMap<>()).computeIfAbsent(cls, k -> new Queue[2]);
        int i = vipRoom ? 1 : 0;
        if (pair[i] == null) {
            Queue q = new Queue(service, cls, vipRoom);
            for (Desk d : desks) {
                addTake(d, q);
            }
            pair[i] = q;
            queues.put(service + '/' + cls + '/' + vipRoom, q);
        }
        return pair[i];
    }

    /** Loads the counters, the waiting tickets and the expected arrivals. */
    private void load() {
        for (CounterState c : state.counters()) {
            Desk d = desk(c);
            if (d != null) {
                desks.add(d);
            }
        }
        for (ServiceConfig s : config.services()) {
            if (s.directQueue()) {
                continue;
            }
            double w = work(s.code());
            for (Ticket t : state.waiting(s.code())) {
                // a remote ticket that has not checked in is passed over: it takes no counter time here (its own
                // answer is when it would be called if it checked in now)
                queue(s.code(), t.customerClass(), t.vipRoom()).add(new Item(t, seconds(t.rank()),
                        t.order(), t.checkedIn() ? w : 0, headStart(t.customerClass()), false));
            }
        }
        if (policy == SelectionPolicy.FCFS) {
            return; // later arrivals never go first
        }
        if (policy == SelectionPolicy.AGEING) {
            loadBooked();
        }
        for (ServiceConfig s : config.services()) {
            if (s.directQueue() || !state.serviceState(s.code()).enabled()) {
                continue;
            }
            for (CustomerClassConfig cls : config.classes()) {
                double rate = state.arrivals().perSecond(s.code(), cls.code(), now);
                if (rate <= 0) {
                    continue;
                }
                boolean vip = cls.vipRoom() && Selection.vipRoomTakes(state, s.code(), cls.code());
                Queue q = queue(s.code(), cls.code(), vip);
                q.rate = rate;
                q.spacing = Math.min(1 / rate, LUMP_SECONDS);
                q.fraction = rate * q.spacing * OVERTAKING_WEIGHT;
                q.arrivalWork = work(s.code()) * q.fraction;
                q.arrivalHeadStart = headStart(cls.code());
                q.nextArrival = q.spacing / 2;
            }
        }
    }

    /**
     * The live bookings due from now to {@link #BOOKED_AHEAD} (and those whose window is still open) as arrivals
     * at known times, in a queue of their own per service (ranked by slot, not by arrival).
     */
    private void loadBooked() {
        var rules = config.appointments();
        if (!rules.enabled()) {
            return;
        }
        Duration early = rules.headStart().compareTo(rules.checkInBefore()) < 0 ? rules.headStart()
                : rules.checkInBefore();
        Instant to = now.plus(BOOKED_AHEAD);
        Instant from = now.minus(rules.checkInAfter());
        String cls = config.defaultClass().code();
        Map<String, Queue> byService = new HashMap<>();
        List<Booking> today = state.appointments().bookings(now.atZone(config.hall().zone()).toLocalDate().toString());
        int checkedIn = 0;
        int lateCheckIns = 0;
        int lapsed = 0;
        for (Booking b : today) {
            if (b.status() == Booking.Status.CHECKED_IN) {
                checkedIn++;
                if (b.closedAt() != null && b.closedAt().isAfter(b.slot())) {
                    lateCheckIns++;
                }
            } else if (b.status() == Booking.Status.LAPSED) {
                lapsed++;
            }
        }
        // the share of today's bookings that checked in, and of today's late ones (from the priors at the start)
        double bookedShow = (checkedIn + SHOW_PRIOR * SHOW_PRIOR_WEIGHT) / (checkedIn + lapsed + SHOW_PRIOR_WEIGHT);
        double lateShow = (lateCheckIns + LATE_SHOW_PRIOR * SHOW_PRIOR_WEIGHT)
                / (lateCheckIns + lapsed + SHOW_PRIOR_WEIGHT);
        today.stream()
                .filter(b -> b.live() && b.slot().isBefore(to) && !b.slot().isBefore(from)
                        && state.serviceState(b.service()).enabled())
                .forEach(b -> {
                    Queue q = byService.computeIfAbsent(b.service(), s -> {
                        Queue booked = new Queue(s, cls, false);
                        desks.forEach(d -> addTake(d, booked));
                        queues.put(s + "/booked", booked);
                        return booked;
                    });
                    double rank = seconds(b.slot().minus(early));
                    q.booked.addLast(new double[] {Math.max(0, rank - nowSeconds), rank,
                        b.slot().isBefore(now) ? lateShow : bookedShow});
                });
        for (Queue q : byService.values()) {
            q.nextArrival = q.booked.isEmpty() ? NEVER : q.booked.getFirst()[0];
        }
    }

    private void addTake(Desk d, Queue q) {
        ServiceConfig svc = config.service(q.service).orElseThrow();
        if (svc.directQueue()) {
            return;
        }
        if (Selection.mayTakeDirectly(state, d.counter, q.service, q.cls, q.vipRoom)) {
            d.direct.add(new Take(q, weight(d.counter, q.service, q.cls, false)));
        } else if (d.counter.config().vipRoom() && config.rules().vipRoomOverflow() && !q.vipRoom
                && d.counter.profile().stream().anyMatch(e -> e.service().equals(q.service))) {
            d.overflow.add(new Take(q, weight(d.counter, q.service, q.cls, true)));
        }
    }

    private static double weight(CounterState c, String service, String cls, boolean overflow) {
        for (ProfileEntry e : c.profile()) {
            if (e.service().equals(service) && (overflow || e.accepts(service, cls))) {
                return e.weight().toSeconds();
            }
        }
        return 0;
    }

    /**
     * The counter's windows (seconds from now) in which it may start a customer, or null when it takes nobody
     * from now to the horizon.
     */
    private Desk desk(CounterState c) {
        RosterConfig roster = config.roster();
        ZoneId zone = config.hall().zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        double closeAt = offset(today, config.hours().close(), zone);
        List<double[]> windows = new ArrayList<>();
        double shiftLength = closeAt - offset(today, config.hours().open(), zone);
        double ownEnd = NEVER;
        for (RosterConfig.Shift s : roster.shiftsOf(c.number())) {
            double from = offset(today, s.from(), zone);
            double to = offset(today, s.to(), zone);
            double end = to >= closeAt ? NEVER : to; // the last shift serves everyone still waiting
            if (from <= 0 && to > 0) {
                ownEnd = end;
                shiftLength = to - from;
            } else if (from > 0) {
                windows.add(new double[] {from, end});
            }
        }
        double free;
        if (c.serving()) {
            free = remaining(c);
        } else if (c.status() == io.hallq.protocol.event.HallEvent.CounterStatus.PAUSED
                && roster.breaksPerShift() > 0) {
            double length = roster.breakLength().toSeconds();
            double past = c.changedAt() == null ? length / 2 : Duration.between(c.changedAt(), now).toSeconds();
            free = past < length ? length - past : length / 4; // a break past its length: a little more
        } else {
            free = NEVER;
        }
        if (free != NEVER) {
            windows.addFirst(new double[] {0, ownEnd});
        }
        if (windows.isEmpty()) {
            return null;
        }
        double breaks = roster.breaksPerShift() * (double) roster.breakLength().toSeconds();
        double pace = shiftLength > breaks && breaks > 0 ? shiftLength / (shiftLength - breaks) : 1;
        Desk d = new Desk(c, windows, free == NEVER ? windows.getFirst()[0] : free, pace);
        d.free = Math.max(d.free, windows.getFirst()[0]);
        return d;
    }

    private double offset(LocalDate day, LocalTime t, ZoneId zone) {
        return day.atTime(t).atZone(zone).toEpochSecond() - nowSeconds;
    }

    /**
     * Expected rest of the counter's current customer, given how long it has taken so far: the mean residual of a
     * log-normal handling time with the service's learned mean and spread (a customer who has already taken
     * long is likely to take a while more); 0 when idle.
     */
    private double remaining(CounterState c) {
        Ticket t = c.current() == null ? null : state.ticket(c.current());
        if (t == null || t.calledAt() == null) {
            return 0;
        }
        double mean = work(t.service());
        double elapsed = Math.max(0, Duration.between(t.calledAt(), now).toSeconds());
        return Residual.expected(mean, state.handling().cv(t.service(), Residual.DEFAULT_CV), elapsed);
    }

    private record Played(Map<Ticket, Double> waiting, Map<String, Double> targets) {}

    /**
     * Runs the forecast until every target is reached and (with {@code allWaiting}) every waiting ticket is
     * called, or no counter can take anyone more. Returns seconds from now per waiting ticket and per target.
     */
    private Played play(boolean allWaiting, Map<Item, String> targets) {
        Map<Ticket, Double> out = new HashMap<>();
        Map<String, Double> reached = new HashMap<>();
        int waitingLeft = 0;
        if (allWaiting) {
            for (Queue q : queues.values()) {
                for (Item i : q.items) {
                    if (i.ticket != null) {
                        waitingLeft++;
                    }
                }
            }
        }
        int targetsLeft = targets.size();
        List<Desk> active = new ArrayList<>(desks);
        while (!active.isEmpty() && (targetsLeft > 0 || waitingLeft > 0)) {
            Desk d = earliest(active);
            double t = d.free;
            if (t > HORIZON) {
                break;
            }
            double[] w = d.windows.get(d.window);
            if (t >= w[1]) {
                if (++d.window >= d.windows.size()) {
                    active.remove(d);
                } else {
                    d.free = Math.max(t, d.windows.get(d.window)[0]);
                }
                continue;
            }
            arriveUntil(t);
            Take take = choose(d);
            if (take == null) {
                double next = nextArrival();
                if (next == NEVER) {
                    active.remove(d);
                } else {
                    d.free = Math.max(next, t);
                }
                continue;
            }
            Queue from = take.queue();
            Item item = from.removeFirst();
            if (item == null) { // an expected arrival
                d.free = t + from.arrivalWork * d.pace;
                continue;
            }
            if (item.target) {
                reached.put(targets.get(item), t);
                targetsLeft--;
                continue; // a marker takes no counter time
            }
            if (item.ticket != null && allWaiting) {
                out.put(item.ticket, t);
                waitingLeft--;
            }
            d.free = t + item.work * d.pace;
        }
        return new Played(out, reached);
    }

    private static Desk earliest(List<Desk> active) {
        Desk best = active.getFirst();
        for (Desk d : active) {
            if (d.free < best.free) {
                best = d;
            }
        }
        return best;
    }

    private double nextArrival() {
        double next = NEVER;
        for (Queue q : queues.values()) {
            next = Math.min(next, q.nextArrival);
        }
        return next;
    }

    private void arriveUntil(double t) {
        for (Queue q : queues.values()) {
            if (!q.booked.isEmpty()) {
                while (!q.booked.isEmpty() && q.booked.getFirst()[0] <= t) {
                    double[] b = q.booked.removeFirst();
                    q.add(new Item(null, b[1], BOOKED_ORDER, work(q.service) * b[2], 0, false));
                }
                q.nextArrival = q.booked.isEmpty() ? NEVER : q.booked.getFirst()[0];
                continue;
            }
            while (q.nextArrival <= t && q.nextArrival < HORIZON) {
                double at = q.nextArrival;
                q.arrive(nowSeconds + at - q.arrivalHeadStart, nextOrder++);
                q.nextArrival = at + q.spacing;
            }
        }
    }

    /** The queue whose first customer this counter calls next, by the hall's selection rule. */
    private Take choose(Desk d) {
        Take best = choose(d.direct);
        return best != null ? best : choose(d.overflow);
    }

    private Take choose(List<Take> takes) {
        Take best = null;
        for (Take k : takes) {
            if (k.queue().isEmpty()) {
                continue;
            }
            if (best == null || before(k, best)) {
                best = k;
            }
        }
        return best;
    }

    private boolean before(Take a, Take b) {
        Queue x = a.queue();
        Queue y = b.queue();
        int cmp = switch (policy) {
            case AGEING -> Double.compare(x.firstRank() - a.weight(), y.firstRank() - b.weight());
            case FCFS -> 0;
            case STRICT_PRIORITY -> Double.compare(y.firstHeadStart(), x.firstHeadStart());
        };
        return cmp != 0 ? cmp < 0 : x.firstOrder() < y.firstOrder();
    }
}
