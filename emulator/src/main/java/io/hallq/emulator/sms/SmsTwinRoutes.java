package io.hallq.emulator.sms;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.controller.web.WebModule;
import io.hallq.controller.web.WebRoutes;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The twin's SMS page (/twin/sms.html): the phones' inboxes on the virtual SMS centre, and the staff alerts and
 * reminders as the hall journaled them (masked). The emulator shows customers' numbers here because they are
 * the emulator's own made-up phones; a real hall has no such page.
 */
public final class SmsTwinRoutes implements WebRoutes {

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = io.hallq.protocol.EventCodec.newMapper();

    private final VirtualSmsCentre centre;
    private final NotifyModule notify;

    public SmsTwinRoutes(VirtualSmsCentre centre, NotifyModule notify) {
        this.centre = centre;
        this.notify = notify;
    }

    @Override
    public void mount(Vertx vertx, Router router, HallController hall, WebModule web) {
        router.get("/twin/api/sms").handler(ctx -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("inboxes", centre.inboxes());
            out.put("notifications", notify.snapshot().lines());
            try {
                ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(MAPPER.writeValueAsString(out));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                ctx.fail(e);
            }
        });
    }
}
