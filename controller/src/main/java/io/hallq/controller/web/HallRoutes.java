package io.hallq.controller.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.config.PublicUrl;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.TicketToken;
import io.hallq.controller.web.WebConfig.Role;
import io.hallq.controller.web.WebConfig.WebUser;
import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.event.HallEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Tickets, services, alarms, statistics and the whole hall for the manager. */
final class HallRoutes {


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
    private final java.util.function.Function<PhoneNumber,
            java.util.concurrent.CompletableFuture<java.util.Optional<String>>> classOf;
    private final TicketRate rate;

    /** @param classOf a customer phone's class: central, then the hall's list ({@link WebModule#classOf}) */
    HallRoutes(HallController hall, Access access, LiveFeed feed, String publicUrl, java.time.Clock clock,
               java.util.function.Function<PhoneNumber, java.util.concurrent.CompletableFuture<java.util.Optional<String>>>
                       classOf, TicketRate rate) {
        this.clock = clock;
        this.classOf = classOf;
        this.rate = rate;
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
            LiveFeed.Issued found = ticketOfLink(feed, ctx);
            if (found == null) {
                return;
            }
            // answered from the pages' view (never a query on the writer), once it holds the ticket
            Json.onRequestContext(feed.frameAtLeast(found.seq()).orTimeout(5, java.util.concurrent.TimeUnit.SECONDS))
                    .onSuccess(f -> Json.send(ctx, 200, ticketView(f.view(), found)))
                    .onFailure(e -> Json.unavailable(ctx, e));
        });
    }

    /**
     * The mobile page of {@code token}: its ticket while live; DONE ("served or left the queue") with the
     * ticket's number once it left the queue today.
     */
    static PageProjections.TicketView ticketView(HallView view, LiveFeed.Issued found) {
        PageProjections.TicketView v = PageProjections.ticket(view, found.token().value());
        return v.ticket() != null ? v : new PageProjections.TicketView(v.seq(), v.hallZh(), v.hallEn(),
                found.ticket(), v.serviceZh(), v.serviceEn(), v.status(), v.counter(), v.counterZh(), v.counterEn(),
                v.peopleAhead(), v.waitSeconds());
    }

    static void unknownTicket(RoutingContext ctx) {
        Json.error(ctx, 404, "UNKNOWN_TICKET", "no ticket of today has this link / 该号码不在今日队列中");
    }

    /**
     * The ticket of today whose mobile link the request names ({@code :token}), found in the feed's index (never by a
     * query on the writer); null, after answering 404 UNKNOWN_TICKET, for a malformed token or one no ticket of today
     * holds. The mobile page's answer ({@code /api/mobile/:token}) and its event stream ({@code /api/feed/ticket/:token})
     * both find their ticket here.
     */
    static LiveFeed.Issued ticketOfLink(LiveFeed feed, RoutingContext ctx) {
        LiveFeed.Issued found = TicketToken.parse(ctx.pathParam("token")).map(feed::ticketOf).orElse(null);
        if (found == null) {
            unknownTicket(ctx);
        }
        return found;
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
        String phoneText = Json.text(body, "phone");
        if (service == null) {
            Json.error(ctx, 400, "BAD_REQUEST", "expected {\"service\": \"PAY\"} (optional: phone)");
            return;
        }
        PhoneNumber phone = phoneText == null ? null : PhoneNumber.tryParse(phoneText).orElse(null);
        if (phoneText != null && phone == null) {
            Json.error(ctx, 400, "BAD_REQUEST", "phone: expected " + PhoneNumber.EXPECTED);
            return;
        }
        java.time.Duration wait = rate.take(user.name());
        if (!wait.isZero()) {
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
            Json.error(ctx, 429, "RATE_LIMITED", "user " + user.name() + " may issue " + rate.perMinute()
                    + " tickets a minute (web.ticketsPerMinute); try again in " + Math.max(1, wait.toSeconds()) + " s");
            return;
        }
        // the class comes from central or the hall's own phone list, never from the client (a kiosk cannot ask for
        // VIP); the clear number never leaves this method: the engine, journal and pages see it masked
        String masked = phone == null ? null : phone.masked();
        TicketToken token = TicketToken.random();
        if (phone == null) {
            Submit.command(hall, ctx, new Command.IssueTicket(service, null, null, token.value()), user.name(),
                    o -> issued(o.events(), token));
            return;
        }
        Json.onRequestContext(classOf.apply(phone)).onComplete((cls, failure) -> Submit.command(hall, ctx,
                new Command.IssueTicket(service, cls == null ? null : cls.orElse(null), masked, token.value()),
                user.name(), o -> issued(o.events(), token)));
    }

    private Issued issued(List<JournaledEvent> events, TicketToken token) {
        return events.stream().map(JournaledEvent::event).filter(HallEvent.TicketIssued.class::isInstance)
                .map(HallEvent.TicketIssued.class::cast).findFirst()
                .map(t -> {
                    long seq = events.stream().filter(e -> e.event() == t).mapToLong(JournaledEvent::sequence)
                            .findFirst().orElse(hall.lastSequence());
                    feed.noteIssued(token, t.ticket(), seq);
                    return new Issued(t.ticket(), t.service(), t.peopleAhead(), t.estimatedWaitSeconds(), t.vipRoom(),
                            token.value(), publicUrl + PublicUrl.MOBILE_PATH + token.value());
                })
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
