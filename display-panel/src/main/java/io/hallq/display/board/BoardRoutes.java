package io.hallq.display.board;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The hall board's routes, the same in the controller and in a standalone board process: the page at
 * {@code /board/}, its view at {@code GET /api/board} and its live feed at {@code GET /api/feed/board}
 * (Server-Sent Events, event name {@code board}, data a {@link BoardView}). No login: the board shows nothing
 * personal.
 */
public final class BoardRoutes {

    private BoardRoutes() {}

    public static void mount(Vertx vertx, Router router, ViewChannel<BoardView> board) {
        mount(vertx, router, board, null);
    }

    /**
     * @param upstream for a standalone board: the state of its link to the hall (SSE event {@code upstream},
     *                 data {@code {"state": "CONNECTING" | "LIVE" | "OFFLINE"}}); null inside the controller,
     *                 where the page's own feed is the link
     */
    public static void mount(Vertx vertx, Router router, ViewChannel<BoardView> board,
                             ViewChannel<BoardServer.UpstreamState> upstream) {
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
            SseStream s = SseStream.open(vertx, ctx.response(), () -> { });
            if (upstream != null) {
                upstream.subscribe(s, "upstream", BoardServer.UpstreamState::toJson);
            }
            board.subscribe(s, "board", BoardView::toJson);
        });
        router.route("/board/*").handler(StaticHandler.create("web/board").setCachingEnabled(false));
    }
}
