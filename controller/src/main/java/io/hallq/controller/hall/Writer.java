package io.hallq.controller.hall;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.QueueSnapshot;
import io.hallq.controller.queue.QueueState;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.DayStarted;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tinylog.Logger;

/** The single writer: engine first, journal next, effects last. Runs on its own thread. */
final class Writer {

    private static final int MAX_BATCH = 512;

    private sealed interface Request {}
    private record Submit(Command command, CompletableFuture<Outcome> future) implements Request {}
    private record Query<T>(Function<QueueState, T> read, CompletableFuture<T> future) implements Request {}
    private record Stop() implements Request {}

    private record Handled(Submit request, Result result, int first, int count) {}

    private final HallConfig config;
    private final Clock clock;
    private final Consumer<List<JournaledEvent>> effects;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final Thread thread;
    private volatile Journal journal;
    private QueueEngine engine;
    private long sinceSnapshot;
    private volatile boolean stopped;

    Writer(HallConfig config, Journal journal, QueueEngine engine, Clock clock,
           Consumer<List<JournaledEvent>> effects) {
        this.config = config;
        this.journal = journal;
        this.engine = engine;
        this.clock = clock;
        this.effects = effects;
        this.thread = new Thread(this::run, "hall-writer");
    }

    void start() {
        thread.start();
    }

    /** The open journal; it is thread-safe for reads. Replaced after a write failure, so do not keep it. */
    Journal journal() {
        return journal;
    }

    CompletableFuture<Outcome> submit(Command command) {
        CompletableFuture<Outcome> f = new CompletableFuture<>();
        if (stopped) {
            f.completeExceptionally(new IllegalStateException("the hall controller is stopped"));
        } else {
            queue.add(new Submit(command, f));
        }
        return f;
    }

    <T> CompletableFuture<T> query(Function<QueueState, T> read) {
        CompletableFuture<T> f = new CompletableFuture<>();
        queue.add(new Query<>(read, f));
        return f;
    }

    /** Queues a tick unless one is already waiting: a slow disk must not pile ticks up. */
    void tick() {
        if (tickQueued.compareAndSet(false, true)) {
            submit(new Command.Tick()).whenComplete((o, e) -> tickQueued.set(false));
        }
    }

    void stop() {
        stopped = true;
        queue.add(new Stop());
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Request> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            if (process(batch)) {
                break;
            }
        }
        journal.close();
    }

    /** Handles one batch; returns true when it held the stop request. */
    private boolean process(List<Request> batch) {
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
                    finish(batch.subList(0, i), events, handled);
                    return engineFailed(s, bug, batch, i) || stop;
                }
                handled.add(new Handled(s, result, events.size(), result.events().size()));
                events.addAll(result.events());
            } else if (r instanceof Stop) {
                stop = true;
            }
        }
        finish(batch, events, handled);
        return stop;
    }

    /** Makes the batch durable, then answers its callers and hands its events on. */
    private void finish(List<Request> batch, List<HallEvent> events, List<Handled> handled) {
        List<JournaledEvent> journaled;
        try {
            journaled = commit(events);
        } catch (RuntimeException e) {
            fail(handled, e);
            answerQueries(batch);
            return;
        }
        for (Handled h : handled) {
            h.request().future().complete(new Outcome(h.result(), journaled.subList(h.first(), h.first() + h.count())));
        }
        answerQueries(batch);
        if (!journaled.isEmpty()) {
            effects.accept(journaled);
            maybeSnapshot(events);
        }
    }

    /**
     * An engine bug must not take the hall down or leave half-applied events in memory: that one command is
     * refused, the state is rebuilt from the journal, and the rest of the batch goes on.
     */
    private boolean engineFailed(Submit failed, RuntimeException bug, List<Request> batch, int index) {
        Logger.error(bug, "Engine failed on {}; the command is refused and the state rebuilt", failed.command());
        failed.future().completeExceptionally(bug);
        engine = new QueueEngine(Recovery.recover(config, journal).state());
        List<Request> rest = batch.subList(index + 1, batch.size());
        return !rest.isEmpty() && process(new ArrayList<>(rest));
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

    /**
     * The journal could not be written: nothing of this batch happened. The in-memory state is ahead of
     * the disk, so it is rebuilt from the journal, which is the truth.
     */
    private void fail(List<Handled> handled, RuntimeException e) {
        Logger.error(e, "Journal write failed; {} commands are refused and the state is rebuilt from disk",
                handled.size());
        handled.forEach(h -> h.request().future().completeExceptionally(e));
        try {
            journal.close();
        } catch (RuntimeException closeFailure) {
            e.addSuppressed(closeFailure);
        }
        journal = Journal.open(java.nio.file.Path.of(config.journal().dataDir()));
        engine = new QueueEngine(Recovery.recover(config, journal).state());
    }

    @SuppressWarnings("unchecked")
    private void answerQueries(List<Request> batch) {
        for (Request r : batch) {
            if (r instanceof Query<?> q) {
                try {
                    ((Query<Object>) q).future().complete(q.read().apply(engine.state()));
                } catch (RuntimeException e) {
                    q.future().completeExceptionally(e);
                }
            }
        }
    }

    private void maybeSnapshot(List<HallEvent> events) {
        sinceSnapshot += events.size();
        DayStarted day = (DayStarted) events.stream().filter(DayStarted.class::isInstance).reduce((a, b) -> b)
                .orElse(null);
        if (day == null && sinceSnapshot < config.journal().snapshotEvery()) {
            return;
        }
        try {
            journal.snapshots().write(journal.lastSequence(), Recovery.encode(QueueSnapshot.of(engine.state())));
            sinceSnapshot = 0;
            if (day != null) {
                String keepFrom = LocalDate.parse(day.day()).minusDays(config.journal().retentionDays()).toString();
                List<String> deleted = journal.deleteDaysBefore(keepFrom);
                if (!deleted.isEmpty()) {
                    Logger.info("Retention: deleted journal days {}", deleted);
                }
            }
        } catch (RuntimeException e) {
            Logger.warn(e, "Snapshot or retention failed; the journal still holds everything");
        }
    }
}
