package io.hallq.display.board;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The hall board's routes, the same in the controller and in a standalone board process: the page at
 * {@code /board/}, its view at {@code GET /api/board} and its live feed at {@code GET /api/feed/board}
 * (Server-Sent Events, event name {@code board}, data a {@link BoardView}). No login: the board shows nothing
 * personal. The feed is opened through {@link FeedCaps} (type {@code board}): bounded in total and per client
 * address, a feed beyond a bound refused with 503 or 429 TOO_MANY_FEEDS.
 */
public final class BoardRoutes {

    private BoardRoutes() {}

    /**
     * @param upstream for a standalone board: the state of its link to the hall (SSE event {@code upstream},
     *                 data {@code {"state": "CONNECTING" | "LIVE" | "OFFLINE"}}); null inside the controller,
     *                 where the page's own feed is the link
     * @param caps     the bounds of the server's feeds; the board's feeds count as type {@link FeedCaps#BOARD}
     */
    public static void mount(Vertx vertx, Router router, ViewChannel<BoardView> board,
                             ViewChannel<BoardServer.UpstreamState> upstream, FeedCaps caps) {
        router.get("/api/board").handler(ctx -> {
            BoardView v = board.latest();
            if (v == null) {
                ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                        .end("{\"error\":\"NOT_READY\",\"message\":\"the board has no data yet\"}");
            } else {
                ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(v.toJson());
            }
        });
        router.get("/api/feed/board").handler(ctx -> {
            SseStream s = caps.open(vertx, ctx, FeedCaps.BOARD);
            if (s == null) {
                return; // refused, with the reason
            }
            if (upstream != null) {
                upstream.subscribe(s, "upstream", BoardServer.UpstreamState::toJson);
            }
            board.subscribe(s, "board", BoardView::toJson);
        });
        router.route("/board/*").handler(StaticHandler.create("web/board").setCachingEnabled(false));
    }
}
