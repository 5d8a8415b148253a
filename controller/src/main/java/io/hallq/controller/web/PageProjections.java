package io.hallq.controller.web;

import io.hallq.controller.web.HallView.ClassInfo;
import io.hallq.controller.web.HallView.CounterInfo;
import io.hallq.controller.web.HallView.ProfileLine;
import io.hallq.controller.web.HallView.ServiceInfo;
import io.hallq.controller.web.HallView.TicketInfo;
import io.hallq.protocol.event.HallEvent.AlarmRaised;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the staff terminal, the manager page and the mobile ticket page may see of a {@link Frame}. */
final class PageProjections {

    private PageProjections() {}

    /**
     * The counter's current customer; the phone only masked, as it is stored.
     *
     * @param origin WALK_IN, APPOINTMENT or REMOTE
     * @param tagZh  the tag the terminal shows for an appointment or a remote ticket ("预约", "线上取号"), else null
     * @param tagEn  "Appointment", "Remote ticket", else null
     * @param booking the booking an appointment redeems, else null
     */
    record Customer(String ticket, String service, String serviceZh, String serviceEn, String customerClass,
                    String classZh, String classEn, boolean vipRoom, Instant issuedAt, Instant calledAt,
                    long waitedSeconds, int recalls, String phoneMasked, String origin, String tagZh, String tagEn,
                    String booking) {}

    record ServiceQueue(String code, String nameZh, String nameEn, boolean enabled, int waiting) {}

    record StaffView(long seq, Instant at, String hallZh, String hallEn, CounterInfo counter, Customer current,
                     DayLedger.CounterCounts today, List<ServiceQueue> queues, List<ServiceQueue> services) {}

    /**
     * A waiting or called ticket as the manager sees it (no token).
     *
     * @param origin    WALK_IN, APPOINTMENT or REMOTE
     * @param checkedIn false for a remote ticket not checked in yet (passed over until it is)
     */
    record QueueTicket(String number, String service, String customerClass, String status, int counter,
                       Instant issuedAt, long waitedSeconds, boolean vipRoom, String origin, boolean checkedIn) {}

    record ManagerView(long seq, Instant at, String hallZh, String hallEn, String day, List<CounterInfo> counters,
                       Map<Integer, DayLedger.CounterCounts> countsByCounter, List<ServiceInfo> services,
                       Map<String, DayLedger.ServiceCounts> countsByService, List<ClassInfo> classes,
                       List<QueueTicket> tickets, List<AlarmRaised> alarms, HallView.NoticeInfo notice) {}

    /**
     * The mobile ticket page. {@code status} is WAITING, CALLED (go to {@code counter} now) or DONE (served,
     * or left the queue). Nothing personal: no phone, no class.
     */
    record TicketView(long seq, String hallZh, String hallEn, String ticket, String serviceZh, String serviceEn,
                      String status, int counter, String counterZh, String counterEn, int peopleAhead,
                      long waitSeconds, String origin, boolean checkedIn) {

        /** The page of a ticket that left the queue. */
        TicketView(long seq, String hallZh, String hallEn, String ticket, String serviceZh, String serviceEn,
                   String status, int counter, String counterZh, String counterEn, int peopleAhead,
                   long waitSeconds) {
            this(seq, hallZh, hallEn, ticket, serviceZh, serviceEn, status, counter, counterZh, counterEn,
                    peopleAhead, waitSeconds, null, true);
        }
    }

    static StaffView staff(Frame f, int counter) {
        HallView v = f.view();
        CounterInfo c = v.counter(counter);
        if (c == null) {
            return null;
        }
        Customer current = c.current() == null ? null : customer(v, v.ticket(c.current()));
        List<String> profileServices = c.profile().stream().map(ProfileLine::service).toList();
        List<ServiceQueue> queues = v.services().stream().filter(s -> profileServices.contains(s.code()))
                .map(PageProjections::queue).toList();
        return new StaffView(v.seq(), v.at(), v.hallZh(), v.hallEn(), c, current,
                f.ledger().counters().getOrDefault(counter, new DayLedger.CounterCounts(0, 0, 0, 0)), queues,
                v.services().stream().map(PageProjections::queue).toList());
    }

    private static ServiceQueue queue(ServiceInfo s) {
        return new ServiceQueue(s.code(), s.nameZh(), s.nameEn(), s.enabled(), s.waiting());
    }

    private static Customer customer(HallView v, TicketInfo t) {
        if (t == null) {
            return null;
        }
        ServiceInfo s = v.service(t.service());
        ClassInfo cls = v.classes().stream().filter(x -> x.code().equals(t.customerClass())).findFirst()
                .orElse(new ClassInfo(t.customerClass(), t.customerClass(), t.customerClass()));
        long waited = t.calledAt() == null ? 0 : Duration.between(t.issuedAt(), t.calledAt()).toSeconds();
        return new Customer(t.number(), t.service(), s.nameZh(), s.nameEn(), cls.code(), cls.nameZh(),
                cls.nameEn(), t.vipRoom(), t.issuedAt(), t.calledAt(), waited, t.recalls(), t.phoneMasked(),
                t.origin(), tagZh(t.origin()), tagEn(t.origin()), t.booking());
    }

    private static String tagZh(String origin) {
        return switch (origin) {
            case "APPOINTMENT" -> io.hallq.controller.ticket.TicketLayout.TAG_APPOINTMENT_ZH;
            case "REMOTE" -> io.hallq.controller.ticket.TicketLayout.TAG_REMOTE_ZH;
            default -> null;
        };
    }

    private static String tagEn(String origin) {
        return switch (origin) {
            case "APPOINTMENT" -> io.hallq.controller.ticket.TicketLayout.TAG_APPOINTMENT_EN;
            case "REMOTE" -> io.hallq.controller.ticket.TicketLayout.TAG_REMOTE_EN;
            default -> null;
        };
    }

    static ManagerView manager(Frame f) {
        HallView v = f.view();
        List<QueueTicket> tickets = v.tickets().stream()
                .map(t -> new QueueTicket(t.number(), t.service(), t.customerClass(), t.status(), t.counter(),
                        t.issuedAt(), Duration.between(t.issuedAt(), t.calledAt() == null ? v.at() : t.calledAt())
                                .toSeconds(), t.vipRoom(), t.origin(), t.checkedIn()))
                .toList();
        return new ManagerView(v.seq(), v.at(), v.hallZh(), v.hallEn(), v.day(), v.counters(),
                f.ledger().counters(), v.services(), f.ledger().services(), v.classes(), tickets, v.alarms(),
                v.notice());
    }

    /** The mobile page of the ticket holding {@code token}; DONE once it left the queue. */
    static TicketView ticket(HallView v, String token) {
        TicketInfo t = v.ticketByToken(token);
        if (t == null) {
            return new TicketView(v.seq(), v.hallZh(), v.hallEn(), null, null, null, "DONE", 0, null, null, 0, 0);
        }
        ServiceInfo s = v.service(t.service());
        CounterInfo c = t.counter() == 0 ? null : v.counter(t.counter());
        return new TicketView(v.seq(), v.hallZh(), v.hallEn(), t.number(), s.nameZh(), s.nameEn(), t.status(),
                t.counter(), c == null ? null : c.nameZh(), c == null ? null : c.nameEn(), t.peopleAhead(),
                t.waitSeconds(), t.origin(), t.checkedIn());
    }
}
