package io.hallq.controller.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.appointments.PhoneHasher;
import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.hall.Outcome;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.controller.queue.Booking;
import io.hallq.controller.queue.BookingSlot;
import io.hallq.controller.queue.BusinessDay;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.TicketToken;
import io.hallq.controller.queue.TicketView;
import io.hallq.controller.queue.DayBookings;
import io.hallq.controller.queue.RejectReason;
import io.hallq.controller.queue.Result;
import io.hallq.controller.queue.Ticket;
import io.hallq.controller.web.WebConfig.Role;
import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.event.HallEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The public booking page's API ({@code /api/public/*}, no login, docs/appointments.md): a customer proves a phone
 * with a one-time SMS code (sent through the notification module's SMS channel) and gets a customer token, which
 * the page sends in {@value #TOKEN_HEADER}; with it the customer books a slot, lists and cancels their bookings, and
 * joins a service's queue from a distance. Every step is limited per phone and per client address
 * ({@link CustomerGate}). The phone number is never in a log line, an answer or an event: answers and the
 * journal carry it masked, the engine matches bookings by its keyed hash.
 */
public final class AppointmentRoutes implements WebRoutes {

    /** The header that carries the customer token (not a cookie: no CSRF, and a phone may hold a few). */
    static final String TOKEN_HEADER = "X-Customer-Token";

    private final NotifyModule notify;
    private final CustomerGate.Limits limits;
    private final Clock clockOverride;
    private CustomerGate gate;
    private HallController hall;
    private WebModule web;
    private PhoneHasher hasher;

    /** @param notify sends the codes (its SMS channel); started before the web module */
    public AppointmentRoutes(NotifyModule notify) {
        this(notify, CustomerGate.Limits.DEFAULT, null);
    }

    AppointmentRoutes(NotifyModule notify, CustomerGate.Limits limits, Clock clockOverride) {
        this.notify = notify;
        this.limits = limits;
        this.clockOverride = clockOverride;
    }

    @Override
    public boolean behindLogins() {
        // the manager's routes check the session's role (Access); the public ones are public by contract
        // (x-public in openapi.yaml) and bounded by CustomerGate's codes and rate limits: safe beyond this machine
        return true;
    }

    @Override
    public void mount(Vertx vertx, Router router, HallController hall, WebModule web) {
        this.hall = hall;
        this.web = web;
        if (gate == null) { // one gate for both listeners: the limits are the hall's
            gate = new CustomerGate(limits, clockOverride != null ? clockOverride : web.clock());
            hasher = PhoneHasher.of(hall.config());
        }
        router.get("/api/public/hall").handler(this::publicHall);
        router.get("/api/public/slots").handler(this::slots);
        router.get("/api/public/bookings").handler(this::myBookings);
        router.post("/api/public/bookings").handler(this::book);
        router.delete("/api/public/bookings/:id").handler(this::cancel);
        router.post("/api/public/remote").handler(this::join);
        router.get("/api/bookings").handler(this::dayForManager);
        router.post("/api/public/codes").handler(this::sendCode);
        router.post("/api/public/sessions").handler(this::verify);
        router.delete("/api/public/sessions").handler(ctx -> {
            gate.forget(ctx.request().getHeader(TOKEN_HEADER));
            Json.send(ctx, 200, Map.of("ended", true));
        });
    }

    /** The gate (tests). */
    CustomerGate gate() {
        return gate;
    }

    static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
    }

    /** The phone in the body's {@code phone} (the contract checked its shape), or null after answering 400. */
    private static PhoneNumber phone(RoutingContext ctx, JsonNode body) {
        var p = PhoneNumber.tryParse(Json.text(body, "phone"));
        if (p.isEmpty()) {
            Json.error(ctx, 400, "BAD_REQUEST", "phone: expected " + PhoneNumber.EXPECTED + " / 请输入 11 位手机号");
            return null;
        }
        return p.get();
    }

    static void refuse(RoutingContext ctx, CustomerGate.Answer<?> a) {
        int status = switch (a.refusal()) {
            case "RATE_LIMITED", "BUSY", "TOO_MANY_TRIES" -> 429;
            case "WRONG_CODE", "NO_CODE" -> 403;
            default -> 400;
        };
        if (!a.retryAfter().isZero()) {
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, (a.retryAfter().toMillis() + 999) / 1000)));
        }
        Json.error(ctx, status, a.refusal(), a.message());
    }

    private void sendCode(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        PhoneNumber phone = body == null ? null : phone(ctx, body);
        if (phone == null) {
            return;
        }
        if (!notify.canText()) {
            Json.error(ctx, 409, "SMS_OFF", "this hall sends no SMS, so it cannot confirm a phone; please book at the"
                    + " hall / 本厅未开通短信,无法验证手机号");
            return;
        }
        CustomerGate.Answer<String> code = gate.newCode(phone, address(ctx));
        if (!code.allowed()) {
            refuse(ctx, code);
            return;
        }
        var h = hall.config().hall();
        long minutes = limits.codeLifetime().toMinutes();
        String text = "【" + h.nameZh() + "】验证码 " + code.value() + "," + minutes + " 分钟内有效,请勿告诉他人。"
                + h.nameEn() + ": your code is " + code.value() + ", valid " + minutes + " min.";
        String journaled = text.replace(code.value(), "******");
        if (!notify.sendDirect(phone, text, journaled, limits.codeLifetime())) {
            Json.error(ctx, 503, "BUSY", "too many codes are waiting to be sent; try again in a minute"
                    + " / 系统繁忙,请稍后再试");
            return;
        }
        Logger.info("Web: verification code for {} requested from {}", phone, address(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phoneMasked", phone.masked());
        out.put("validSeconds", limits.codeLifetime().toSeconds());
        out.put("resendSeconds", limits.resendAfter().toSeconds());
        Json.send(ctx, 202, out);
    }

    private void verify(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        PhoneNumber phone = body == null ? null : phone(ctx, body);
        if (phone == null) {
            return;
        }
        CustomerGate.Answer<String> token = gate.verify(phone, Json.text(body, "code"));
        if (!token.allowed()) {
            Logger.info("Web: verification for {} from {} refused: {}", phone, address(ctx), token.refusal());
            refuse(ctx, token);
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("customerToken", token.value());
        out.put("phoneMasked", phone.masked());
        out.put("validSeconds", limits.verifiedFor().toSeconds());
        Json.send(ctx, 200, out);
    }

    /** The verified phone of the request's customer token, or null after answering 401. */
    CustomerGate.Verified customer(RoutingContext ctx) {
        var v = gate.verified(ctx.request().getHeader(TOKEN_HEADER));
        if (v.isEmpty()) {
            Json.error(ctx, 401, "VERIFY_PHONE", "confirm your phone with an SMS code first (it is valid "
                    + limits.verifiedFor().toMinutes() + " min) / 请先用短信验证码确认手机号");
            return null;
        }
        return v.get();
    }

    // ---- what the booking page reads and does ----

    /** A service as the booking page shows it. */
    record PublicService(String code, String nameZh, String nameEn, boolean enabled, String messageZh,
                         String messageEn, int waiting, long waitSeconds, boolean bookable, boolean remote) {}

    /** {@code zone}: the hall's time zone, in which the page shows slot times. */
    record PublicHall(String hallZh, String hallEn, String zone, List<String> bookingDays, long checkInBeforeMinutes,
                      long checkInAfterMinutes, List<PublicService> services) {}

    record SlotView(Instant start, Instant end, int capacity, int booked, int left) {}

    record Slots(String service, String day, List<SlotView> slots) {}

    /** A booking as its customer (and the manager) sees it: never the phone's hash or token. */
    record BookingView(String id, String service, String serviceZh, String serviceEn, String day, Instant start,
                       Instant end, String status, String statusZh, String statusEn, boolean cancellable,
                       String phoneMasked, String ticket) {}

    record RemoteView(String ticket, String service, int peopleAhead, long estimatedWaitSeconds, boolean checkedIn,
                      String mobileUrl, boolean smsReminder) {}

    /** {@code remote} is left out when the phone holds no live remote ticket. */
    record MyBookings(String phoneMasked, List<BookingView> bookings,
                      @com.fasterxml.jackson.annotation.JsonInclude(
                              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) RemoteView remote) {}

    record ManagerBooking(String id, String phoneMasked, String status, String ticket, String by) {}

    record SlotBookings(String service, Instant start, Instant end, int capacity, int booked, int left,
                        List<ManagerBooking> bookings) {}

    record DayView(String day, String zone, List<SlotBookings> slots) {}

    private AppointmentsConfig rules() {
        return hall.config().appointments();
    }

    /** Today's business day in the hall. */
    private LocalDate today() {
        var c = hall.config();
        return LocalDate.parse(BusinessDay.of(web.clock().instant(), c.hall().zone(), c.hours().dayRollover()));
    }

    private List<String> bookingDays() {
        if (!rules().enabled()) {
            return List.of();
        }
        List<String> days = new ArrayList<>();
        for (int i = 0; i <= rules().bookAheadDays(); i++) {
            days.add(today().plusDays(i).toString());
        }
        return days;
    }

    private void publicHall(RoutingContext ctx) {
        HallView v = web.feed().frames().latest().view();
        AppointmentsConfig r = rules();
        List<PublicService> services = v.services().stream().filter(s -> !s.directQueue())
                .map(s -> new PublicService(s.code(), s.nameZh(), s.nameEn(), s.enabled(), s.messageZh(),
                        s.messageEn(), s.waiting(), s.walkInWaitSeconds(), r.enabled() && r.takes(s.code()),
                        r.remoteTickets() && r.takes(s.code()) && s.enabled())).toList();
        Json.send(ctx, 200, new PublicHall(v.hallZh(), v.hallEn(), hall.config().hall().zone().getId(), bookingDays(),
                r.checkInBefore().toMinutes(),
                r.checkInAfter().toMinutes(), services));
    }

    private boolean knownService(RoutingContext ctx, String service) {
        if (service == null || hall.config().service(service).isEmpty()) {
            Json.error(ctx, 404, "UNKNOWN_SERVICE", "this hall has no service '" + LogText.safe(service)
                    + "' / 本厅没有该业务");
            return false;
        }
        return true;
    }

    private void slots(RoutingContext ctx) {
        String service = ctx.queryParam("service").get(0);
        if (!knownService(ctx, service)) {
            return;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(ctx.queryParam("day").get(0));
        } catch (DateTimeParseException e) {
            Json.error(ctx, 400, "BAD_REQUEST", "day: expected a date like 2026-12-07");
            return;
        }
        if (!bookingDays().contains(day.toString())) {
            Json.error(ctx, 400, "BAD_REQUEST", "day: slots can be booked from today to " + rules().bookAheadDays()
                    + " days ahead / 只能预约今天起 " + rules().bookAheadDays() + " 天内");
            return;
        }
        Instant now = web.clock().instant();
        Json.onRequestContext(hall.query(s -> s.appointments().slots(day, service)))
                .onSuccess(list -> Json.send(ctx, 200, new Slots(service, day.toString(), list.stream()
                        .filter(x -> x.start().isAfter(now))
                        .map(x -> new SlotView(x.start(), x.end(), x.capacity(), x.booked(), x.left())).toList())))
                .onFailure(e -> Json.unavailable(ctx, e));
    }

    private BookingView view(Booking b) {
        var svc = hall.config().service(b.service());
        String zh = svc.map(x -> x.nameZh()).orElse(b.service());
        String en = svc.map(x -> x.nameEn()).orElse(b.service());
        String[] st = switch (b.status()) {
            case BOOKED -> new String[] {"已预约", "Booked"};
            case CHECKED_IN -> new String[] {"已签到", "Checked in"};
            case CANCELLED -> new String[] {"已取消", "Cancelled"};
            case LAPSED -> new String[] {"已过期", "Lapsed"};
        };
        return new BookingView(b.id(), b.service(), zh, en, b.day(), b.slot(), b.slotEnd(), b.status().name(), st[0],
                st[1], b.live(), b.phoneMasked(), b.ticket());
    }

    /** The phone's bookings of today and the days that can be booked, and its live remote ticket (on the writer). */
    private record Mine(List<Booking> bookings, String remoteTicket, String remoteService, String remoteToken,
                        boolean remoteCheckedIn) {}

    private void myBookings(RoutingContext ctx) {
        CustomerGate.Verified who = customer(ctx);
        if (who == null) {
            return;
        }
        String hash = hasher.hash(who.phone());
        List<String> days = bookingDays().isEmpty() ? List.of(today().toString()) : bookingDays();
        Json.onRequestContext(hall.query(s -> {
            List<Booking> list = new ArrayList<>();
            for (String d : days) {
                s.appointments().bookings(d).stream().filter(b -> b.phoneHash().equals(hash)).forEach(list::add);
            }
            Optional<TicketView> remote = s.appointments().remoteTicketOf(hash).flatMap(n -> s.liveTickets().stream()
                    .filter(t -> t.number().equals(n)).findFirst());
            return new Mine(list, remote.map(TicketView::number).orElse(null), remote.map(TicketView::service).orElse(null),
                    remote.map(TicketView::token).orElse(null), remote.map(TicketView::checkedIn).orElse(false));
        })).onSuccess(m -> Json.send(ctx, 200, new MyBookings(who.masked(), m.bookings().stream().map(this::view)
                .toList(), m.remoteTicket() == null ? null : remoteView(m))))
                .onFailure(e -> Json.unavailable(ctx, e));
    }

    private RemoteView remoteView(Mine m) {
        HallView.TicketInfo t = m.remoteToken() == null ? null
                : web.feed().frames().latest().view().ticketByToken(m.remoteToken());
        return new RemoteView(m.remoteTicket(), m.remoteService(), t == null ? 0 : t.peopleAhead(),
                t == null ? -1 : t.waitSeconds(), m.remoteCheckedIn(),
                m.remoteToken() == null ? null : web.publicUrlOrRelative() + "/m/" + m.remoteToken(),
                notify.remindsCustomers());
    }

    /** A change by a verified customer: limited, then the engine decides; null after answering a refusal. */
    private CustomerGate.Verified changer(RoutingContext ctx) {
        CustomerGate.Verified who = customer(ctx);
        if (who == null) {
            return null;
        }
        CustomerGate.Answer<Void> ok = gate.action(who.phone(), address(ctx));
        if (!ok.allowed()) {
            refuse(ctx, ok);
            return null;
        }
        return who;
    }

    private void book(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        if (body == null) {
            return;
        }
        String service = Json.text(body, "service");
        Instant start;
        try {
            start = Instant.parse(Json.text(body, "start"));
        } catch (DateTimeParseException | NullPointerException e) {
            Json.error(ctx, 400, "BAD_REQUEST", "start: expected a slot's start as the slots give it, e.g."
                    + " 2026-12-07T02:00:00Z");
            return;
        }
        if (!knownService(ctx, service)) {
            return;
        }
        CustomerGate.Verified who = changer(ctx);
        if (who == null) {
            return;
        }
        Command.Book cmd = new Command.Book(service, start, who.masked(), hasher.hash(who.phone()), null, "web");
        submit(ctx, cmd, "Book[" + service + " " + start + ", " + who.masked() + "]", o -> event(o,
                HallEvent.BookingMade.class).map(m -> {
                    var svc = hall.config().service(m.service()).orElseThrow();
                    Instant end = m.slot().plus(Duration.ofMinutes(m.slotMinutes()));
                    var c = hall.config();
                    return (Object) new BookingView(m.booking(), m.service(), svc.nameZh(), svc.nameEn(),
                            BusinessDay.of(m.slot(), c.hall().zone(), c.hours().dayRollover()), m.slot(), end,
                            "BOOKED", "已预约", "Booked", true, m.phoneMasked(), null);
                }).orElse(null));
    }

    private void cancel(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        CustomerGate.Verified who = changer(ctx);
        if (who == null) {
            return;
        }
        String hash = hasher.hash(who.phone());
        Json.onRequestContext(hall.query(s -> s.appointments().booking(id)
                .filter(b -> b.phoneHash().equals(hash)))).onSuccess(found -> {
                    if (found.isEmpty()) {
                        Json.error(ctx, 404, "UNKNOWN_BOOKING", "no booking of this phone has this id / 没有这个预约");
                        return;
                    }
                    Booking b = found.get();
                    submit(ctx, new Command.CancelBooking(id, hash, "customer"), "CancelBooking[" + id + ", "
                            + who.masked() + "]", o -> {
                                BookingView v = view(b);
                                return new BookingView(v.id(), v.service(), v.serviceZh(), v.serviceEn(), v.day(),
                                        v.start(), v.end(), "CANCELLED", "已取消", "Cancelled", false,
                                        v.phoneMasked(), null);
                            });
                }).onFailure(e -> Json.unavailable(ctx, e));
    }

    private void join(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        if (body == null) {
            return;
        }
        String service = Json.text(body, "service");
        if (!knownService(ctx, service)) {
            return;
        }
        CustomerGate.Verified who = changer(ctx);
        if (who == null) {
            return;
        }
        TicketToken token = TicketToken.random();
        // the class comes from central or the hall's own phone list, as for every ticket with a number
        Json.onRequestContext(web.classOf(who.phone())).onComplete((cls, failure) -> join(ctx, service, who, token,
                cls == null ? null : cls.orElse(null)));
    }

    private void join(RoutingContext ctx, String service, CustomerGate.Verified who, TicketToken token,
                      String customerClass) {
        Command.JoinRemote cmd = new Command.JoinRemote(service, customerClass, who.masked(),
                hasher.hash(who.phone()), token.value());
        submit(ctx, cmd, "JoinRemote[" + service + ", " + who.masked() + "]", o -> {
            for (JournaledEvent e : o.events()) {
                if (e.event() instanceof HallEvent.TicketIssued t) {
                    web.feed().noteIssued(token, t.ticket(), e.sequence());
                    // the customer is away from the hall: the verified number gets the ticket's SMS reminders
                    // ("N ahead", overdue), kept encrypted like a number typed at the dispenser
                    boolean sms = notify.remindsCustomers();
                    if (sms) {
                        notify.optIn(token.value(), who.phone());
                    }
                    return new RemoteView(t.ticket(), t.service(), t.peopleAhead(), t.estimatedWaitSeconds(), false,
                            web.publicUrlOrRelative() + "/m/" + token.value(), sms);
                }
            }
            return null;
        });
    }

    private void dayForManager(RoutingContext ctx) {
        if (web.access().require(ctx, "see the bookings", Role.MANAGER) == null) {
            return;
        }
        LocalDate day;
        try {
            day = ctx.queryParam("day").isEmpty() ? today() : LocalDate.parse(ctx.queryParam("day").get(0));
        } catch (DateTimeParseException e) {
            Json.error(ctx, 400, "BAD_REQUEST", "day: expected a date like 2026-12-07");
            return;
        }
        String zone = hall.config().hall().zone().getId();
        Json.onRequestContext(hall.query(s -> s.appointments().day(day))).onSuccess(d -> Json.send(ctx, 200,
                dayView(d, zone))).onFailure(e -> Json.unavailable(ctx, e));
    }

    static DayView dayView(DayBookings d, String zone) {
        List<SlotBookings> slots = new ArrayList<>();
        for (BookingSlot x : d.slots()) {
            List<ManagerBooking> in = d.bookings().stream()
                    .filter(b -> b.service().equals(x.service()) && b.slot().equals(x.start()))
                    .map(b -> new ManagerBooking(b.id(), b.phoneMasked(), b.status().name(), b.ticket(), b.by()))
                    .toList();
            slots.add(new SlotBookings(x.service(), x.start(), x.end(), x.capacity(), x.booked(), x.left(), in));
        }
        return new DayView(d.day(), zone, slots);
    }

    private static <T extends HallEvent> Optional<T> event(Outcome o, Class<T> type) {
        return o.events().stream().map(JournaledEvent::event).filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * Submits a customer's command and answers its result (200) once durable, or the engine's refusal with a text
     * for customers. {@code described} is the log line's description (masked number, no hash, no token).
     */
    private void submit(RoutingContext ctx, Command cmd, String described, Function<Outcome, Object> answer) {
        Json.onRequestContext(hall.submit(cmd)).onComplete((o, failure) -> {
            if (failure != null) {
                Logger.error(failure, "Web customer command {} failed", described);
                Json.error(ctx, 503, "UNAVAILABLE", "the hall could not record this: " + failure.getMessage());
            } else if (o.result() instanceof Result.Rejected r) {
                Logger.info("Web customer: {} refused: {}", described, r.reason());
                if (r.reason() == RejectReason.OVERLOADED) {
                    ctx.response().putHeader("Retry-After", "1");
                }
                Json.error(ctx, status(r.reason()), r.reason().name(), customerText(r));
            } else {
                Logger.info("Web customer: {}", described);
                Json.send(ctx, 200, answer.apply(o));
            }
        });
    }

    static int status(RejectReason reason) {
        return switch (reason) {
            case OVERLOADED -> 503;
            case UNKNOWN_SERVICE, UNKNOWN_BOOKING -> 404;
            case INVALID, SLOT_NOT_BOOKABLE -> 400;
            default -> 409;
        };
    }

    /** The engine's refusal in words for a customer, in Chinese and English, with the engine's own detail. */
    static String customerText(Result.Rejected r) {
        String said = switch (r.reason()) {
            case SLOT_FULL -> "该时段已约满,请选择其他时间 / This time is fully booked; please choose another";
            case SLOT_NOT_BOOKABLE -> "该时间不能预约 / This time cannot be booked";
            case BOOKING_LIMIT -> "您当天的预约已达上限 / You hold as many bookings for that day as allowed";
            case BOOKING_NOT_LIVE -> "该预约已签到、取消或过期 / This booking was checked in, cancelled or has lapsed";
            case UNKNOWN_BOOKING -> "没有这个预约 / No such booking";
            case REMOTE_TICKET_HELD -> "您在本厅已有一个线上排队号 / You already hold a remote ticket at this hall";
            case APPOINTMENTS_OFF -> "本厅该业务暂不支持预约或线上取号 / This service takes no bookings or remote tickets here";
            case SERVICE_DISABLED -> "该业务暂停办理 / This service is paused";
            case OVERLOADED -> "系统繁忙,请稍后再试 / The hall is busy; try again shortly";
            default -> "未能办理 / Not done";
        };
        return said + " (" + r.message() + ")";
    }
}
