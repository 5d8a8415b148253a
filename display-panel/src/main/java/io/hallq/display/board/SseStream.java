package io.hallq.display.board;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

/**
 * One open Server-Sent Events response. SSE rather than WebSocket: the pages only listen, browsers reconnect
 * by themselves, and it passes any proxy as plain HTTP.
 *
 * <p>Views are sent from the feeds' own threads, but every write to the response happens on the request's
 * Vert.x context, in the order it was sent: writes from other threads are where Vert.x has had its races (a
 * message left unflushed until the next write), and a page waiting for its first view cannot wait for the
 * next heartbeat.
 */
public final class SseStream {

    /** Comments keep idle connections (and the proxies between) alive and reveal closed ones. */
    private static final long HEARTBEAT_MS = 15_000;

    private final HttpServerResponse response;
    private final Context context;
    private volatile boolean closed;

    private SseStream(HttpServerResponse response, Context context) {
        this.response = response;
        this.context = context;
    }

    /**
     * Starts the event stream on {@code response}; {@code onClose} runs once when the client goes away. Call it
     * from the request's handler (on its Vert.x context), which is where the stream writes from then on.
     */
    public static SseStream open(Vertx vertx, HttpServerResponse response, Runnable onClose) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("an event stream must be opened on its request's Vert.x context");
        }
        SseStream s = new SseStream(response, context);
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        long timer = vertx.setPeriodic(HEARTBEAT_MS, id -> s.write(": keep-alive\n\n"));
        response.closeHandler(v -> {
            s.closed = true;
            vertx.cancelTimer(timer);
            onClose.run();
        });
        response.write("retry: 2000\n\n");
        return s;
    }

    /** Sends one event; {@code data} may hold line breaks (each becomes its own data line). */
    public void send(long id, String event, String data) {
        StringBuilder b = new StringBuilder(data.length() + 64);
        b.append("id: ").append(id).append('\n').append("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        write(b.append('\n').toString());
    }

    public boolean isClosed() {
        return closed;
    }

    public void close() {
        if (!closed) {
            closed = true;
            context.runOnContext(v -> response.end());
        }
    }

    private void write(String text) {
        context.runOnContext(v -> {
            if (!closed) {
                response.write(text);
            }
        });
    }
}
