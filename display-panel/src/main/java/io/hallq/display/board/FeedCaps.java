package io.hallq.display.board;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.tinylog.Logger;

/**
 * Bounds the open live feeds (Server-Sent Events) of one server: at most a given number at once per feed type,
 * and per client address over all types. One mechanism for the controller's web module (its {@code FeedGate},
 * with a bound per page type from {@code web.feeds}) and the standalone board on the board Pi (one type,
 * {@code board}, from {@code board.feeds}).
 *
 * <p>A feed over a bound is refused with 503 TOO_MANY_FEEDS (over the type's bound: the server is full) or
 * 429 TOO_MANY_FEEDS (over the address's bound: that client has enough), JSON {@code {"error", "message"}}, with
 * {@code Retry-After: 30}; a page's EventSource tries again later. A slot is given back when its stream closes,
 * whichever side closes it.
 */
public final class FeedCaps {

    /** Feed type of the board page's feed, the only type a standalone board serves. */
    public static final String BOARD = "board";

    private final ToIntFunction<String> perType;
    private final int perAddress;
    private final Map<String, Integer> openPerType = new HashMap<>();
    private final Map<String, Integer> openPerAddress = new HashMap<>();

    /**
     * @param perType    the bound of each feed type (may throw for a type it does not know)
     * @param perAddress the bound per client address, over all types
     */
    public FeedCaps(ToIntFunction<String> perType, int perAddress) {
        if (perAddress < 1) {
            throw new IllegalArgumentException("perAddress must be 1 or more, got " + perAddress);
        }
        this.perType = perType;
        this.perAddress = perAddress;
    }

    /** One feed type only, {@link #BOARD}: the standalone board's {@code board.feeds}. */
    public static FeedCaps board(int total, int perAddress) {
        if (total < 1) {
            throw new IllegalArgumentException("total must be 1 or more, got " + total);
        }
        return new FeedCaps(type -> {
            if (!BOARD.equals(type)) {
                throw new IllegalArgumentException("no feed type " + type + " on a standalone board");
            }
            return total;
        }, perAddress);
    }

    /**
     * Opens the request's event stream of {@code type}, or answers the refusal and returns null. Call it from the
     * request's handler (on its Vert.x context).
     */
    public SseStream open(Vertx vertx, RoutingContext ctx, String type) {
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        int typeBound = perType.applyAsInt(type);
        synchronized (this) {
            if (openPerType.getOrDefault(type, 0) >= typeBound) {
                refuse(ctx, 503, "the hall serves " + typeBound + " " + type + " feeds at once; try again later");
                return null;
            }
            if (openPerAddress.getOrDefault(address, 0) >= perAddress) {
                refuse(ctx, 429, "this address has " + perAddress + " live feeds open; close one first");
                return null;
            }
            openPerType.merge(type, 1, Integer::sum);
            openPerAddress.merge(address, 1, Integer::sum);
        }
        return SseStream.open(vertx, ctx.response(), () -> release(type, address));
    }

    private static void refuse(RoutingContext ctx, int status, String message) {
        Logger.debug("Feed refused: {}", message);
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Retry-After", "30")
                .putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
                .end("{\"error\":\"TOO_MANY_FEEDS\",\"message\":\""
                        + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}");
    }

    private synchronized void release(String type, String address) {
        openPerType.computeIfPresent(type, (k, n) -> n <= 1 ? null : n - 1);
        openPerAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Feeds of {@code type} open now. */
    public synchronized int open(String type) {
        return openPerType.getOrDefault(type, 0);
    }

    /** Feeds open now from {@code address} (as {@code remoteAddress().hostAddress()} gives it). */
    public synchronized int openFrom(String address) {
        return openPerAddress.getOrDefault(address, 0);
    }
}
