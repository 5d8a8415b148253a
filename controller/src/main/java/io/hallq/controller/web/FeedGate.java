package io.hallq.controller.web;

import io.hallq.display.board.FeedCaps;
import io.hallq.display.board.SseStream;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds the live feeds (Server-Sent Events): at most {@link WebConfig.FeedLimits} open at once per page type
 * (board, ticket, counter, manager, events) and per client address over all types, counted by {@link FeedCaps}
 * (the same caps as the standalone board's). A feed over a bound is refused with 503 TOO_MANY_FEEDS (per type) or
 * 429 TOO_MANY_FEEDS (per address), with Retry-After; a page's EventSource tries again later. A feed opened under
 * a login is closed when the login ends.
 */
final class FeedGate {

    private final Vertx vertx;
    private final FeedCaps caps;
    private final Sessions sessions;

    FeedGate(Vertx vertx, WebConfig.FeedLimits limits, Sessions sessions) {
        this.vertx = vertx;
        this.caps = new FeedCaps(limits::of, limits.perAddress());
        this.sessions = sessions;
    }

    /** Opens the request's event stream of {@code type}, or answers the refusal and returns null. */
    SseStream open(RoutingContext ctx, String type) {
        SseStream stream = caps.open(vertx, ctx, type);
        if (stream == null) {
            return null;
        }
        Sessions.Session s = sessions.of(ctx);
        if (s != null) {
            sessions.attach(s, stream);
        }
        return stream;
    }

    /** The caps themselves, for routes mounted by other modules (the board's). */
    FeedCaps caps() {
        return caps;
    }

    int open(String type) {
        return caps.open(type);
    }
}
