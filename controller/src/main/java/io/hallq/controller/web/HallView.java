package io.hallq.controller.web;

import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.controller.notify.PreCallRule;
import io.hallq.controller.queue.CounterState;
import io.hallq.controller.queue.Estimator;
import io.hallq.controller.queue.QueueState;
import io.hallq.controller.queue.Ticket;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import io.hallq.protocol.event.HallEvent.ServiceChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable copy of what the pages show, taken on the controller's writer thread (so it is consistent
 * with journal sequence {@code seq}) and then projected per page on the feed's own thread. It holds ticket
 * tokens to find a mobile page's ticket; projections decide who sees what.
 */
record HallView(long seq, Instant at, String hallId, String hallZh, String hallEn, String day,
                List<CounterInfo> counters, List<ServiceInfo> services, List<ClassInfo> classes,
                List<TicketInfo> tickets, List<AlarmRaised> alarms, NoticeInfo notice,
                List<PreCallRule.Group> preCalls) {

    /** The board notice showing now and who posted it ("mqtt:central", "web:alice"); null when none. */
    record NoticeInfo(String textZh, String textEn, Instant until, String by) {}

    record CounterInfo(int number, String nameZh, String nameEn, boolean vipRoom, String status, String current,
                       List<ProfileLine> profile) {}

    /** A profile line as pages show and edit it (weights in whole seconds). */
    record ProfileLine(String service, List<String> classes, long weightSeconds) {}

    /**
     * @param walkInWaitSeconds the wait the hall states for the service now ({@code Estimator.waitNow}, as in the
     *                          MQTT status): a walk-in's estimate, -1 while no open counter takes the service
     * @param waitingByClass    waiting tickets per class code, in class order
     */
    record ServiceInfo(String code, String nameZh, String nameEn, String prefix, boolean enabled, String messageZh,
                       String messageEn, boolean directQueue, int waiting, Map<String, Integer> waitingByClass,
                       long walkInWaitSeconds, long meanHandlingSeconds) {}

    record ClassInfo(String code, String nameZh, String nameEn) {}

    /**
     * A live ticket; {@code peopleAhead}/{@code waitSeconds} are meaningful while it waits.
     *
     * @param origin    WALK_IN, APPOINTMENT (a booking checked in) or REMOTE (taken from a phone)
     * @param booking   the booking an appointment redeems, else null
     * @param checkedIn false for a remote ticket that has not checked in at the dispenser (counters pass it over)
     */
    record TicketInfo(String number, String service, String customerClass, String status, int counter,
                      Instant issuedAt, Instant calledAt, int recalls, boolean vipRoom, String phoneMasked,
                      String token, int peopleAhead, long waitSeconds, String origin, String booking,
                      boolean checkedIn) {}

    /** A view with every estimate computed now, on this thread (the first view; tests). */
    static HallView capture(QueueState s, long seq, Instant now) {
        return capture(s, seq, now, PageEstimates.compute(s, seq, now));
    }

    /**
     * A view whose waits come from {@code estimates} (computed off the writer, aged to {@code now}); people ahead
     * are counted now. Costs one pass over the queue, no forecast.
     */
    static HallView capture(QueueState s, long seq, Instant now, PageEstimates estimates) {
        var hall = s.config().hall();
        Map<Ticket, Estimator.Estimate> people = Estimator.peopleAheadOfAll(s);
        List<TicketInfo> tickets = s.liveTickets().stream().sorted(Comparator.comparingLong(Ticket::order))
                .map(t -> {
                    Estimator.Estimate e = people.get(t);
                    if (e == null) {
                        return ticket(t, new Estimator.Estimate(0, 0));
                    }
                    long wait = e.waitSeconds() == Estimator.NOT_FORECAST ? estimates.waitOf(t, now) : e.waitSeconds();
                    return ticket(t, new Estimator.Estimate(e.peopleAhead(), wait));
                }).toList();
        return new HallView(seq, now, hall.id(), hall.nameZh(), hall.nameEn(), s.day(), counters(s),
                services(s, now, estimates), s.config().classes().stream()
                        .map(c -> new ClassInfo(c.code(), c.nameZh(), c.nameEn())).toList(),
                tickets, List.copyOf(s.alarms().values()), s.notice(now)
                        .map(n -> new NoticeInfo(n.textZh(), n.textEn(), n.until(), n.by())).orElse(null),
                PreCallRule.decide(s, now));
    }

    private static List<CounterInfo> counters(QueueState s) {
        List<CounterInfo> out = new ArrayList<>();
        for (CounterState c : s.counters()) {
            out.add(new CounterInfo(c.number(), c.config().nameZh(), c.config().nameEn(), c.config().vipRoom(),
                    c.status().name(), c.current(), c.profile().stream().map(HallView::line).toList()));
        }
        return out;
    }

    static ProfileLine line(ProfileEntry e) {
        return new ProfileLine(e.service(), e.classes(), e.weight().toSeconds());
    }

    private static List<ServiceInfo> services(QueueState s, Instant now, PageEstimates estimates) {
        List<ServiceInfo> out = new ArrayList<>();
        for (ServiceConfig svc : s.config().services()) {
            ServiceChanged st = s.serviceState(svc.code());
            Map<String, Integer> byClass = new LinkedHashMap<>();
            for (CustomerClassConfig c : s.config().classes()) {
                byClass.put(c.code(), 0);
            }
            s.waiting(svc.code()).forEach(t -> byClass.merge(t.customerClass(), 1, Integer::sum));
            out.add(new ServiceInfo(svc.code(), svc.nameZh(), svc.nameEn(), svc.prefix(), st.enabled(),
                    st.messageZh(), st.messageEn(), svc.directQueue(), s.waiting(svc.code()).size(), byClass,
                    estimates.walkIn(svc.code(), now),
                    Math.round(s.handling().meanSeconds(svc.code()))));
        }
        return out;
    }

    private static TicketInfo ticket(Ticket t, Estimator.Estimate e) {
        return new TicketInfo(t.number(), t.service(), t.customerClass(), t.status().name(), t.counter(),
                t.issuedAt(), t.calledAt(), t.recalls(), t.vipRoom(), t.phoneMasked(), t.token(), e.peopleAhead(),
                e.waitSeconds(), t.origin().name(), t.booking(), t.checkedIn());
    }

    TicketInfo ticket(String number) {
        return tickets.stream().filter(t -> t.number().equals(number)).findFirst().orElse(null);
    }

    TicketInfo ticketByToken(String token) {
        return tickets.stream().filter(t -> token.equals(t.token())).findFirst().orElse(null);
    }

    ServiceInfo service(String code) {
        return services.stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
    }

    CounterInfo counter(int number) {
        return counters.stream().filter(c -> c.number() == number).findFirst().orElse(null);
    }
}
