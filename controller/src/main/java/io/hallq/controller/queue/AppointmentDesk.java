package io.hallq.controller.queue;

import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.controller.queue.Command.Book;
import io.hallq.controller.queue.Command.CancelBooking;
import io.hallq.controller.queue.Command.CheckIn;
import io.hallq.controller.queue.Command.JoinRemote;
import io.hallq.controller.queue.Command.PlanBookingCapacity;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.BookingCancelled;
import io.hallq.protocol.event.HallEvent.BookingCapacityPlanned;
import io.hallq.protocol.event.HallEvent.BookingLapsed;
import io.hallq.protocol.event.HallEvent.BookingMade;
import io.hallq.protocol.event.HallEvent.PlannedHour;
import io.hallq.protocol.event.HallEvent.TicketCheckedIn;
import io.hallq.protocol.event.HallEvent.TicketOrigin;
import io.hallq.protocol.event.HallEvent.TicketVoided;
import io.hallq.protocol.PhoneNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The engine's decisions about bookings, check-ins and remote tickets (docs/appointments.md). Part of
 * {@link QueueEngine}: runs on the writer, changes state only by emitting events.
 */
final class AppointmentDesk {

    /** Issues a ticket the way {@link QueueEngine} does, with an origin and a rank of its own (null: the class's). */
    interface Issuer {
        void issue(ServiceConfig service, CustomerClassConfig cls, String phoneMasked, String token, boolean paper,
                   TicketOrigin origin, String booking, String phoneHash, Instant rank, Instant now);
    }

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9-]{1,16}");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9-]{1,32}");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final int MAX_REASON = 200;

    private final QueueState state;
    private final HallConfig config;
    private final AppointmentsConfig rules;
    private final Appointments book;
    private final Consumer<HallEvent> emit;
    private final HallAdmin admin;
    private final Issuer issuer;

    AppointmentDesk(QueueState state, HallAdmin admin, Consumer<HallEvent> emit, Issuer issuer) {
        this.state = state;
        this.config = state.config();
        this.rules = config.appointments();
        this.book = state.appointments();
        this.admin = admin;
        this.emit = emit;
        this.issuer = issuer;
    }

    /** What the passing of time does: bookings whose window closed lapse; remote tickets held too long are voided. */
    void expire(Instant now) {
        for (Booking b : book.toLapse(now)) {
            emit.accept(new BookingLapsed(now, b.id()));
        }
        if (!rules.remoteTickets()) {
            return;
        }
        List<Ticket> overdue = new ArrayList<>();
        for (String number : book.uncheckedRemote()) {
            Ticket t = state.ticket(number);
            if (t != null && !t.checkedIn() && t.status() == Ticket.Status.WAITING && t.passedOverAt() != null
                    && !now.isBefore(t.passedOverAt().plus(rules.remoteHoldLimit()))) {
                overdue.add(t);
            }
        }
        overdue.sort(Ticket.BY_RANK);
        overdue.forEach(t -> emit.accept(new TicketVoided(now, t.number(), Appointments.REMOTE_NOT_CHECKED_IN)));
    }

    void book(Book c, Instant now, String actor) {
        requireOn();
        ServiceConfig service = bookable(c.service());
        String hash = requireHash(c.phoneHash());
        String masked = requireMasked(c.phoneMasked(), true);
        requireToken(c.token());
        if (c.channel() == null || !CHANNEL.matcher(c.channel()).matches()) {
            throw new Reject(RejectReason.INVALID, "channel: expected 1-16 lower-case letters, digits or '-' "
                    + "(web, mqtt, staff), got " + quoted(c.channel()));
        }
        if (c.slot() == null) {
            throw new Reject(RejectReason.INVALID, "slot: expected the slot's start time");
        }
        if (!state.serviceState(service.code()).enabled()) {
            throw new Reject(RejectReason.SERVICE_DISABLED, service.code() + " is not available: "
                    + state.serviceState(service.code()).messageZh() + " / " + state.serviceState(service.code()).messageEn());
        }
        LocalDate day = book.localDay(c.slot());
        LocalDate today = book.localDay(now);
        if (!book.onGrid(c.slot())) {
            throw new Reject(RejectReason.SLOT_NOT_BOOKABLE, "没有这个时段 / no slot starts at " + local(c.slot())
                    + ": slots are " + rules.slotMinutes() + " minutes from the hour, inside the opening hours "
                    + config.hours().open() + "-" + config.hours().close());
        }
        if (!c.slot().isAfter(now)) {
            throw new Reject(RejectReason.SLOT_NOT_BOOKABLE, "该时段已开始 / the slot at " + local(c.slot())
                    + " has started already");
        }
        if (day.isAfter(today.plusDays(rules.bookAheadDays()))) {
            throw new Reject(RejectReason.SLOT_NOT_BOOKABLE, "最多可预约 " + rules.bookAheadDays() + " 天内的时段 / "
                    + "slots can be booked at most " + rules.bookAheadDays() + " days ahead, up to "
                    + today.plusDays(rules.bookAheadDays()));
        }
        long held = book.liveBookingsOf(hash).stream().filter(b -> b.day().equals(day.toString())).count();
        if (held >= rules.maxPerPhonePerDay()) {
            throw new Reject(RejectReason.BOOKING_LIMIT, "该号码当天已有预约 / this phone already holds " + held
                    + " booking"
                    + (held == 1 ? "" : "s") + " on " + day + " (at most " + rules.maxPerPhonePerDay() + ")");
        }
        BookingSlot slot = book.slot(service.code(), c.slot());
        if (!slot.open()) {
            throw new Reject(RejectReason.SLOT_FULL, "该时段已约满 / the " + service.code() + " slot at "
                    + local(c.slot())
                    + " is fully booked (" + slot.booked() + " of " + slot.capacity() + "); the rest is kept for walk-ins");
        }
        emit.accept(new BookingMade(now, book.nextId(), service.code(), c.slot(), (int) rules.slotMinutes(), masked,
                hash, c.token(), c.channel(), actor));
    }

    void cancel(CancelBooking c, Instant now, String actor) {
        if (c.booking() == null) {
            throw new Reject(RejectReason.INVALID, "booking: expected a booking id");
        }
        if (c.reason() != null && (c.reason().isBlank() || c.reason().length() > MAX_REASON)) {
            throw new Reject(RejectReason.INVALID, "reason: expected 1-" + MAX_REASON + " characters");
        }
        if (c.phoneHash() != null) {
            requireHash(c.phoneHash());
        }
        Booking b = book.booking(c.booking()).orElse(null);
        if (b == null || (c.phoneHash() != null && !c.phoneHash().equals(b.phoneHash()))) {
            throw new Reject(RejectReason.UNKNOWN_BOOKING, "no booking " + c.booking()
                    + (c.phoneHash() != null ? " for this phone" : ""));
        }
        if (!b.live()) {
            throw new Reject(RejectReason.BOOKING_NOT_LIVE, "booking " + b.id() + " is "
                    + b.status().name().toLowerCase().replace('_', ' ') + " already");
        }
        emit.accept(new BookingCancelled(now, b.id(), c.reason() == null ? "cancelled" : c.reason(), actor));
    }

    void checkIn(CheckIn c, Instant now) {
        String hash = requireHash(c.phoneHash());
        String masked = requireMasked(c.phoneMasked(), false);
        requireToken(c.token());
        if (c.service() == null && c.walkInOtherwise()) {
            throw new Reject(RejectReason.INVALID, "service: a walk-in ticket needs the service");
        }
        if (c.service() != null) {
            admin.service(c.service()); // unknown service: rejected before anything else
        }
        List<Ticket> remote = new ArrayList<>();
        for (String number : book.uncheckedRemote()) {
            Ticket t = state.ticket(number);
            if (t != null && !t.checkedIn() && hash.equals(t.phoneHash())) {
                remote.add(t);
            }
        }
        List<Booking> open = book.liveBookingsOf(hash).stream().filter(b -> b.checkInOpen(now)).toList();
        Ticket remoteHere = remote.stream().filter(t -> t.service().equals(c.service())).findFirst().orElse(null);
        Booking bookedHere = open.stream().filter(b -> b.service().equals(c.service())).findFirst().orElse(null);
        if (remoteHere != null) {
            checkInRemote(remoteHere, c, now);
            return;
        }
        if (bookedHere != null) {
            redeem(bookedHere, c, masked, now);
            return;
        }
        if (remote.size() + open.size() == 1) {
            if (remote.size() == 1) {
                checkInRemote(remote.get(0), c, now);
            } else {
                redeem(open.get(0), c, masked, now);
            }
            return;
        }
        if (c.walkInOtherwise()) {
            ServiceConfig service = admin.service(c.service());
            issuer.issue(service, customerClass(c.customerClass()), masked, c.token(), c.paper(), TicketOrigin.WALK_IN,
                    null, null, null, now);
            return;
        }
        if (remote.size() + open.size() > 1) {
            throw new Reject(RejectReason.INVALID, "this phone has more than one booking or remote ticket to check "
                    + "in: choose the service");
        }
        LocalDate today = book.localDay(now);
        Booking later = book.liveBookingsOf(hash).stream()
                .filter(b -> b.day().equals(today.toString()) && now.isBefore(b.checkInFrom())).findFirst().orElse(null);
        if (later != null) {
            throw new Reject(RejectReason.CHECK_IN_TOO_EARLY, "预约 " + local(later.slot()) + ",请于 "
                    + local(later.checkInFrom()) + " 后签到 / Your appointment is at " + local(later.slot())
                    + "; check in from " + local(later.checkInFrom()));
        }
        boolean lapsedToday = book.bookings(today.toString()).stream()
                .anyMatch(b -> b.status() == Booking.Status.LAPSED && hash.equals(b.phoneHash()));
        throw new Reject(RejectReason.NOTHING_TO_CHECK_IN, lapsedToday
                ? "预约已过签到时间,请取普通号 / Your appointment has lapsed; please take a walk-in ticket"
                : "未找到该号码的预约或线上取号 / No appointment or remote ticket for this number");
    }

    private void checkInRemote(Ticket t, CheckIn c, Instant now) {
        Estimator.Estimate est = Estimator.forWaiting(state, t, now);
        emit.accept(new TicketCheckedIn(now, t.number(), est.peopleAhead(), est.waitSeconds(), c.token()));
    }

    private void redeem(Booking b, CheckIn c, String masked, Instant now) {
        ServiceConfig service = admin.service(b.service());
        CustomerClassConfig cls = customerClass(c.customerClass());
        Instant bySlot = b.slot().minus(rules.headStart());
        Instant byClass = now.minus(cls.priority());
        Instant rank = bySlot.isBefore(byClass) ? bySlot : byClass;
        issuer.issue(service, cls, masked == null ? b.phoneMasked() : masked, c.token(), c.paper(),
                TicketOrigin.APPOINTMENT, b.id(), null, rank, now);
    }

    void joinRemote(JoinRemote c, Instant now) {
        if (!rules.remoteTickets()) {
            throw new Reject(RejectReason.APPOINTMENTS_OFF, "本厅暂不支持线上取号 / this hall takes no remote tickets");
        }
        ServiceConfig service = bookable(c.service());
        String hash = requireHash(c.phoneHash());
        String masked = requireMasked(c.phoneMasked(), true);
        requireToken(c.token());
        var held = book.remoteTicketOf(hash);
        if (held.isPresent()) {
            throw new Reject(RejectReason.REMOTE_TICKET_HELD, "该号码已有线上排队号 " + held.get()
                    + " / this phone already holds remote ticket " + held.get()
                    + " in this hall (one at a time)");
        }
        issuer.issue(service, customerClass(c.customerClass()), masked, c.token(), false, TicketOrigin.REMOTE, null,
                hash, null, now);
    }

    void plan(PlanBookingCapacity c, Instant now) {
        if (c.source() == null || !SOURCE.matcher(c.source()).matches()) {
            throw new Reject(RejectReason.INVALID, "source: expected 1-32 lower-case letters, digits or '-', got "
                    + quoted(c.source()));
        }
        Set<Integer> seen = new HashSet<>();
        for (PlannedHour h : c.hours()) {
            if (h == null || h.weekday() < 1 || h.weekday() > 7 || h.hour() < 0 || h.hour() > 23
                    || h.counters() < 0 || h.counters() > 999) {
                throw new Reject(RejectReason.INVALID, "hours: expected weekday 1-7, hour 0-23 and 0-999 counters, got "
                        + h);
            }
            if (!seen.add(h.weekday() * 100 + h.hour())) {
                throw new Reject(RejectReason.INVALID, "hours: weekday " + h.weekday() + " hour " + h.hour()
                        + " is given twice");
            }
        }
        if (c.source().equals(book.planSource()) && c.hours().equals(book.plan())) {
            return; // the plan in force: nothing to journal
        }
        emit.accept(new BookingCapacityPlanned(now, c.hours(), c.source()));
    }

    /** Throws when a counter may not call {@code t}: a remote ticket that has not checked in. */
    static void requireCheckedIn(Ticket t) {
        if (!t.checkedIn()) {
            throw new Reject(RejectReason.NOT_CHECKED_IN, t.number() + " is a remote ticket that has not checked in "
                    + "at the dispenser yet");
        }
    }

    private void requireOn() {
        if (!rules.enabled()) {
            throw new Reject(RejectReason.APPOINTMENTS_OFF, "本厅暂不支持预约 / this hall takes no bookings");
        }
    }

    private ServiceConfig bookable(String code) {
        ServiceConfig s = admin.service(code);
        if (!rules.takes(s.code())) {
            throw new Reject(RejectReason.APPOINTMENTS_OFF, s.nameZh() + " 不可预约 / " + s.code()
                    + " takes no bookings or remote tickets");
        }
        return s;
    }

    private CustomerClassConfig customerClass(String code) {
        return code == null ? config.defaultClass() : config.customerClass(code).orElseThrow(() ->
                new Reject(RejectReason.UNKNOWN_CLASS, "unknown customer class '" + code + "'"));
    }

    private static String requireHash(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new Reject(RejectReason.INVALID, "phoneHash: expected the keyed hash of the number (64 lower-case "
                    + "hex digits)");
        }
        return hash;
    }

    /** A masked number: at most 32 characters and never a clear number (8 or more digits in a row). */
    private static String requireMasked(String masked, boolean required) {
        if (masked == null) {
            if (required) {
                throw new Reject(RejectReason.INVALID, "phoneMasked: expected the masked number (138****1234)");
            }
            return null;
        }
        if (masked.length() > 32 || !Objects.equals(PhoneNumber.ensureMasked(masked), masked)) {
            throw new Reject(RejectReason.INVALID, "phoneMasked: expected a masked number like 138****1234, never "
                    + "a clear one");
        }
        return masked;
    }

    private static void requireToken(String token) {
        if (token != null && TicketToken.parse(token).isEmpty()) { // the one form of a link's token
            throw new Reject(RejectReason.INVALID, "token: expected 16-64 letters, digits, '_' or '-'");
        }
    }

    private String local(Instant at) {
        return LocalDateTime.ofInstant(at, config.hall().zone()).format(HH_MM);
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }
}
