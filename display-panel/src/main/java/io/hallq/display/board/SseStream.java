package io.hallq.display.board;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open Server-Sent Events response. SSE rather than WebSocket: the pages only listen, browsers reconnect
 * by themselves, and it passes any proxy as plain HTTP.
 *
 * <p>Views are sent from the feeds' own threads, but every write to the response happens on the request's
 * Vert.x context, in the order it was sent: writes from other threads are where Vert.x has had its races (a
 * message left unflushed until the next write), and a page waiting for its first view cannot wait for the
 * next heartbeat.
 *
 * <p>A reader that does not keep up is dropped: when the response's write queue is full (the client stopped
 * reading, or reads slower than the views come), the connection is closed instead of queueing more in memory.
 * The page's EventSource reconnects and gets the latest view, which is all it needs.
 */
public final class SseStream {

    /** Comments keep idle connections (and the proxies between) alive and reveal closed ones. */
    private static final long HEARTBEAT_MS = 15_000;

    private final HttpServerResponse response;
    private final Context context;
    private volatile boolean closed;
    private final AtomicBoolean closeRan = new AtomicBoolean();
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();

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
        s.onClose.add(() -> vertx.cancelTimer(timer));
        s.onClose.add(onClose);
        response.closeHandler(v -> {
            s.closed = true;
            s.runOnClose();
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

    /** Also runs {@code r} once when the stream closes (either side); at once when it is closed already. */
    public void onClose(Runnable r) {
        onClose.add(r);
        if (closeRan.get() && onClose.remove(r)) {
            r.run();
        }
    }

    /** Ends the stream from the server's side (a logout, an expired session, a slow reader). */
    public void close() {
        if (!closed) {
            closed = true;
            context.runOnContext(v -> {
                if (!response.ended() && !response.closed()) {
                    response.end(); // the page's EventSource sees the end, asks again and is refused
                }
                runOnClose();
            });
        }
    }

    private void runOnClose() {
        if (closeRan.compareAndSet(false, true)) {
            for (Runnable r : onClose) {
                onClose.remove(r);
                r.run();
            }
        }
    }

    private void write(String text) {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            if (response.writeQueueFull()) {
                // a reader that does not keep up is dropped rather than buffered without bound
                closed = true;
                response.reset();
                runOnClose();
                return;
            }
            response.write(text);
        });
    }
}
