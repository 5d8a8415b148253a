package io.hallq.controller.web;

import io.hallq.controller.queue.TicketToken;
import io.hallq.controller.web.WebConfig.Role;
import io.hallq.display.board.SseStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The live feeds (Server-Sent Events) of the staff, manager and mobile pages and the raw event stream. Each
 * sends the current view on connect and then every change; message ids are journal sequences. Every stream
 * is opened through the {@link FeedGate} (bounded per page type and per address; closed with its login).
 */
final class FeedRoutes {

    private final Access access;
    private final LiveFeed feed;
    private final FeedGate gate;

    FeedRoutes(Access access, LiveFeed feed, FeedGate gate) {
        this.access = access;
        this.feed = feed;
        this.gate = gate;
    }

    void mount(Router router) {
        router.get("/api/feed/counter/:n").handler(ctx -> {
            Integer n = CounterRoutes.number(ctx);
            if (n == null || access.requireCounter(ctx, n, "follow") == null) {
                return;
            }
            if (PageProjections.staff(feed.frames().latest(), n) == null) {
                Json.error(ctx, 404, "UNKNOWN_COUNTER", "there is no counter " + n);
                return;
            }
            SseStream s = gate.open(ctx, "counter");
            if (s != null) {
                feed.frames().subscribe(s, "counter", f -> {
                    PageProjections.StaffView v = PageProjections.staff(f, n);
                    return v == null ? null : Json.write(v);
                });
            }
        });
        router.get("/api/feed/manager").handler(ctx -> {
            if (access.require(ctx, "follow the hall", Role.MANAGER) != null) {
                SseStream s = gate.open(ctx, "manager");
                if (s != null) {
                    feed.frames().subscribe(s, "hall", f -> Json.write(PageProjections.manager(f)));
                }
            }
        });
        router.get("/api/feed/ticket/:token").handler(this::ticket);
        router.get("/api/events").handler(this::events);
    }

    private void ticket(RoutingContext ctx) {
        LiveFeed.Issued found = HallRoutes.ticketOfLink(feed, ctx);
        if (found == null) {
            return;
        }
        SseStream s = gate.open(ctx, "ticket");
        if (s != null) {
            // a frame older than the ticket's issue may not hold it yet: it would read as "done"
            feed.frames().subscribe(s, "ticket", f -> f.seq() < found.seq() ? null
                    : Json.write(HallRoutes.ticketView(f.view(), found)));
        }
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
            Json.error(ctx, 400, "BAD_REQUEST", "Last-Event-ID / after: expected a sequence number, got '"
                    + LogText.safe(after) + "'");
            return;
        }
        if (after != null && seq < 0) {
            Json.error(ctx, 400, "BAD_REQUEST", "Last-Event-ID / after: expected a sequence number of 0 or more, got "
                    + seq);
            return;
        }
        SseStream s = gate.open(ctx, "events");
        if (s != null) {
            feed.subscribeRaw(s, seq);
        }
    }
}
