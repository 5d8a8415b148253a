package io.hallq.controller.queue;

import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import io.hallq.protocol.event.HallEvent.CounterStatus;
import io.hallq.protocol.event.HallEvent.NoticePosted;
import io.hallq.protocol.event.HallEvent.ServiceChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything {@link QueueState} holds, as plain records, so a restart can start from it instead of
 * replaying the whole journal. Applying the events after the snapshot's sequence gives the same state as a
 * full replay (tested).
 */
public record QueueSnapshot(
        String day,
        Instant lastAt,
        long issued,
        Instant crowdedSince,
        Map<String, Integer> nextNumbers,
        List<ServiceChanged> services,
        List<CounterSnap> counters,
        List<TicketSnap> tickets,
        List<AlarmRaised> alarms,
        Map<String, List<Long>> handlingSamples,
        NoticePosted notice,
        Appointments.Snap appointments) {

    /** A snapshot without bookings (as written before appointments existed). */
    public QueueSnapshot(String day, Instant lastAt, long issued, Instant crowdedSince, Map<String, Integer> nextNumbers,
                         List<ServiceChanged> services, List<CounterSnap> counters, List<TicketSnap> tickets,
                         List<AlarmRaised> alarms, Map<String, List<Long>> handlingSamples, NoticePosted notice) {
        this(day, lastAt, issued, crowdedSince, nextNumbers, services, counters, tickets, alarms, handlingSamples,
                notice, null);
    }

    /**
     * {@code profile} is null in snapshots written before profiles could change (the configured one applies);
     * {@code lastServed} is null in snapshots written before ratings existed.
     */
    public record CounterSnap(int number, CounterStatus status, String current, List<ProfileEntry> profile,
                              String lastServed) {}

    public record TicketSnap(String number, String service, String customerClass, Instant issuedAt, Instant rank,
                             long order, boolean vipRoom, String phoneMasked, String token, Ticket.Status status,
                             int counter, Instant calledAt, int recalls, boolean requeued, boolean overdue,
                             Boolean awaitingPrint, io.hallq.protocol.event.HallEvent.TicketOrigin origin,
                             String booking, String phoneHash, Boolean checkedIn, Instant passedOverAt) {

        /** {@code origin} and the fields after it are null in snapshots written before appointments existed. */
        public TicketSnap(String number, String service, String customerClass, Instant issuedAt, Instant rank,
                          long order, boolean vipRoom, String phoneMasked, String token, Ticket.Status status,
                          int counter, Instant calledAt, int recalls, boolean requeued, boolean overdue,
                          Boolean awaitingPrint) {
            this(number, service, customerClass, issuedAt, rank, order, vipRoom, phoneMasked, token, status, counter,
                    calledAt, recalls, requeued, overdue, awaitingPrint, null, null, null, true, null);
        }
    }

    public static QueueSnapshot of(QueueState s) {
        Map<String, Integer> next = new TreeMap<>();
        Map<String, List<Long>> samples = new TreeMap<>();
        List<ServiceChanged> services = new ArrayList<>();
        s.config().services().forEach(svc -> {
            next.put(svc.code(), s.nextNumber(svc.code()));
            samples.put(svc.code(), List.copyOf(s.handling().samples(svc.code())));
            services.add(s.serviceState(svc.code()));
        });
        List<CounterSnap> counters = s.counters().stream()
                .map(c -> new CounterSnap(c.number(), c.status(), c.current(), c.profile(), c.lastServed()))
                .toList();
        List<TicketSnap> tickets = s.liveTickets().stream().sorted(Comparator.comparingLong(Ticket::order))
                .map(t -> new TicketSnap(t.number(), t.service(), t.customerClass(), t.issuedAt(), t.rank(),
                        t.order(), t.vipRoom(), t.phoneMasked(), t.token(), t.status(), t.counter(), t.calledAt(),
                        t.recalls(), t.requeued(), t.overdue(), t.awaitingPrint(), t.origin(), t.booking(),
                        t.phoneHash(), t.checkedIn(), t.passedOverAt()))
                .toList();
        return new QueueSnapshot(s.day(), s.lastAt(), s.issuedCount(), s.crowdedSince(), next, services, counters,
                tickets, List.copyOf(s.alarms().values()), samples, s.latestNotice(), s.appointments().snap());
    }
}
