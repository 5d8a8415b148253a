package io.hallq.display.board;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The hall board as a process of its own, for a second Pi beside the TV: the same page and feed as in the
 * controller ({@link BoardRoutes}), showing whatever {@link BoardView} it is handed. Whoever receives the
 * hall's board views (an MQTT subscriber) calls {@link #show}; views older than the one shown are ignored, so
 * redelivered or out-of-order messages do no harm, unless handed over with {@link #replace} (a new journal).
 * Its live feeds are bounded like the controller's ({@link FeedCaps}): {@link FeedLimits#total()} at once and
 * {@link FeedLimits#perAddress()} per client address; a feed beyond either is refused with the reason.
 */
public final class BoardServer implements AutoCloseable {

    private final Vertx vertx;
    /**
     * What a standalone board knows about the hall behind it; the page shows a bilingual notice unless LIVE.
     * CONNECTING: no link to the broker yet, or no board view has arrived. OFFLINE: the hall controller said it
     * is offline (or its last will did), so the view shown is old. REFUSED: the broker refused one of the board's
     * subscriptions (its ACL), so the board may never get a view or the hall's liveness until that is fixed.
     */
    public enum Upstream { CONNECTING, LIVE, OFFLINE, REFUSED }

    /**
     * One change of the upstream state; {@code n} orders the changes like a view's sequence.
     *
     * @param detail for a person fixing it, e.g. which subscription was refused and why; null for none
     */
    public record UpstreamState(long n, Upstream state, String detail) {
        String toJson() {
            return detail == null ? "{\"state\":\"" + state + "\"}"
                    : "{\"state\":\"" + state + "\",\"detail\":" + quoted(detail) + "}";
        }

        private static String quoted(String s) {
            return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s))
                    + "\"";
        }
    }

    /**
     * The standalone board's {@code board.feeds}: live feeds open at once, in total and per client address.
     * The kiosk's Chromium needs one; a page reconnecting after a network blip may briefly hold two.
     */
    public record FeedLimits(int total, int perAddress) {
        public static final FeedLimits DEFAULT = new FeedLimits(20, 8);

        public FeedLimits {
            if (total < 1 || perAddress < 1) {
                throw new IllegalArgumentException("feed limits must be 1 or more, got total " + total
                        + ", perAddress " + perAddress);
            }
        }
    }

    private final ViewChannel<BoardView> board = new ViewChannel<>("board", BoardView::seq);
    private final ViewChannel<UpstreamState> upstream = new ViewChannel<>("board-upstream", UpstreamState::n);
    private final java.util.concurrent.atomic.AtomicLong upstreamChanges = new java.util.concurrent.atomic.AtomicLong();
    private final HttpServer server;
    private final FeedCaps caps;

    private BoardServer(String bind, int port, FeedLimits feeds) {
        caps = FeedCaps.board(feeds.total(), feeds.perAddress());
        vertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(
                new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(true)));
        Router router = Router.router(vertx);
        BoardRoutes.mount(vertx, router, board, upstream, caps);
        router.get("/").handler(ctx -> ctx.reroute("/board/index.html"));
        try {
            // as the controller's listeners: a connection silent for 60 s is closed (a feed's heartbeat comes every
            // 15 s), and request lines and headers are bounded
            server = vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(60).setIdleTimeoutUnit(TimeUnit.SECONDS)
                            .setMaxHeaderSize(8 * 1024).setMaxInitialLineLength(4096)).requestHandler(router).listen(port, bind).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("board server cannot listen on " + bind + ":" + port + ": "
                    + e.getMessage(), e);
        }
        Logger.info("Hall board on http://{}:{}/board/", bind, server.actualPort());
    }

    /** Starts serving the board page on {@code bind:port} (0 for a free port), with the default feed limits. */
    public static BoardServer start(String bind, int port) {
        return start(bind, port, FeedLimits.DEFAULT);
    }

    /** Starts serving the board page on {@code bind:port} (0 for a free port), its live feeds bounded by {@code feeds}. */
    public static BoardServer start(String bind, int port, FeedLimits feeds) {
        return new BoardServer(bind, port, feeds);
    }

    /** Shows a view (from any thread); the page updates at once. */
    public void show(BoardView view) {
        board.publish(view);
    }

    /**
     * Shows a view even though its sequence is lower than the one shown (from any thread): the hall started a
     * new journal (wiped, or a restored SD card), so its sequence began again. The caller decides that.
     */
    public void replace(BoardView view) {
        board.replace(view);
    }

    /** Tells the page how the link to the hall stands (from any thread). */
    public void upstream(Upstream state) {
        upstream(state, null);
    }

    /** As {@link #upstream(Upstream)}, with a detail the page shows under the state (null for none). */
    public void upstream(Upstream state, String detail) {
        upstream.publish(new UpstreamState(upstreamChanges.incrementAndGet(), state, detail));
    }

    /** The detail of the upstream state last set, or null. */
    public String upstreamDetail() {
        UpstreamState s = upstream.latest();
        return s == null ? null : s.detail();
    }

    /** The upstream state last set, or null before the first. */
    public Upstream upstream() {
        UpstreamState s = upstream.latest();
        return s == null ? null : s.state();
    }

    /** The view shown, or null before the first. */
    public BoardView shown() {
        return board.latest();
    }

    /** Board feeds open now. */
    public int openFeeds() {
        return caps.open(FeedCaps.BOARD);
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        board.close();
        upstream.close();
        try {
            vertx.close().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            Logger.warn("Board server did not stop cleanly: {}", e.getMessage());
        }
    }
}
