package io.hallq.controller.web;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.hall.EventListener;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.display.board.BoardView;
import io.hallq.display.board.BoardView.Notice;
import io.hallq.display.board.SseStream;
import io.hallq.display.board.ViewChannel;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.WireEvents;
import java.nio.charset.StandardCharsets;
import io.hallq.controller.queue.QueueState;
import io.hallq.controller.queue.TicketToken;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import org.tinylog.Logger;

/**
 * Keeps the pages live: after every batch of durable events it takes one consistent {@link HallView} on the
 * writer thread and publishes it as a {@link Frame} (staff, manager, mobile pages) and a {@link BoardView}
 * (hall board). Integrators get the raw events on {@code /api/events}: a snapshot, then every event with its
 * sequence, resumable with {@code Last-Event-ID}. Work runs on the feed's own thread: the controller's
 * effects thread only hands over.
 */
final class LiveFeed implements EventListener, AutoCloseable {

    /** Recent events replayed at start for the call history and today's counts (a busy day has fewer). */
    static final int REPLAY = 20_000;
    private static final int CATCH_UP_BATCH = 1_000;

    private record RawClient(SseStream stream, long[] lastSent) {}

    private final HallController hall;
    private final HallConfig config;
    private final Clock clock;
    private final DayLedger ledger = new DayLedger();
    /** The newest sequence {@link #index} has seen (feed thread only). */
    private long indexedUpTo = -1;
    private final ViewChannel<Frame> frames = new ViewChannel<>("pages", Frame::seq);
    private final ViewChannel<BoardView> board = new ViewChannel<>("board", BoardView::seq);
    private final List<RawClient> raw = new ArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "feed");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch firstFrame = new CountDownLatch(1);
    private volatile List<Notice> neighbourNotices = List.of();
    private final List<Consumer<BoardView>> boardListeners = new CopyOnWriteArrayList<>();
    private boolean replayed;
    /** Today's mobile tokens (ticket and the sequence it was issued at): the mobile lookups' index. */
    private final java.util.Map<String, Issued> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    /** Requests waiting for a frame at least as new as a sequence (bounded). */
    private final List<Waiter> waiters = new ArrayList<>();
    static final int MAX_WAITERS = 1_000;

    /** A ticket of today found by its mobile token. */
    record Issued(TicketToken token, String ticket, long seq) {}

    private record Waiter(long seq, java.util.concurrent.CompletableFuture<Frame> future) {}

    LiveFeed(HallController hall, Clock clock) {
        this.hall = hall;
        this.config = hall.config();
        this.clock = clock;
    }

    void start() {
        hall.addListener(this); // first: whatever is durable later arrives here, the rest is in the journal
        thread.execute(this::refresh);
    }

    /** Waits until the pages have their first view, so no request finds none. */
    void awaitFirstFrame(Duration timeout) {
        try {
            if (!firstFrame.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the web pages got no view of the hall within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first view of the hall", e);
        }
    }

    ViewChannel<Frame> frames() { return frames; }
    ViewChannel<BoardView> board() { return board; }

    /**
     * Also hands the current board view (if any) and then every new one to {@code listener}, in order, on the
     * feed thread (it must not block).
     */
    void onBoardView(Consumer<BoardView> listener) {
        thread.execute(() -> {
            boardListeners.add(listener);
            BoardView current = board.latest();
            if (current != null) {
                listener.accept(current);
            }
        });
    }

    /** Suggestions of neighbour halls with shorter waits, for the board's notice line (from MQTT). */
    void neighbourNotices(List<Notice> notices) {
        neighbourNotices = List.copyOf(notices);
        thread.execute(this::refresh);
    }

    /**
     * The ticket of today holding mobile {@code token}, from the feed's own index (never a query on the writer),
     * or null: a malformed token, or none issued today.
     */
    Issued ticketOf(TicketToken token) {
        return tokens.get(token.value());
    }

    /** Records a token the web just issued, so its page is found before the feed sees the event. */
    void noteIssued(TicketToken token, String ticket, long seq) {
        tokens.putIfAbsent(token.value(), new Issued(token, ticket, seq));
    }

    /** The first frame at sequence {@code seq} or later (at once when the latest is); fails when too many wait. */
    java.util.concurrent.CompletableFuture<Frame> frameAtLeast(long seq) {
        Frame f = frames.latest();
        if (f != null && f.seq() >= seq) {
            return java.util.concurrent.CompletableFuture.completedFuture(f);
        }
        java.util.concurrent.CompletableFuture<Frame> future = new java.util.concurrent.CompletableFuture<>();
        synchronized (waiters) {
            if (waiters.size() >= MAX_WAITERS) {
                future.completeExceptionally(new IllegalStateException("too many requests wait for the pages' view"));
                return future;
            }
            waiters.add(new Waiter(seq, future));
        }
        f = frames.latest(); // published meanwhile?
        if (f != null && f.seq() >= seq) {
            release(f);
        }
        return future;
    }

    private void release(Frame f) {
        List<Waiter> ready = new ArrayList<>();
        synchronized (waiters) {
            waiters.removeIf(w -> {
                if (w.seq() <= f.seq()) {
                    ready.add(w);
                    return true;
                }
                return false;
            });
        }
        ready.forEach(w -> w.future().complete(f));
    }

    /** Indexes today's tokens; events at or below the last indexed sequence are ignored (catch-up overlaps). */
    private void index(List<JournaledEvent> events) {
        for (JournaledEvent je : events) {
            if (je.sequence() <= indexedUpTo) {
                continue;
            }
            indexedUpTo = je.sequence();
            if (je.event() instanceof HallEvent.DayStarted) {
                tokens.clear();
            } else if (je.event() instanceof HallEvent.TicketIssued t && t.token() != null) {
                TicketToken.parse(t.token()).ifPresent(token -> tokens.put(token.value(),
                        new Issued(token, t.ticket(), je.sequence())));
            }
        }
    }

    @Override
    public void onEvents(List<JournaledEvent> events) {
        thread.execute(() -> {
            replayOnce();
            index(events);
            ledger.apply(events);
            raw.removeIf(c -> c.stream().isClosed());
            raw.forEach(c -> sendRaw(c, events));
            refresh();
        });
    }

    /** Subscribes an integrator's stream: a manager-view snapshot, then every event after it. */
    void subscribeRaw(SseStream stream, long afterSequence) {
        thread.execute(() -> {
            replayOnce();
            RawClient c = new RawClient(stream, new long[] {afterSequence});
            if (afterSequence < 0) {
                Frame f = frames.latest();
                if (f != null) {
                    stream.send(f.seq(), "snapshot", Json.write(PageProjections.manager(f)));
                    c.lastSent()[0] = f.seq();
                }
            }
            List<JournaledEvent> missed;
            do {
                missed = hall.eventsAfter(c.lastSent()[0], CATCH_UP_BATCH);
                sendRaw(c, missed);
            } while (missed.size() == CATCH_UP_BATCH);
            raw.add(c);
        });
    }

    private void sendRaw(RawClient c, List<JournaledEvent> events) {
        for (JournaledEvent je : events) {
            if (je.sequence() > c.lastSent()[0]) {
                c.stream().send(je.sequence(), "event",
                        new String(EventCodec.encode(WireEvents.withoutSecrets(je.event())), StandardCharsets.UTF_8));
                c.lastSent()[0] = je.sequence();
            }
        }
    }

    private void replayOnce() {
        if (!replayed) {
            replayed = true;
            long last = hall.lastSequence();
            List<JournaledEvent> recent = hall.eventsAfter(Math.max(0, last - REPLAY), REPLAY);
            index(recent);
            ledger.apply(recent);
        }
    }

    /**
     * The pages' wait estimates are computed at most this often, off the writer thread (issue #16.4): the
     * forecast's pass over the whole queue no longer runs on the writer after every batch. Views in between show
     * the last estimates aged by the time since (people ahead are always counted afresh).
     */
    static final Duration ESTIMATE_INTERVAL = Duration.ofSeconds(1);

    /** Runs the estimates' forecast on a detached copy of the queue, and the wait until the next one is due. */
    private final java.util.concurrent.ScheduledExecutorService estimator =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "page-estimates");
                t.setDaemon(true);
                return t;
            });
    /** The latest estimates; null until the first view (computed on the writer then). Feed thread only. */
    private PageEstimates estimates;
    /** An estimate computation is running, or one is scheduled. Feed thread only. */
    private boolean estimating;
    private boolean scheduled;
    private long lastEstimateStart;
    private boolean everEstimated;

    private record Captured(HallView view, QueueState.Detached detached) {}

    /** Takes a view on the writer thread and publishes it from the feed thread. */
    private void refresh() {
        replayOnce();
        PageEstimates known = estimates;
        long nanos = System.nanoTime();
        boolean due = known != null && !estimating
                && (!everEstimated || nanos - lastEstimateStart >= ESTIMATE_INTERVAL.toNanos());
        if (due) {
            estimating = true;
            everEstimated = true;
            lastEstimateStart = nanos;
        }
        hall.query(s -> {
                    long seq = hall.lastSequence();
                    Instant now = clock.instant();
                    if (known == null) {
                        return new Captured(HallView.capture(s, seq, now), null); // the first view: all at once
                    }
                    HallView v = HallView.capture(s, seq, now, known);
                    return new Captured(v, due && seq != known.seq() ? s.detach() : null);
                })
                .thenAcceptAsync(c -> {
                    HallView view = c.view();
                    if (known == null && estimates == null) {
                        estimates = new PageEstimates(view.seq(), view.at(), waits(view), walkIns(view));
                    }
                    if (c.detached() != null) {
                        long seq = view.seq();
                        Instant at = view.at();
                        estimator.execute(() -> {
                            PageEstimates fresh;
                            try {
                                fresh = PageEstimates.compute(c.detached().view(), seq, at);
                            } catch (RuntimeException e) {
                                Logger.error(e, "Could not compute the pages' estimates");
                                fresh = null;
                            }
                            PageEstimates result = fresh;
                            onFeed(() -> {
                                estimating = false;
                                if (result != null) {
                                    estimates = result;
                                    refresh(); // publish them
                                }
                            });
                        });
                    } else if (due) {
                        estimating = false; // nothing changed since the last estimates
                    }
                    if (estimates != null && view.seq() != estimates.seq() && !estimating && !scheduled) {
                        // changed since the estimates: compute again once the interval has passed
                        scheduled = true;
                        long wait = Math.max(0, lastEstimateStart + ESTIMATE_INTERVAL.toNanos() - System.nanoTime());
                        estimator.schedule(() -> onFeed(() -> {
                            scheduled = false;
                            refresh();
                        }), wait, TimeUnit.NANOSECONDS);
                    }
                    publish(view);
                }, thread)
                .exceptionally(e -> {
                    Logger.error(e, "Could not refresh the pages");
                    return null;
                });
    }

    /** Hands work to the feed thread; after {@link #close} there is none, and nothing to do. */
    private void onFeed(Runnable r) {
        try {
            thread.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the feed is closed
        }
    }

    private static Map<String, Long> waits(HallView v) {
        Map<String, Long> out = new HashMap<>();
        v.tickets().stream().filter(t -> "WAITING".equals(t.status()))
                .forEach(t -> out.put(t.number(), t.waitSeconds()));
        return out;
    }

    private static Map<String, Long> walkIns(HallView v) {
        Map<String, Long> out = new HashMap<>();
        v.services().forEach(s -> out.put(s.code(), s.walkInWaitSeconds()));
        return out;
    }

    private void publish(HallView view) {
        // the view may be newer than the events handed to this feed so far (effects run apart from the writer):
        // the ledger reads up to the view's sequence first, so a frame's counts match its view; the same events
        // arriving later are ignored by sequence
        List<JournaledEvent> behind;
        while (ledger.lastSequence() < view.seq()
                && !(behind = hall.eventsAfter(Math.max(0, ledger.lastSequence()), CATCH_UP_BATCH)).isEmpty()) {
            index(behind);
            ledger.apply(behind);
        }
        Frame f = new Frame(view, ledger.snapshot(), neighbourNotices);
        frames.publish(f);
        release(frames.latest());
        BoardView bv = BoardProjection.of(f, config);
        board.publish(bv);
        boardListeners.forEach(l -> l.accept(bv));
        firstFrame.countDown();
    }

    @Override
    public void close() {
        estimator.shutdownNow();
        thread.shutdownNow();
        frames.close();
        board.close();
    }
}
