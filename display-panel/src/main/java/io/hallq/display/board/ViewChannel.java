package io.hallq.display.board;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Pushes the latest view of something (the board, a counter, a ticket) to every open event stream that
 * watches it. Each subscriber gets the latest view when it connects and then every change; a subscriber's
 * projection turns the view into the JSON it may see (or null for nothing). Views are whole documents, so a
 * page that missed one only has to show the next; the id of each message is the view's journal sequence.
 *
 * <p>All work happens on one thread of its own: publishers (the controller's effects thread, an MQTT
 * callback) hand over and return.
 */
public final class ViewChannel<V> implements AutoCloseable {

    private record Subscriber<V>(SseStream stream, String event, Function<V, String> projection, String[] last) {}

    private final ToLongFunction<V> sequence;
    private final ExecutorService thread;
    private final List<Subscriber<V>> subscribers = new ArrayList<>();
    private volatile V latest;

    /** @param sequence the journal sequence a view was made at */
    public ViewChannel(String name, ToLongFunction<V> sequence) {
        this.sequence = sequence;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "feed-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The latest view, or null before the first. */
    public V latest() {
        return latest;
    }

    /** Replaces the view; a view older than the one held (by sequence) is ignored. */
    public void publish(V view) {
        synchronized (this) {
            V held = latest;
            if (held != null && sequence.applyAsLong(view) < sequence.applyAsLong(held)) {
                return;
            }
            latest = view;
        }
        deliverLatest();
    }

    /**
     * Replaces the view even when its sequence is lower than the one held: the source started a new journal
     * (a standalone board seeing a hall whose journal was wiped). Pages take it as they take any view.
     */
    public void replace(V view) {
        synchronized (this) {
            latest = view;
        }
        deliverLatest();
    }

    /**
     * Sends whatever is latest when the channel's thread gets to it, not the view handed over: two publishers
     * racing cannot make a page see an older view after a newer one (it may see the newest twice, which
     * {@link #deliver} drops), so every stream carries views in the channel's order.
     */
    private void deliverLatest() {
        thread.execute(() -> {
            V view = latest;
            subscribers.removeIf(s -> s.stream().isClosed());
            subscribers.forEach(s -> deliver(s, view));
        });
    }

    /** Sends {@code projection(view)} as SSE {@code event} now (if a view is held) and on every change. */
    public void subscribe(SseStream stream, String event, Function<V, String> projection) {
        thread.execute(() -> {
            Subscriber<V> s = new Subscriber<>(stream, event, projection, new String[1]);
            subscribers.add(s);
            if (latest != null) {
                deliver(s, latest);
            }
        });
    }

    private void deliver(Subscriber<V> s, V view) {
        String json = s.projection().apply(view);
        if (json != null && !json.equals(s.last()[0])) {
            s.last()[0] = json;
            s.stream().send(sequence.applyAsLong(view), s.event(), json);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
