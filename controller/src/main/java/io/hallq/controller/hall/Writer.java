package io.hallq.controller.hall;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.hall.HallUnavailableException.Why;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.QueueSnapshot;
import io.hallq.controller.queue.QueueState;
import io.hallq.controller.queue.QueueView;
import io.hallq.controller.queue.RejectReason;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.DayStarted;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The single writer: engine first, journal next, effects last. Runs on its own thread, "hall-writer".
 *
 * <p>Its queue is bounded ({@code maxQueued} commands and queries waiting): a command beyond it is answered at
 * once with {@link RejectReason#OVERLOADED}, a query fails with {@link HallUnavailableException}. Callers' futures
 * are completed on the {@code replies} executor, never on this thread. When the journal cannot be written, or the
 * thread dies of a bug, the writer stops for good: every waiting future fails with the reason and {@code failed}
 * is told once, so that the process ends and its supervisor restarts it (the journal makes that safe).
 */
final class Writer {

    /** Commands and queries that may wait for the writer; a few seconds of a Pi's work at the worst. */
    static final int DEFAULT_MAX_QUEUED = 1000;
    private static final int MAX_BATCH = 512;

    private sealed interface Request {}
    private record Submit(Command command, CompletableFuture<Outcome> future) implements Request {}
    private record Query<T>(Function<QueueView, T> read, CompletableFuture<T> future) implements Request {}
    private record Stop() implements Request {}

    private record Handled(Submit request, Result result, int first, int count) {}

    private final HallConfig config;
    private final Clock clock;
    private final Consumer<List<JournaledEvent>> effects;
    private final Executor replies;
    private final Consumer<String> failed;
    private final int maxQueued;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final Thread thread;
    private volatile Journal journal;
    private QueueEngine engine;
    private long snapshotSequence;
    private volatile boolean stopped;
    /** Set once the loop has ended; requests added after it are failed by whoever sees it. */
    private volatile boolean exited;
    /** Why the writer stopped for good, or null while it works (or stopped on request). */
    private volatile String failure;
    /** When the batch being handled started (System.nanoTime), or 0 while waiting for work. */
    private volatile long busySince;
    private volatile long lastTickHandled = System.nanoTime();
    private volatile List<Request> current = List.of();

    /**
     * @param snapshotSequence the sequence of the newest snapshot (the one recovery used, 0 for none): the next
     *                         one is written {@code journal.snapshotEvery} events after it, whatever the restarts
     * @param replies          where callers' futures are completed
     * @param failed           told once, with the reason, when the writer stops for good without being asked
     */
    Writer(HallConfig config, Journal journal, QueueEngine engine, long snapshotSequence, Clock clock,
           Consumer<List<JournaledEvent>> effects, Executor replies, Consumer<String> failed, int maxQueued) {
        if (maxQueued < 1) {
            throw new IllegalArgumentException("the writer's queue must hold at least one request: " + maxQueued);
        }
        this.config = config;
        this.journal = journal;
        this.engine = engine;
        this.snapshotSequence = snapshotSequence;
        this.clock = clock;
        this.effects = effects;
        this.replies = replies;
        this.failed = failed;
        this.maxQueued = maxQueued;
        this.thread = new Thread(this::run, "hall-writer");
    }

    void start() {
        thread.start();
    }

    /** The open journal; it is thread-safe for reads. */
    Journal journal() {
        return journal;
    }

    CompletableFuture<Outcome> submit(Command command) {
        HallFuture<Outcome> f = new HallFuture<>();
        HallUnavailableException refused = refusal();
        if (refused != null) {
            f.completeExceptionally(refused);
        } else if (!reserve()) {
            f.complete(new Outcome(new Result.Rejected(RejectReason.OVERLOADED, "the hall is busy: "
                    + maxQueued + " requests are waiting; try again shortly", List.of()), List.of()));
        } else {
            enqueue(new Submit(command, f));
        }
        return f;
    }

    <T> CompletableFuture<T> query(Function<QueueView, T> read) {
        HallFuture<T> f = new HallFuture<>();
        HallUnavailableException refused = refusal();
        if (refused != null) {
            f.completeExceptionally(refused);
        } else if (!reserve()) {
            f.completeExceptionally(new HallUnavailableException(Why.OVERLOADED,
                    "the hall is busy: " + maxQueued + " requests are waiting; try again shortly"));
        } else {
            enqueue(new Query<>(read, f));
        }
        return f;
    }

    private HallUnavailableException refusal() {
        String why = failure;
        if (why != null) {
            return new HallUnavailableException(Why.WRITER_FAILED, "the hall's writer failed: " + why);
        }
        return stopped ? new HallUnavailableException(Why.STOPPED, "the hall controller is stopped") : null;
    }

    private boolean reserve() {
        while (true) {
            int n = waiting.get();
            if (n >= maxQueued) {
                return false;
            }
            if (waiting.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    private void enqueue(Request r) {
        queue.add(r);
        if (exited) {
            failWaiting(); // the writer ended between our check and our add: nobody else will answer it
        }
    }

    /** Queues a tick unless one is already waiting: a slow disk must not pile ticks up. */
    void tick() {
        if (tickQueued.compareAndSet(false, true)) {
            submit(new Command.Tick()).whenComplete((o, e) -> tickQueued.set(false));
        }
    }

    /** Nanoseconds the current batch has run for, or 0 while the writer waits for work. */
    long busyNanos() {
        long since = busySince;
        return since == 0 ? 0 : Math.max(1, System.nanoTime() - since);
    }

    /** Nanoseconds since the writer last handled a tick (made its events durable). */
    long sinceTickNanos() {
        return System.nanoTime() - lastTickHandled;
    }

    /** Why the writer stopped for good, or null while it works. */
    String failure() {
        String why = failure;
        if (why == null && !thread.isAlive() && !stopped && thread.getState() != Thread.State.NEW) {
            return "the hall-writer thread has ended";
        }
        return why;
    }

    /**
     * Gives the writer up (it is wedged): every waiting future, the current batch's included, fails with
     * {@code why}; the thread stops at its next batch if it ever comes back.
     */
    void abandon(String why) {
        if (failure == null) {
            failure = why;
        }
        List<Request> stuck = current;
        replies.execute(() -> stuck.forEach(r -> failRequest(r, unavailable())));
        failWaiting();
    }

    /** Stops taking requests, finishes those queued, and closes the journal; waits at most {@code timeoutMs}. */
    void stop(long timeoutMs) {
        stopped = true;
        queue.add(new Stop());
        try {
            thread.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            Logger.warn("The hall writer did not stop within {} ms", timeoutMs);
        }
    }

    private void run() {
        HallFuture.markCompletingThread();
        List<Request> batch = new ArrayList<>();
        try {
            while (failure == null) {
                batch.clear();
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    break;
                }
                queue.drainTo(batch, MAX_BATCH - 1);
                if (failure != null) {
                    batch.forEach(r -> failRequest(r, unavailable()));
                    break;
                }
                current = List.copyOf(batch);
                busySince = System.nanoTime();
                boolean stop = process(batch);
                busySince = 0;
                current = List.of();
                if (stop) {
                    break;
                }
            }
        } catch (Throwable bug) {
            fail("the writer died: " + bug, bug);
            batch.forEach(r -> failRequest(r, unavailable()));
        } finally {
            exited = true;
            failWaiting();
            try {
                journal.close();
            } catch (RuntimeException e) {
                Logger.warn(e, "Closing the journal failed");
            }
        }
    }

    private void fail(String why, Throwable cause) {
        if (failure != null) {
            return;
        }
        failure = why;
        Logger.debug(cause, "Writer failure");
        failed.accept(why);
    }

    private HallUnavailableException unavailable() {
        HallUnavailableException r = refusal();
        return r != null ? r : new HallUnavailableException(Why.STOPPED, "the hall controller is stopped");
    }

    /** Fails everything still queued (the writer has ended or is given up). */
    private void failWaiting() {
        List<Request> left = new ArrayList<>();
        queue.drainTo(left);
        left.removeIf(Stop.class::isInstance);
        if (!left.isEmpty()) {
            waiting.addAndGet(-left.size());
            HallUnavailableException why = unavailable();
            complete(() -> left.forEach(r -> failRequest(r, why)));
        }
    }

    private static void failRequest(Request r, RuntimeException why) {
        switch (r) {
            case Submit s -> s.future().completeExceptionally(why);
            case Query<?> q -> q.future().completeExceptionally(why);
            case Stop s -> { }
        }
    }

    /** Runs completions on the replies thread; after it has shut down, here (there is nobody left to hold up). */
    private void complete(Runnable completions) {
        try {
            replies.execute(completions);
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            completions.run();
        }
    }

    /** Handles one batch; returns true when it held the stop request. */
    private boolean process(List<Request> batch) {
        waiting.addAndGet(-(int) batch.stream().filter(r -> !(r instanceof Stop)).count());
        List<HallEvent> events = new ArrayList<>();
        List<Handled> handled = new ArrayList<>();
        boolean stop = false;
        for (int i = 0; i < batch.size(); i++) {
            Request r = batch.get(i);
            if (r instanceof Submit s) {
                Result result;
                try {
                    result = engine.handle(s.command(), clock.instant());
                } catch (RuntimeException bug) {
                    if (!finish(batch.subList(0, i), events, handled)) {
                        batch.subList(i, batch.size()).forEach(left -> failRequest(left, unavailable()));
                        return true;
                    }
                    return engineFailed(s, bug, batch, i) || stop;
                }
                handled.add(new Handled(s, result, events.size(), result.events().size()));
                events.addAll(result.events());
            } else if (r instanceof Stop) {
                stop = true;
            }
        }
        return !finish(batch, events, handled) || stop;
    }

    /** Makes the batch durable, then answers its callers and hands its events on; false when the journal failed. */
    private boolean finish(List<Request> batch, List<HallEvent> events, List<Handled> handled) {
        List<JournaledEvent> journaled;
        try {
            journaled = commit(events);
        } catch (RuntimeException e) {
            Logger.debug(e, "Journal write failed");
            fail("the journal cannot be written (" + config.journal().dataDir() + "): " + e.getMessage(), e);
            HallUnavailableException why = unavailable();
            List<Request> all = List.copyOf(batch);
            complete(() -> all.forEach(r -> failRequest(r, why)));
            return false;
        }
        List<Runnable> answers = new ArrayList<>(handled.size() + 1);
        for (Handled h : handled) {
            Outcome o = new Outcome(h.result(), journaled.subList(h.first(), h.first() + h.count()));
            answers.add(() -> h.request().future().complete(o));
            if (h.request().command() instanceof Command.Tick) {
                lastTickHandled = System.nanoTime();
            }
        }
        answers.addAll(answerQueries(batch));
        if (!answers.isEmpty()) {
            complete(() -> answers.forEach(Runnable::run));
        }
        if (!journaled.isEmpty()) {
            effects.accept(journaled);
            maybeSnapshot(events);
        }
        return true;
    }

    /**
     * An engine bug must not take the hall down or leave half-applied events in memory: that one command is
     * refused, the state is rebuilt from the journal, and the rest of the batch goes on.
     */
    private boolean engineFailed(Submit failedCommand, RuntimeException bug, List<Request> batch, int index) {
        Logger.error(bug, "Engine failed on {}; the command is refused and the state rebuilt", failedCommand.command());
        complete(() -> failedCommand.future().completeExceptionally(bug));
        engine = new QueueEngine(Recovery.recover(config, journal).state());
        List<Request> rest = batch.subList(index + 1, batch.size());
        if (rest.isEmpty()) {
            return false;
        }
        waiting.addAndGet((int) rest.stream().filter(r -> !(r instanceof Stop)).count()); // counted again below
        return process(new ArrayList<>(rest));
    }

    /** Appends the events, starting a new daily segment before each DayStarted; durable on return. */
    private List<JournaledEvent> commit(List<HallEvent> events) {
        List<JournaledEvent> out = new ArrayList<>(events.size());
        List<byte[]> chunk = new ArrayList<>();
        long seq = journal.lastSequence();
        for (HallEvent e : events) {
            if (e instanceof DayStarted d && !journal.currentDay().map(d.day()::equals).orElse(false)) {
                journal.append(chunk);
                chunk.clear();
                journal.startSegment(d.day());
            }
            chunk.add(EventCodec.encode(e));
            out.add(new JournaledEvent(++seq, e));
        }
        journal.append(chunk);
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Runnable> answerQueries(List<Request> batch) {
        List<Runnable> answers = new ArrayList<>();
        for (Request r : batch) {
            if (r instanceof Query<?> q) {
                CompletableFuture<Object> f = (CompletableFuture<Object>) q.future();
                QueueView view = QueueView.confined(engine.state());
                try {
                    Object value = q.read().apply(view);
                    answers.add(() -> f.complete(value));
                } catch (RuntimeException e) {
                    answers.add(() -> f.completeExceptionally(e));
                } finally {
                    view.close(); // a view kept past its query, or read on another thread, throws
                }
            }
        }
        return answers;
    }

    /**
     * A snapshot when {@code snapshotEvery} events have been journaled since the newest one (counted by journal
     * position, so restarts in between do not reset the count), and at each new business day (with retention).
     */
    private void maybeSnapshot(List<HallEvent> events) {
        DayStarted day = (DayStarted) events.stream().filter(DayStarted.class::isInstance).reduce((a, b) -> b)
                .orElse(null);
        long last = journal.lastSequence();
        if (day == null && last - snapshotSequence < config.journal().snapshotEvery()) {
            return;
        }
        try {
            journal.snapshots().write(last, Recovery.encode(QueueSnapshot.of(engine.state())));
            if (day != null) {
                String keepFrom = LocalDate.parse(day.day()).minusDays(config.journal().retentionDays()).toString();
                List<String> deleted = journal.deleteDaysBefore(keepFrom);
                if (!deleted.isEmpty()) {
                    Logger.info("Retention: deleted journal days {}", deleted);
                }
            }
        } catch (RuntimeException e) {
            Logger.warn(e, "Snapshot or retention failed; the journal still holds everything");
        } finally {
            snapshotSequence = last; // after a failure, try again snapshotEvery events later, not every batch
        }
    }
}
