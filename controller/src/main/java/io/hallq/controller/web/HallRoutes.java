package io.hallq.controller.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.config.PublicUrl;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.queue.Command;
import io.hallq.controller.web.WebConfig.Role;
import io.hallq.controller.web.WebConfig.WebUser;
import io.hallq.protocol.event.HallEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Tickets, services, alarms, statistics and the whole hall for the manager. */
final class HallRoutes {

    private static final Pattern PHONE = Pattern.compile("1\\d{10}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /** A ticket just issued; {@code mobileUrl} is what its QR code holds. */
    record Issued(String ticket, String service, int peopleAhead, long estimatedWaitSeconds, boolean vipRoom,
                  String token, String mobileUrl) {}

    record Statistics(String day, Map<String, DayLedger.ServiceCounts> services,
                      Map<Integer, DayLedger.CounterCounts> counters, Map<String, Long> meanHandlingSeconds) {}

    private final HallController hall;
    private final Access access;
    private final LiveFeed feed;
    private final String publicUrl;
    private final java.time.Clock clock;

    HallRoutes(HallController hall, Access access, LiveFeed feed, String publicUrl, java.time.Clock clock) {
        this.clock = clock;
        this.hall = hall;
        this.access = access;
        this.feed = feed;
        this.publicUrl = publicUrl;
    }

    void mount(Router router) {
        router.get("/api/hall").handler(ctx -> {
            if (access.require(ctx, "see the whole hall", Role.MANAGER) != null) {
                Json.send(ctx, 200, PageProjections.manager(feed.frames().latest()));
            }
        });
        router.get("/api/services").handler(ctx -> {
            if (access.require(ctx, "see the services", Role.KIOSK, Role.STAFF, Role.MANAGER) != null) {
                Json.send(ctx, 200, feed.frames().latest().view().services());
            }
        });
        router.put("/api/services/:code").handler(this::setService);
        router.put("/api/notice").handler(this::postNotice);
        router.delete("/api/notice").handler(ctx -> {
            WebUser user = access.require(ctx, "withdraw the board notice", Role.MANAGER);
            if (user != null) {
                Submit.command(hall, ctx, new Command.PostNotice(null, null, null), user.name());
            }
        });
        router.get("/api/tickets").handler(ctx -> {
            if (access.require(ctx, "see the queue", Role.MANAGER) != null) {
                Json.send(ctx, 200, PageProjections.manager(feed.frames().latest()).tickets());
            }
        });
        router.post("/api/tickets").handler(this::issue);
        router.get("/api/alarms").handler(ctx -> {
            if (access.require(ctx, "see alarms", Role.MANAGER) != null) {
                Json.send(ctx, 200, feed.frames().latest().view().alarms());
            }
        });
        router.get("/api/statistics").handler(this::statistics);
        router.get("/api/mobile/:token").handler(ctx -> {
            String token = ctx.pathParam("token");
            if (!TOKEN.matcher(token).matches()) {
                unknownTicket(ctx);
                return;
            }
            Json.onRequestContext(hall.query(s -> s.liveTickets().stream().anyMatch(t -> token.equals(t.token()))
                            ? HallView.capture(s, hall.lastSequence(), clock.instant()) : null))
                    .onSuccess(view -> {
                        if (view == null) {
                            unknownTicket(ctx);
                        } else {
                            Json.send(ctx, 200, PageProjections.ticket(view, token));
                        }
                    }).onFailure(e -> Json.unavailable(ctx, e));
        });
    }

    static void unknownTicket(RoutingContext ctx) {
        Json.error(ctx, 404, "UNKNOWN_TICKET", "no ticket of today has this link / 该号码不在今日队列中");
    }

    /** A live ticket found by its mobile token, as of journal sequence {@code seq}. */
    record Found(String ticket, long seq) {}

    /**
     * Looks the token up on the writer thread, so a ticket issued a moment ago is found even before the pages'
     * next frame; completes with null for a malformed token or one no live ticket holds.
     */
    java.util.concurrent.CompletableFuture<Found> findToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return hall.query(s -> s.liveTickets().stream().filter(t -> token.equals(t.token())).findFirst()
                .map(t -> new Found(t.number(), hall.lastSequence())).orElse(null));
    }

    private void issue(RoutingContext ctx) {
        WebUser user = access.require(ctx, "issue tickets", Role.KIOSK, Role.STAFF, Role.MANAGER);
        if (user == null) {
            return;
        }
        JsonNode body = Json.body(ctx);
        if (body == null) {
            return;
        }
        String service = Json.text(body, "service");
        String phone = Json.text(body, "phone");
        if (service == null) {
            Json.error(ctx, 400, "BAD_REQUEST", "expected {\"service\": \"PAY\"} (optional: customerClass, phone)");
            return;
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            Json.error(ctx, 400, "BAD_REQUEST", "phone: expected an 11-digit mobile number starting with 1");
            return;
        }
        // the clear number never leaves this method: the engine, journal and pages see it masked
        String masked = phone == null ? null : phone.substring(0, 3) + "****" + phone.substring(7);
        String token = Access.newToken();
        Command.IssueTicket cmd = new Command.IssueTicket(service, Json.text(body, "customerClass"), masked, token);
        Submit.command(hall, ctx, cmd, user.name(), o -> issued(o.events(), token));
    }

    private Issued issued(List<JournaledEvent> events, String token) {
        return events.stream().map(JournaledEvent::event).filter(HallEvent.TicketIssued.class::isInstance)
                .map(HallEvent.TicketIssued.class::cast).findFirst()
                .map(t -> new Issued(t.ticket(), t.service(), t.peopleAhead(), t.estimatedWaitSeconds(), t.vipRoom(),
                        token, publicUrl + PublicUrl.MOBILE_PATH + token))
                .orElse(null);
    }

    private void setService(RoutingContext ctx) {
        if (access.require(ctx, "switch services on or off", Role.MANAGER) == null) {
            return;
        }
        JsonNode body = Json.body(ctx);
        if (body == null) {
            return;
        }
        JsonNode enabled = body.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            Json.error(ctx, 400, "BAD_REQUEST",
                    "expected {\"enabled\": false, \"messageZh\": \"...\", \"messageEn\": \"...\"}");
            return;
        }
        String zh = blankToNull(Json.text(body, "messageZh"));
        String en = blankToNull(Json.text(body, "messageEn"));
        Submit.command(hall, ctx, new Command.SetService(ctx.pathParam("code"), enabled.booleanValue(), zh, en),
                access.user(ctx).name());
    }

    /** {@code {textZh, textEn, minutes}}: the board shows it for that long (1 min to 24 h); the engine checks texts. */
    private void postNotice(RoutingContext ctx) {
        WebUser user = access.require(ctx, "post a board notice", Role.MANAGER);
        JsonNode body = user == null ? null : Json.body(ctx);
        if (body == null) {
            return;
        }
        JsonNode minutes = body.get("minutes");
        if (minutes == null || !minutes.canConvertToInt() || minutes.asInt() < 1 || minutes.asInt() > 24 * 60) {
            Json.error(ctx, 400, "BAD_REQUEST", "minutes: expected whole minutes from 1 to 1440, e.g. "
                    + "{\"textZh\": \"...\", \"textEn\": \"...\", \"minutes\": 60}");
            return;
        }
        Submit.command(hall, ctx, new Command.PostNotice(Json.text(body, "textZh"), Json.text(body, "textEn"),
                clock.instant().plusSeconds(60L * minutes.asInt())), user.name());
    }

    private void statistics(RoutingContext ctx) {
        if (access.require(ctx, "see statistics", Role.MANAGER) == null) {
            return;
        }
        Frame f = feed.frames().latest();
        Map<String, Long> handling = new java.util.TreeMap<>();
        f.view().services().forEach(s -> handling.put(s.code(), s.meanHandlingSeconds()));
        Json.send(ctx, 200, new Statistics(f.view().day(), f.ledger().services(), f.ledger().counters(), handling));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
