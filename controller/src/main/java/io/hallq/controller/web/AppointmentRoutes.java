package io.hallq.controller.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.protocol.PhoneNumber;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
    public void mount(Vertx vertx, Router router, HallController hall, WebModule web) {
        this.hall = hall;
        if (gate == null) { // one gate for both listeners: the limits are the hall's
            gate = new CustomerGate(limits, clockOverride != null ? clockOverride : Clock.systemUTC());
        }
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
        if (!notify.sendDirect(phone.digits(), text, journaled, limits.codeLifetime())) {
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

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
