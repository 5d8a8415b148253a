package io.hallq.controller.queue;

import io.hallq.controller.config.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The wait estimate printed on a new ticket. With open counters that can take it, the estimate plays the queue
 * forward: each counter is free after what is left of its current customer (idle counters at once), each
 * customer ahead goes, in queue order, to the earliest-free counter that may take them and occupies it for
 * their service's learned mean handling time; the new ticket waits until the earliest counter is free after
 * that. Unlike "work ahead / counters" this knows that an idle counter means no wait and that a VIP-room-only
 * customer ahead does not hold up the ordinary counters. The simulator measures it against the plain
 * queue-length estimate (docs/simulation.md); with no open counter it falls back to work / counters.
 */
public final class Estimator {

    /** People ahead and estimated wait; {@code waitSeconds} is -1 when no counter serves the service. */
    public record Estimate(int peopleAhead, long waitSeconds) {}

    private Estimator() {}

    static Estimate forNewTicket(QueueState state, String service, String cls, boolean vipRoom, Instant rank,
                                 Instant now) {
        return estimate(state, service, cls, vipRoom, t -> !t.rank().isAfter(rank), now);
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

    /** The people ahead of a waiting ticket and its remaining wait, by the same rule as at issue. */
    public static Estimate forWaiting(QueueState state, Ticket ticket, Instant now) {
        return estimate(state, ticket.service(), ticket.customerClass(), ticket.vipRoom(),
                t -> Ticket.BY_RANK.compare(t, ticket) < 0, now);
    }

    private static Estimate estimate(QueueState state, String service, String cls, boolean vipRoom,
                                     Predicate<Ticket> isAhead, Instant now) {
        if (state.config().service(service).orElseThrow().directQueue()) {
            return direct(state, service);
        }
        List<CounterState> able = counters(state, service, cls, vipRoom);
        if (able.isEmpty()) {
            return new Estimate(ahead(state, able, isAhead).size(), -1);
        }
        List<Ticket> ahead = ahead(state, able, isAhead);
        if (able.stream().noneMatch(CounterState::serving)) {
            double work = 0;
            for (Ticket t : ahead) {
                work += state.handling().meanSeconds(t.service());
            }
            return new Estimate(ahead.size(), Math.round(work / able.size()));
        }
        return new Estimate(ahead.size(), Math.round(playForward(state, able, ahead, now)));
    }

    /**
     * Seconds until a counter that may take the new ticket is free after the customers ahead were served. Every
     * open counter plays: a customer ahead may go to a counter that cannot take the new ticket, which then does
     * not hold it up.
     */
    private static double playForward(QueueState state, List<CounterState> able, List<Ticket> ahead, Instant now) {
        List<CounterState> open = state.counters().stream().filter(CounterState::serving).toList();
        double[] free = new double[open.size()];
        for (int i = 0; i < free.length; i++) {
            free[i] = remaining(state, open.get(i), now);
        }
        List<Ticket> ordered = new ArrayList<>(ahead);
        ordered.sort(Ticket.BY_RANK);
        for (Ticket t : ordered) {
            int best = -1;
            for (int i = 0; i < free.length; i++) {
                if ((best < 0 || free[i] < free[best])
                        && Selection.mayTakeDirectly(state, open.get(i), t.service(), t.customerClass(), t.vipRoom())) {
                    best = i;
                }
            }
            if (best >= 0) {
                free[best] += state.handling().meanSeconds(t.service());
            }
        }
        double soonest = Double.MAX_VALUE;
        for (int i = 0; i < free.length; i++) {
            if (able.contains(open.get(i))) {
                soonest = Math.min(soonest, free[i]);
            }
        }
        return soonest;
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
        for (Ticket t : state.liveTickets()) {
            if (t.status() == Ticket.Status.WAITING && isAhead.test(t) && takenByAny(state, able, t)) {
                ahead.add(t);
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

    /**
     * Expected rest of the counter's current customer: mean minus time so far, but at least a quarter of the mean
     * once it has run over (a long service is likely to go on a little longer); 0 when idle.
     */
    private static double remaining(QueueState state, CounterState c, Instant now) {
        Ticket t = c.current() == null ? null : state.ticket(c.current());
        if (t == null || t.calledAt() == null) {
            return 0;
        }
        double mean = state.handling().meanSeconds(t.service());
        return Math.max(mean / 4, mean - Duration.between(t.calledAt(), now).toSeconds());
    }
}
