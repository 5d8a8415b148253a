package io.hallq.controller.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.controller.queue.TicketToken;
import io.hallq.protocol.PhoneNumber;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;

/**
 * The notification module's routes on the hall's web server:
 * <ul>
 *   <li>{@code GET /api/notifications} (manager): today's SMS, sent and pending, with masked numbers only;</li>
 *   <li>{@code POST /m/{token}/reminders} (the mobile ticket page, no login: the token is the key): a customer
 *       who typed no number at the dispenser asks for the SMS reminders. The number goes straight to the
 *       module's encrypted vault; the answer shows it masked. Limited per ticket and per client address
 *       ({@link ReminderGate}): 429 with {@code Retry-After} beyond.</li>
 * </ul>
 * The page for managers is /manager/notifications.html.
 */
public final class NotifyRoutes implements WebRoutes {

    private static final int BODY_LIMIT = 1024;

    private final NotifyModule notify;

    /** @param notify started before the web module (its routes read the web section through it) */
    public NotifyRoutes(NotifyModule notify) {
        this.notify = notify;
    }

    @Override
    public boolean behindLogins() {
        return true; // every route checks the session's role (Access), on the staff listener too
    }

    @Override
    public void mount(Vertx vertx, Router router, HallController hall, WebModule web) {
        Access access = web.access();
        ReminderGate gate = new ReminderGate(ReminderGate.Limits.DEFAULT, web.clock());
        router.get("/api/notifications").handler(ctx -> {
            if (access.require(ctx, "see the notifications", WebConfig.Role.MANAGER) == null) {
                return;
            }
            if (!notify.enabled()) {
                Json.send(ctx, 200, Map.of("enabled", false, "pending", 0, "lines", java.util.List.of()));
                return;
            }
            NotifyModule.Snapshot s = notify.snapshot();
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("enabled", true);
            out.put("pending", s.pending());
            out.put("lines", s.lines());
            out.put("paper", s.paper());
            Json.send(ctx, 200, out);
        });
        router.post("/api/notifications/paper").handler(ctx -> {
            if (access.require(ctx, "set the paper stock", WebConfig.Role.MANAGER) == null) {
                return;
            }
            if (notify.paper().isEmpty()) {
                Json.error(ctx, 409, "NOTIFICATIONS_OFF", "notifications are off (notify: in hall.yaml)");
                return;
            }
            JsonNode body = Json.body(ctx);
            if (body == null) {
                return;
            }
            JsonNode rolls = body.get("rolls");
            if (rolls == null || !rolls.isIntegralNumber() || !rolls.canConvertToInt() || rolls.intValue() < 0
                    || rolls.intValue() > 10_000 || body.size() != 1) {
                Json.error(ctx, 400, "BAD_REQUEST", "expected {\"rolls\": a whole number 0 to 10000}");
                return;
            }
            notify.paper().get().setRolls(rolls.intValue());
            notify.wake();
            Json.send(ctx, 200, Map.of("rolls", rolls.intValue()));
        });
        router.post("/m/:token/reminders").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.post("/m/:token/reminders").handler(ctx -> {
            String token = ctx.pathParam("token");
            if (TicketToken.parse(token).isEmpty()) {
                Json.error(ctx, 404, "NOT_FOUND", "no ticket of today has this link");
                return;
            }
            if (!notify.enabled()) {
                Json.error(ctx, 409, "NOTIFICATIONS_OFF", "this hall sends no SMS reminders / 本厅未开通短信提醒");
                return;
            }
            JsonNode body = Json.body(ctx);
            if (body == null) {
                return;
            }
            JsonNode phoneNode = body.get("phone");
            if (phoneNode == null || !phoneNode.isTextual() || !PhoneNumber.isValid(phoneNode.textValue())
                    || body.size() != 1) {
                Json.error(ctx, 400, "BAD_REQUEST", "expected {\"phone\": " + PhoneNumber.EXPECTED + "}");
                return;
            }
            CustomerGate.Answer<Void> allowed = gate.request(token, AppointmentRoutes.address(ctx));
            if (!allowed.allowed()) {
                AppointmentRoutes.refuse(ctx, allowed);
                return;
            }
            PhoneNumber phone = PhoneNumber.parse(phoneNode.textValue());
            Json.onRequestContext(hall.query(s -> s.ticketByToken(token).filter(t -> t.waiting()).isPresent()))
                    .onSuccess(waiting -> {
                        if (!waiting) {
                            Json.error(ctx, 404, "NOT_FOUND", "no waiting ticket has this link");
                            return;
                        }
                        notify.optIn(token, phone);
                        Json.send(ctx, 200, Map.of("phoneMasked", phone.masked()));
                    })
                    .onFailure(e -> Json.unavailable(ctx, e));
        });
    }
}
