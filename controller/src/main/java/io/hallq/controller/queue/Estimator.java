package io.hallq.controller.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue-length estimate for a new ticket: the work of the customers ahead (their services' learned
 * mean handling times) plus what is left of the customers being served, shared by the counters that can
 * take the ticket. Its accuracy is measured against simulation in the statistics work.
 */
final class Estimator {

    /** People ahead and estimated wait; {@code waitSeconds} is -1 when no counter serves the service. */
    record Estimate(int peopleAhead, long waitSeconds) {}

    private Estimator() {}

    static Estimate forNewTicket(QueueState state, String service, String cls, boolean vipRoom, Instant rank,
                                 Instant now) {
        if (state.config().service(service).orElseThrow().directQueue()) {
            return direct(state, service);
        }
        List<CounterState> able = counters(state, service, cls, vipRoom);
        if (able.isEmpty()) {
            return new Estimate(ahead(state, able, rank).size(), -1);
        }
        List<Ticket> ahead = ahead(state, able, rank);
        double work = 0;
        for (Ticket t : ahead) {
            work += state.handling().meanSeconds(t.service());
        }
        work += remaining(state, able, now);
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

    private static List<Ticket> ahead(QueueState state, List<CounterState> able, Instant rank) {
        List<Ticket> ahead = new ArrayList<>();
        for (Ticket t : state.liveTickets()) {
            if (t.status() == Ticket.Status.WAITING && !t.rank().isAfter(rank) && takenByAny(state, able, t)) {
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

    /** Expected rest of the current customers at these counters (never negative). */
    private static double remaining(QueueState state, List<CounterState> able, Instant now) {
        double rest = 0;
        for (CounterState c : able) {
            Ticket t = c.current() == null ? null : state.ticket(c.current());
            if (t != null && t.calledAt() != null) {
                double mean = state.handling().meanSeconds(t.service());
                rest += Math.max(0, mean - Duration.between(t.calledAt(), now).toSeconds());
            }
        }
        return rest;
    }
}
