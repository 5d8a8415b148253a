package io.hallq.controller.queue;

import io.hallq.controller.config.ServiceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * The wait estimate printed on a new ticket, stated for a service and shown on the pages. With counters that can
 * take the ticket it is a {@link Forecast}: the hall played forward from now, counter by counter, by the hall's own
 * selection rule, with what is known ahead (counters the roster opens or closes, breaks, and the customers who
 * will arrive at today's learned rates and go first by class or counter weight). When no counter that may take it
 * will open, it falls back to the work ahead over the counters that could. The simulator measures it against the
 * plain queue-length estimate (docs/simulation.md).
 */
public final class Estimator {

    /** People ahead and estimated wait; {@code waitSeconds} is -1 when no counter serves the service. */
    public record Estimate(int peopleAhead, long waitSeconds) {}

    private Estimator() {}

    static Estimate forNewTicket(QueueState state, String service, String cls, boolean vipRoom, Instant rank,
                                 Instant now) {
        Estimate e = estimate(state, service, cls, vipRoom, t -> !t.rank().isAfter(rank),
                () -> Forecast.newTicket(state, service, cls, vipRoom, rank, now));
        int booked = bookedAhead(state, service, cls, vipRoom, rank, now);
        return booked == 0 ? e : new Estimate(e.peopleAhead() + booked, e.waitSeconds());
    }

    /**
     * Booked customers due in the coming hour ({@link Forecast#BOOKED_AHEAD}) who will go before a new ticket of
     * this rank at the counters that may take it: they count among the people ahead, as the forecast counts their
     * time in the wait.
     */
    private static int bookedAhead(QueueState state, String service, String cls, boolean vipRoom, Instant rank,
                                   Instant now) {
        var rules = state.config().appointments();
        if (!rules.enabled() || state.config().rules().selection() != io.hallq.controller.config.QueueRules
                .SelectionPolicy.AGEING || state.config().service(service).orElseThrow().directQueue()) {
            return 0;
        }
        java.time.Duration early = rules.headStart().compareTo(rules.checkInBefore()) < 0 ? rules.headStart()
                : rules.checkInBefore();
        List<CounterState> able = counters(state, service, cls, vipRoom);
        String walkIn = state.config().defaultClass().code();
        Instant to = now.plus(Forecast.BOOKED_AHEAD);
        Instant from = now.minus(rules.checkInAfter());
        int n = 0;
        for (Booking b : state.appointments().bookings(now.atZone(state.config().hall().zone()).toLocalDate()
                .toString())) {
            if (b.live() && b.slot().isBefore(to) && !b.slot().isBefore(from)
                    && b.slot().minus(early).isBefore(rank)
                    && able.stream().anyMatch(c -> Selection.mayTakeDirectly(state, c, b.service(), walkIn, false))) {
                n++;
            }
        }
        return n;
    }

    /** What a customer of the hall's default class taking a ticket for {@code service} now would be told. */
    public static Estimate forWalkIn(QueueState state, String service, Instant now) {
        String cls = state.config().defaultClass().code();
        return forNewTicket(state, service, cls, false, now, now);
    }

    /**
     * The wait this hall states for a service now wherever it is set against a nearby hall's: in its MQTT
     * status, on the board's nearby-hall line and behind the ticket's. It is a walk-in's estimate
     * ({@link #forWalkIn}) while an open counter may take the ticket, and -1 while none may: nobody serves the
     * service here now, so the wait is unknown (the ticket's estimate then assumes that the counters that
     * could take it open, which may be a while).
     */
    public static long waitNow(QueueState state, String service, Instant now) {
        ServiceConfig svc = state.config().service(service).orElseThrow();
        if (svc.directQueue()) {
            return direct(state, service).waitSeconds();
        }
        String cls = state.config().defaultClass().code();
        boolean served = state.counters().stream()
                .anyMatch(c -> c.serving() && Selection.mayTakeDirectly(state, c, service, cls, false));
        return served ? forWalkIn(state, service, now).waitSeconds() : -1;
    }

    /** {@link #waitNow} for every service, from one forecast (the pages show them all after every change). */
    public static Map<String, Long> waitNowAll(QueueState state, Instant now) {
        String cls = state.config().defaultClass().code();
        List<String> forecastFor = new ArrayList<>();
        Map<String, Long> out = new HashMap<>();
        for (ServiceConfig svc : state.config().services()) {
            boolean served = state.counters().stream()
                    .anyMatch(c -> c.serving() && Selection.mayTakeDirectly(state, c, svc.code(), cls, false));
            if (svc.directQueue()) {
                out.put(svc.code(), direct(state, svc.code()).waitSeconds());
            } else if (!served) {
                out.put(svc.code(), -1L);
            } else {
                forecastFor.add(svc.code());
            }
        }
        Map<String, Double> f = forecastFor.isEmpty() ? Map.of() : Forecast.walkIns(state, forecastFor, cls, now);
        for (String service : forecastFor) {
            double wait = f.get(service);
            out.put(service, wait >= 0 ? Math.round(wait)
                    : forWalkIn(state, service, now).waitSeconds()); // the fallback, as for a single service
        }
        return out;
    }

    /** The people ahead of a waiting ticket and its remaining wait, by the same rule as at issue. */
    public static Estimate forWaiting(QueueState state, Ticket ticket, Instant now) {
        return estimate(state, ticket.service(), ticket.customerClass(), ticket.vipRoom(),
                t -> Ticket.BY_RANK.compare(t, ticket) < 0, () -> Forecast.waiting(state, ticket, now));
    }

    /**
     * {@link #forWaiting} for every waiting ticket at once, from one forecast and one pass over the queue, so that
     * the pages' view costs about the same per ticket with 2,000 waiting as with 20.
     */
    public static Map<Ticket, Estimate> forAllWaiting(QueueState state, Instant now) {
        return all(state, Forecast.run(state, now));
    }

    /** Marks a wait {@link #peopleAheadOfAll} leaves to the forecast. */
    public static final long NOT_FORECAST = Long.MIN_VALUE;

    /**
     * The people ahead of every waiting ticket, by the same rule as {@link #forAllWaiting}, without playing the
     * hall forward: one pass over the queue. Waits that need the forecast are {@link #NOT_FORECAST}; those that do
     * not (the direct queue, no counter able) are given.
     */
    public static Map<Ticket, Estimate> peopleAheadOfAll(QueueState state) {
        return all(state, null);
    }

    private static Map<Ticket, Estimate> all(QueueState state, Map<Ticket, Double> forecast) {
        Map<Ticket, Estimate> out = new HashMap<>();
        List<Ticket> waiting = new ArrayList<>();
        for (ServiceConfig s : state.config().services()) {
            waiting.addAll(state.waiting(s.code()));
        }
        waiting.sort(Ticket.BY_RANK);
        // people ahead: for each kind of ticket (service, class, VIP room) the running count of the waiting
        // tickets, in queue order, that the counters able to take that kind take
        Kinds kinds = new Kinds(state);
        int[] kindOf = new int[waiting.size()];
        for (int i = 0; i < waiting.size(); i++) {
            kindOf[i] = kinds.of(waiting.get(i));
        }
        boolean[][] counts = kinds.matrix();
        int[] seen = new int[kinds.size()];
        for (int i = 0; i < waiting.size(); i++) {
            Ticket t = waiting.get(i);
            int k = kindOf[i];
            List<CounterState> able = kinds.able(k);
            if (state.config().service(t.service()).orElseThrow().directQueue()) {
                out.put(t, direct(state, t.service()));
            } else if (able.isEmpty()) {
                out.put(t, new Estimate(seen[k], -1));
            } else if (forecast == null) {
                out.put(t, new Estimate(seen[k], NOT_FORECAST));
            } else {
                Double f = forecast.get(t);
                long wait = f != null ? Math.round(f) : Math.round(workOver(state, able, t));
                out.put(t, new Estimate(seen[k], wait));
            }
            for (int j = 0; j < seen.length; j++) {
                if (counts[j][k]) {
                    seen[j]++;
                }
            }
        }
        return out;
    }

    /** The kinds of waiting tickets (service, class, VIP room), numbered, with the counters able to take each. */
    private static final class Kinds {
        private final QueueState state;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<Ticket> sample = new ArrayList<>();
        private final List<List<CounterState>> able = new ArrayList<>();

        Kinds(QueueState state) {
            this.state = state;
        }

        int of(Ticket t) {
            return index.computeIfAbsent(kind(t.service(), t.customerClass(), t.vipRoom()), k -> {
                sample.add(t);
                able.add(counters(state, t.service(), t.customerClass(), t.vipRoom()));
                return sample.size() - 1;
            });
        }

        int size() { return sample.size(); }

        List<CounterState> able(int k) { return able.get(k); }

        /** [j][k]: a ticket of kind k counts as ahead for a ticket of kind j. */
        boolean[][] matrix() {
            boolean[][] m = new boolean[size()][size()];
            for (int j = 0; j < size(); j++) {
                for (int k = 0; k < size(); k++) {
                    m[j][k] = takenByAny(state, able.get(j), sample.get(k));
                }
            }
            return m;
        }
    }

    /** Fallback for a ticket the forecast does not reach: the work ahead of it over the counters that could. */
    private static double workOver(QueueState state, List<CounterState> able, Ticket ticket) {
        double work = 0;
        for (Ticket t : ahead(state, able, x -> Ticket.BY_RANK.compare(x, ticket) < 0)) {
            work += state.handling().meanSeconds(t.service());
        }
        return work / able.size();
    }

    private static String kind(String service, String cls, boolean vipRoom) {
        return service + '/' + cls + '/' + vipRoom;
    }

    private static Estimate estimate(QueueState state, String service, String cls, boolean vipRoom,
                                     Predicate<Ticket> isAhead, DoubleSupplier forecast) {
        if (state.config().service(service).orElseThrow().directQueue()) {
            return direct(state, service);
        }
        List<CounterState> able = counters(state, service, cls, vipRoom);
        List<Ticket> ahead = ahead(state, able, isAhead);
        if (able.isEmpty()) {
            return new Estimate(ahead.size(), -1);
        }
        double f = forecast.getAsDouble();
        if (f >= 0) {
            return new Estimate(ahead.size(), Math.round(f));
        }
        double work = 0;
        for (Ticket t : ahead) {
            work += state.handling().meanSeconds(t.service());
        }
        return new Estimate(ahead.size(), Math.round(work / able.size()));
    }

    private static Estimate direct(QueueState state, String service) {
        int ahead = state.waiting(service).size();
        long windows = state.counters().stream()
                .filter(c -> c.serving() && c.profile().stream().anyMatch(e -> e.service().equals(service)))
                .count();
        if (windows == 0) {
            return new Estimate(ahead, -1);
        }
        return new Estimate(ahead, Math.round(ahead * state.handling().meanSeconds(service) / windows));
    }

    /**
     * Open counters that may take the ticket; if none is open, every counter that could. VIP-room overflow is
     * left out: it helps ordinary customers only while the VIP room happens to be idle.
     */
    private static List<CounterState> counters(QueueState state, String service, String cls, boolean vipRoom) {
        List<CounterState> open = new ArrayList<>();
        List<CounterState> all = new ArrayList<>();
        for (CounterState c : state.counters()) {
            if (Selection.mayTakeDirectly(state, c, service, cls, vipRoom)) {
                all.add(c);
                if (c.serving()) {
                    open.add(c);
                }
            }
        }
        return open.isEmpty() ? all : open;
    }

    private static List<Ticket> ahead(QueueState state, List<CounterState> able, Predicate<Ticket> isAhead) {
        List<Ticket> ahead = new ArrayList<>();
        for (ServiceConfig s : state.config().services()) {
            Map<String, Boolean> byClass = new HashMap<>(); // may an able counter take it: by class, in the hall
            Map<String, Boolean> byVipClass = new HashMap<>(); // ... and sent to the VIP room
            for (Ticket t : state.waiting(s.code())) {
                if (!isAhead.test(t)) {
                    break; // queue order: the rest are behind too
                }
                // a get and a put per ticket, not computeIfAbsent with a capturing lambda nor a key built per
                // ticket: this runs over the whole queue at every new ticket (docs/benchmarks.md, "Sixth session")
                Map<String, Boolean> known = t.vipRoom() ? byVipClass : byClass;
                Boolean takes = known.get(t.customerClass());
                if (takes == null) {
                    takes = takenByAny(state, able, t);
                    known.put(t.customerClass(), takes);
                }
                if (takes) {
                    ahead.add(t);
                }
            }
        }
        return ahead;
    }

    private static boolean takenByAny(QueueState state, List<CounterState> able, Ticket t) {
        for (CounterState c : able) {
            if (Selection.mayTakeDirectly(state, c, t.service(), t.customerClass(), t.vipRoom())) {
                return true;
            }
        }
        return false;
    }
}
