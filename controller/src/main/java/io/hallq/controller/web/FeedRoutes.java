package io.hallq.controller.web;

import io.hallq.controller.web.WebConfig.Role;
import io.hallq.display.board.SseStream;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The live feeds (Server-Sent Events) of the staff, manager and mobile pages and the raw event stream. Each
 * sends the current view on connect and then every change; message ids are journal sequences.
 */
final class FeedRoutes {

    private final Vertx vertx;
    private final Access access;
    private final LiveFeed feed;
    private final HallRoutes hallRoutes;

    FeedRoutes(Vertx vertx, Access access, LiveFeed feed, HallRoutes hallRoutes) {
        this.vertx = vertx;
        this.access = access;
        this.feed = feed;
        this.hallRoutes = hallRoutes;
    }

    void mount(Router router) {
        router.get("/api/feed/counter/:n").handler(ctx -> {
            Integer n = CounterRoutes.number(ctx);
            if (n != null && access.requireCounter(ctx, n, "follow") != null) {
                feed.frames().subscribe(open(ctx), "counter", f -> {
                    PageProjections.StaffView v = PageProjections.staff(f, n);
                    return v == null ? null : Json.write(v);
                });
            }
        });
        router.get("/api/feed/manager").handler(ctx -> {
            if (access.require(ctx, "follow the hall", Role.MANAGER) != null) {
                feed.frames().subscribe(open(ctx), "hall", f -> Json.write(PageProjections.manager(f)));
            }
        });
        router.get("/api/feed/ticket/:token").handler(this::ticket);
        router.get("/api/events").handler(this::events);
    }

    private void ticket(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        Json.onRequestContext(hallRoutes.findToken(token)).onSuccess(found -> {
            if (found == null) {
                HallRoutes.unknownTicket(ctx);
                return;
            }
            // a frame older than the lookup may not hold the ticket yet: it would read as "done"
            feed.frames().subscribe(open(ctx), "ticket", f -> f.seq() < found.seq() ? null
                    : Json.write(PageProjections.ticket(f.view(), token)));
        }).onFailure(e -> Json.unavailable(ctx, e));
    }

    /** Raw events for integrators: resume after {@code Last-Event-ID} (or {@code ?after=}), else a snapshot first. */
    private void events(RoutingContext ctx) {
        if (access.require(ctx, "follow the event stream", Role.MANAGER) == null) {
            return;
        }
        String after = ctx.request().getHeader("Last-Event-ID");
        if (after == null) {
            after = ctx.request().getParam("after");
        }
        long seq;
        try {
            seq = after == null ? -1 : Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            Json.error(ctx, 400, "BAD_REQUEST", "Last-Event-ID / after: expected a sequence number, got '" + after + "'");
            return;
        }
        feed.subscribeRaw(open(ctx), seq);
    }

    private SseStream open(RoutingContext ctx) {
        return SseStream.open(vertx, ctx.response(), () -> { });
    }
}
