package io.hallq.controller.web;

import io.hallq.display.board.SseStream;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Bounds the live feeds (Server-Sent Events): at most {@link WebConfig.FeedLimits} open at once per page type
 * (board, ticket, counter, manager, events) and per client address over all types. A feed over a bound is
 * refused with 503 TOO_MANY_FEEDS (per type) or 429 TOO_MANY_FEEDS (per address), with Retry-After; a page's
 * EventSource tries again later. A feed opened under a login is closed when the login ends.
 */
final class FeedGate {

    private final Vertx vertx;
    private final WebConfig.FeedLimits limits;
    private final Sessions sessions;
    private final Map<String, Integer> perType = new HashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>();

    FeedGate(Vertx vertx, WebConfig.FeedLimits limits, Sessions sessions) {
        this.vertx = vertx;
        this.limits = limits;
        this.sessions = sessions;
    }

    /** Opens the request's event stream of {@code type}, or answers the refusal and returns null. */
    SseStream open(RoutingContext ctx, String type) {
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        synchronized (this) {
            if (perType.getOrDefault(type, 0) >= limits.of(type)) {
                refuse(ctx, 503, "the hall serves " + limits.of(type) + " " + type + " feeds at once; try again later");
                return null;
            }
            if (perAddress.getOrDefault(address, 0) >= limits.perAddress()) {
                refuse(ctx, 429, "this address has " + limits.perAddress() + " live feeds open; close one first");
                return null;
            }
            perType.merge(type, 1, Integer::sum);
            perAddress.merge(address, 1, Integer::sum);
        }
        SseStream stream = SseStream.open(vertx, ctx.response(), () -> release(type, address));
        Sessions.Session s = sessions.of(ctx);
        if (s != null) {
            sessions.attach(s, stream);
        }
        return stream;
    }

    private void refuse(RoutingContext ctx, int status, String message) {
        Logger.debug("Web feed refused: {}", message);
        ctx.response().putHeader("Retry-After", "30");
        Json.error(ctx, status, "TOO_MANY_FEEDS", message);
    }

    private synchronized void release(String type, String address) {
        perType.computeIfPresent(type, (k, n) -> n <= 1 ? null : n - 1);
        perAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
    }

    synchronized int open(String type) {
        return perType.getOrDefault(type, 0);
    }
}
