package io.hallq.controller.queue;

import io.hallq.controller.config.AlarmConfig;
import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.AlarmCleared;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hall's alarm rules (domain.md): early warning when the waiting count per open counter exceeds its
 * threshold; escalation when the count per open counter, those being served included, has exceeded its
 * threshold for the escalation time without a counter opening; a ticket overdue when it has waited past its
 * class's target (busy or quiet, by the time it was issued).
 */
final class Alarms {

    static final String EARLY_WARNING = "EARLY_WARNING";
    static final String ESCALATION = "ESCALATION";
    static final String OVERDUE_PREFIX = "TICKET_OVERDUE:";

    private Alarms() {}

    /** Customers per open counter; infinite when customers wait and no counter is open. */
    static double perCounter(QueueState s, boolean includeServing) {
        long people = s.waitingCount();
        if (includeServing) {
            people += s.counters().stream().filter(c -> c.current() != null).count();
        }
        long open = s.openCounters();
        if (open == 0) {
            return people == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return (double) people / open;
    }

    /** Events that raise or clear alarms given the state after a command; overdue tickets only on ticks. */
    static List<HallEvent> evaluate(QueueState s, Instant now, boolean tick) {
        List<HallEvent> out = new ArrayList<>();
        earlyWarning(s, now, out);
        escalation(s, now, out);
        clearStaleOverdue(s, now, out);
        if (tick && s.config().alarms().ticketOverdue()) {
            overdue(s, now, out);
        }
        return out;
    }

    private static void earlyWarning(QueueState s, Instant now, List<HallEvent> out) {
        AlarmConfig cfg = s.config().alarms();
        boolean on = perCounter(s, false) > cfg.earlyWarningPerCounter();
        boolean active = s.alarms().containsKey(EARLY_WARNING);
        if (on && !active) {
            long waiting = s.waitingCount();
            long open = s.openCounters();
            long toOpen = countersToOpen(s, waiting, cfg.earlyWarningPerCounter());
            long shortfall = shortfall(s, waiting, cfg.earlyWarningPerCounter());
            CounterAdvice.Text text = CounterAdvice.earlyWarning(waiting, open, toOpen, shortfall);
            out.add(new AlarmRaised(now, EARLY_WARNING, AlarmKind.EARLY_WARNING, text.zh(), text.en(),
                    Map.of("waiting", waiting, "openCounters", open, "countersToOpen", toOpen)));
        } else if (!on && active) {
            out.add(new AlarmCleared(now, EARLY_WARNING));
        }
    }

    /**
     * Counters to open so that the waiting count per open counter is back within the threshold and the work
     * waiting (each customer's learned mean handling time) can be done within the default class's current wait
     * target: a queue of long services needs more counters than its head count says.
     */
    static long countersToOpen(QueueState s, long waiting, double threshold) {
        return Math.max(0, Math.min(needed(s, waiting, threshold) - s.openCounters(), available(s)));
    }

    /** Counters still missing once every closed counter is open (the duty manager's desk, a neighbour). */
    static long shortfall(QueueState s, long waiting, double threshold) {
        return Math.max(0, needed(s, waiting, threshold) - s.openCounters() - available(s));
    }

    private static long needed(QueueState s, long waiting, double threshold) {
        return Math.max((long) Math.ceil(waiting / threshold), forWork(s));
    }

    private static long available(QueueState s) {
        return s.counters().stream().filter(c -> !c.serving()).count();
    }

    private static long forWork(QueueState s) {
        double work = 0;
        for (Ticket t : s.liveTickets()) {
            if (t.status() == Ticket.Status.WAITING && t.checkedIn()) { // a remote customer on the way is not here
                work += s.handling().meanSeconds(t.service());
            }
        }
        HallConfig cfg = s.config();
        boolean busy = cfg.hours().isBusy(LocalDateTime.ofInstant(s.lastAt(), cfg.hall().zone()));
        Duration target = busy ? cfg.defaultClass().busyTarget() : cfg.defaultClass().quietTarget();
        return target.isZero() ? 0 : (long) Math.ceil(work / target.toSeconds());
    }

    private static void escalation(QueueState s, Instant now, List<HallEvent> out) {
        AlarmConfig cfg = s.config().alarms();
        Instant since = s.crowdedSince();
        boolean on = since != null && !Duration.between(since, now).minus(cfg.escalationAfter()).isNegative();
        boolean active = s.alarms().containsKey(ESCALATION);
        if (on && !active) {
            long minutes = Duration.between(since, now).toMinutes();
            long open = s.openCounters();
            long toOpen = countersToOpen(s, s.waitingCount(), cfg.earlyWarningPerCounter());
            CounterAdvice.Text next = toOpen > 0 ? new CounterAdvice.Text("请立即加开窗口", "open counters now")
                    : CounterAdvice.openMore(0, 0);
            out.add(new AlarmRaised(now, ESCALATION, AlarmKind.ESCALATION,
                    "排队告警:每窗口超过 " + fmt(cfg.escalationPerCounter()) + " 人已持续 " + minutes + " 分钟," + next.zh(),
                    "Escalation: more than " + fmt(cfg.escalationPerCounter()) + " per counter for " + minutes
                            + " min; " + next.en(),
                    Map.of("minutes", minutes, "openCounters", open, "countersToOpen", toOpen)));
        } else if (since == null && active) {
            out.add(new AlarmCleared(now, ESCALATION));
        }
    }

    private static void overdue(QueueState s, Instant now, List<HallEvent> out) {
        HallConfig cfg = s.config();
        // Runs on every tick over every live ticket: a ticket that has waited less than the shortest target of any
        // class cannot be overdue, and is passed over before its own target (class and busy period) is looked up.
        long shortest = shortestTargetSeconds(cfg);
        long nowSeconds = now.getEpochSecond();
        for (Ticket t : s.liveTickets()) {
            if (t.status() != Ticket.Status.WAITING || t.overdue() || !t.checkedIn()) {
                continue; // a remote ticket not checked in is not in the hall: nobody there can act on it
            }
            if (nowSeconds - t.issuedAt().getEpochSecond() < shortest) {
                continue; // waited less than (whole seconds apart) + 1 <= the shortest target: not past its own
            }
            Duration target = target(cfg, t);
            Duration waited = Duration.between(t.issuedAt(), now);
            if (waited.compareTo(target) > 0) {
                out.add(new AlarmRaised(now, OVERDUE_PREFIX + t.number(), AlarmKind.TICKET_OVERDUE,
                        t.number() + " 号已等候 " + waited.toMinutes() + " 分钟,超过目标 " + target.toMinutes() + " 分钟",
                        t.number() + " has waited " + waited.toMinutes() + " min, past its "
                                + target.toMinutes() + " min target",
                        Map.of("waitedSeconds", waited.toSeconds(), "targetSeconds", target.toSeconds())));
            }
        }
    }

    /** The shortest busy or quiet wait target of any class, in whole seconds (rounded down). */
    static long shortestTargetSeconds(HallConfig cfg) {
        long shortest = Long.MAX_VALUE;
        for (CustomerClassConfig c : cfg.classes()) {
            shortest = Math.min(shortest, Math.min(c.busyTarget().getSeconds(), c.quietTarget().getSeconds()));
        }
        return shortest == Long.MAX_VALUE ? 0 : Math.max(0, shortest);
    }

    /** The wait target of a ticket: its class's busy target if issued in a busy period, else the quiet one. */
    static Duration target(HallConfig cfg, Ticket t) {
        CustomerClassConfig cls = cfg.customerClass(t.customerClass()).orElseThrow();
        boolean busy = cfg.hours().isBusy(LocalDateTime.ofInstant(t.issuedAt(), cfg.hall().zone()));
        return busy ? cls.busyTarget() : cls.quietTarget();
    }

    private static void clearStaleOverdue(QueueState s, Instant now, List<HallEvent> out) {
        for (String id : s.alarms().keySet()) {
            if (id.startsWith(OVERDUE_PREFIX)) {
                Ticket t = s.ticket(id.substring(OVERDUE_PREFIX.length()));
                if (t == null || t.status() != Ticket.Status.WAITING) {
                    out.add(new AlarmCleared(now, id));
                }
            }
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
