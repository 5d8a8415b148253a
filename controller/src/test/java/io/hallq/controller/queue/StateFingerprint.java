package io.hallq.controller.queue;

import java.util.Comparator;
import java.util.stream.Collectors;

/** A text rendering of everything observable in a queue state, for equality checks in tests. */
public final class StateFingerprint {

    private StateFingerprint() {}

    public static String of(QueueState s) {
        StringBuilder b = new StringBuilder("day=").append(s.day()).append(" last=").append(s.lastAt()).append('\n');
        for (var svc : s.config().services()) {
            b.append(svc.code()).append(" next=").append(s.nextNumber(svc.code()))
                    .append(" on=").append(s.serviceState(svc.code()).enabled())
                    .append(" mean=").append(s.handling().meanSeconds(svc.code()))
                    .append(" waiting=").append(s.waiting(svc.code()).stream().map(Ticket::number).toList()).append('\n');
        }
        for (CounterState c : s.counters()) {
            b.append("counter ").append(c.number()).append(' ').append(c.status()).append(' ').append(c.current())
                    .append(' ').append(c.profile()).append('\n');
        }
        s.liveTickets().stream().sorted(Comparator.comparing(Ticket::number)).forEach(t -> b.append(t.number())
                .append(' ').append(t.status()).append(' ').append(t.service()).append(' ').append(t.rank())
                .append(" c=").append(t.counter()).append(" r=").append(t.recalls()).append(" q=").append(t.requeued())
                .append(" o=").append(t.overdue()).append(" p=").append(t.awaitingPrint()).append(" order=").append(t.order())
                .append(" origin=").append(t.origin()).append(" booking=").append(t.booking())
                .append(" hash=").append(t.phoneHash()).append(" in=").append(t.checkedIn())
                .append(" passed=").append(t.passedOverAt()).append('\n'));
        b.append("alarms=").append(s.alarms().keySet().stream().sorted().collect(Collectors.joining(",")));
        b.append(" crowdedSince=").append(s.crowdedSince());
        b.append(" notice=").append(s.latestNotice());
        Appointments.Snap a = s.appointments().snap();
        b.append("\nbookings made=").append(a.made()).append(" plan=").append(a.plan()).append('/')
                .append(a.planSource()).append(" remoteDropped=").append(a.remoteDropped()).append('\n');
        a.bookings().stream().sorted(Comparator.comparing(Booking::id)).forEach(x -> b.append(x).append('\n'));
        return b.toString();
    }
}
