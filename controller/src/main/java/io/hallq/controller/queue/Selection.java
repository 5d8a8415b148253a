package io.hallq.controller.queue;

import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.config.CustomerClassConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which waiting ticket a counter takes next. The rule (docs/architecture.md, "Selection"):
 * <ol>
 *   <li>A counter may take a ticket when a line of its profile names the ticket's service and class, the
 *       service is not direct-queue, and the VIP-room rule allows it: VIP-room tickets go to VIP-room
 *       counters while one is open; VIP-room counters take ordinary tickets only when no VIP-room ticket is
 *       waiting for them and {@code rules.vipRoomOverflow} is on (then any class of their profile's services).</li>
 *   <li>Among those it takes the lowest score: {@code rank - weight}, where {@code rank} is the arrival time
 *       minus the class's head start (fixed when the ticket is issued) and {@code weight} the head start the
 *       counter's profile line gives the service. Ties go to the earlier issued ticket.</li>
 * </ol>
 * Head starts are bounded, so a ticket is overtaken only by tickets that arrived at most
 * (largest class head start + largest profile weight) after it: nobody waits without bound.
 *
 * <p>{@code rules.selection} can replace step 2 for comparison in the simulator: {@code FCFS} takes the earliest
 * issued ticket, {@code STRICT_PRIORITY} the ticket of the class with the largest head start (then the earliest
 * issued). Step 1, which tickets a counter may take at all, is the same for every policy.
 *
 * <p>A remote ticket that has not checked in at the dispenser is never taken: it is passed over, keeping its rank,
 * until it checks in or its hold limit runs out (docs/appointments.md). A checked-in appointment's rank is its slot
 * time minus {@code appointments.headStart} (or its class's rank, if earlier), so like a class it overtakes only
 * tickets issued at most {@code headStart + checkInAfter} before its check-in.
 */
final class Selection {

    private Selection() {}

    static Optional<Ticket> next(QueueState state, CounterState counter) {
        Optional<Ticket> best = best(state, counter, false);
        if (best.isEmpty() && counter.config().vipRoom() && state.config().rules().vipRoomOverflow()) {
            best = best(state, counter, true);
        }
        return best;
    }

    /** True when {@code counter} may take a ticket of this service, class and VIP-room flag. */
    static boolean mayTake(QueueState state, CounterState counter, String service, String cls, boolean vipRoom) {
        return mayTakeDirectly(state, counter, service, cls, vipRoom)
                || (counter.config().vipRoom() && state.config().rules().vipRoomOverflow()
                    && entryFor(state, counter, service, cls, vipRoom, true) != null);
    }

    /** Like {@link #mayTake} but without VIP-room overflow, which only happens when the VIP room is idle. */
    static boolean mayTakeDirectly(QueueState state, CounterState counter, String service, String cls,
                                   boolean vipRoom) {
        return entryFor(state, counter, service, cls, vipRoom, false) != null;
    }

    /** The score this counter gives a ticket (lower goes first); only meaningful when it may take it. */
    static Instant score(QueueState state, CounterState counter, Ticket t) {
        ProfileEntry e = entryFor(state, counter, t.service(), t.customerClass(), t.vipRoom(), false);
        if (e == null) {
            e = entryFor(state, counter, t.service(), t.customerClass(), t.vipRoom(), true);
        }
        return e == null ? Instant.MAX : t.rank().minus(e.weight());
    }

    private static Optional<Ticket> best(QueueState state, CounterState counter, boolean overflow) {
        return switch (state.config().rules().selection()) {
            case AGEING -> ageing(state, counter, overflow);
            case FCFS -> first(state, counter, overflow, Comparator.comparingLong(Ticket::order));
            case STRICT_PRIORITY -> first(state, counter, overflow, Comparator
                    .comparing((Ticket t) -> headStart(state, t), Comparator.reverseOrder())
                    .thenComparingLong(Ticket::order));
        };
    }

    private static Duration headStart(QueueState state, Ticket t) {
        return state.config().customerClass(t.customerClass()).map(CustomerClassConfig::priority).orElse(Duration.ZERO);
    }

    /** The takeable ticket that sorts first; scans every waiting ticket, which the comparison runs can afford. */
    private static Optional<Ticket> first(QueueState state, CounterState counter, boolean overflow,
                                          Comparator<Ticket> order) {
        Ticket best = null;
        for (ProfileEntry e : counter.profile()) {
            if (state.config().service(e.service()).orElseThrow().directQueue()) {
                continue;
            }
            for (Ticket t : state.waiting(e.service())) {
                if (t.checkedIn() && matches(state, counter, e, t.customerClass(), t.vipRoom(), overflow)
                        && (best == null || order.compare(t, best) < 0)) {
                    best = t;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Ticket> ageing(QueueState state, CounterState counter, boolean overflow) {
        Ticket best = null;
        Instant bestScore = null;
        for (ProfileEntry e : counter.profile()) {
            Ticket t = firstTakeable(state, counter, e, overflow);
            if (t == null) {
                continue;
            }
            Instant score = t.rank().minus(e.weight());
            int cmp = bestScore == null ? -1 : score.compareTo(bestScore);
            if (cmp < 0 || (cmp == 0 && t.order() < best.order())) {
                best = t;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Ticket firstTakeable(QueueState state, CounterState counter, ProfileEntry e, boolean overflow) {
        if (state.config().service(e.service()).orElseThrow().directQueue()) {
            return null;
        }
        for (Ticket t : state.waiting(e.service())) {
            if (t.checkedIn() && matches(state, counter, e, t.customerClass(), t.vipRoom(), overflow)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Remote tickets that have not checked in and that this counter would have taken before {@code chosen} (score
     * no later than its): they are passed over, keeping their place. Not yet marked ones only.
     */
    static java.util.List<Ticket> passedOver(QueueState state, CounterState counter, Ticket chosen) {
        Instant limit = score(state, counter, chosen);
        java.util.List<Ticket> out = new java.util.ArrayList<>();
        for (ProfileEntry e : counter.profile()) {
            if (state.config().service(e.service()).orElseThrow().directQueue()) {
                continue;
            }
            for (Ticket t : state.waiting(e.service())) {
                if (!t.checkedIn() && t.passedOverAt() == null && !out.contains(t)
                        && mayTake(state, counter, t.service(), t.customerClass(), t.vipRoom())
                        && score(state, counter, t).compareTo(limit) <= 0) {
                    out.add(t);
                }
            }
        }
        out.sort(Ticket.BY_RANK);
        return out;
    }

    private static ProfileEntry entryFor(QueueState state, CounterState counter, String service, String cls,
                                         boolean vipRoom, boolean overflow) {
        for (ProfileEntry e : counter.profile()) {
            if (e.service().equals(service) && matches(state, counter, e, cls, vipRoom, overflow)) {
                return e;
            }
        }
        return null;
    }

    private static boolean matches(QueueState state, CounterState counter, ProfileEntry e, String cls,
                                   boolean vipRoom, boolean overflow) {
        if (state.config().service(e.service()).orElseThrow().directQueue()) {
            return false;
        }
        if (counter.config().vipRoom()) {
            // first pass: the VIP room's own customers; overflow pass: ordinary customers of its services
            return overflow ? !vipRoom : vipRoom && e.accepts(e.service(), cls);
        }
        if (vipRoom && vipRoomTakes(state, e.service(), cls)) {
            return false;
        }
        return e.accepts(e.service(), cls);
    }

    /**
     * True when an open VIP-room counter's profile takes this service and class. Only then is a VIP customer
     * sent to the VIP room, and only then do ordinary counters leave that customer to it: a VIP who wants a
     * service the VIP room does not offer is served in the hall like everyone else.
     */
    static boolean vipRoomTakes(QueueState state, String service, String cls) {
        if (state.config().service(service).map(s -> s.directQueue()).orElse(true)) {
            return false;
        }
        for (CounterState c : state.counters()) {
            if (c.config().vipRoom() && c.serving()
                    && c.profile().stream().anyMatch(e -> e.accepts(service, cls))) {
                return true;
            }
        }
        return false;
    }
}
