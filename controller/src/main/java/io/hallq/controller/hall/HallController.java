package io.hallq.controller.hall;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.QueueView;
import java.nio.file.Path;
import java.time.Clock;
import io.hallq.protocol.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The one owner of a hall's queue. Every input is a {@link Command} handed to {@link #submit}; a single
 * writer thread applies it to the engine, appends the resulting events to the journal and makes them
 * durable (one fsync for all the commands that queued up meanwhile: group commit), and only then completes
 * the caller's future and hands the events to the listeners (printer, displays, voice, MQTT, web).
 * So two counters never get the same ticket, and no effect is ever seen for an event a power cut could lose.
 */
public final class HallController implements AutoCloseable {

    private final HallConfig config;
    private final Writer writer;
    private final ScheduledExecutorService ticker;
    private final ExecutorService effects;
    private final ExecutorService replies;
    private final List<Consumer<String>> failureListeners = new CopyOnWriteArrayList<>();
    private volatile String failure;
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final RecoveryReport recovery;

    private HallController(HallConfig config, Journal journal, Clock clock, Duration tick, int maxQueued) {
        this.config = config;
        Recovery.Recovered rec = Recovery.recover(config, journal);
        this.recovery = rec.report();
        Logger.info("Hall {} resumed {}", config.hall().id(), recovery);
        this.effects = Executors.newSingleThreadExecutor(r -> daemon(r, "hall-effects"));
        this.replies = Executors.newSingleThreadExecutor(r -> daemon(() -> {
            HallFuture.markCompletingThread();
            r.run();
        }, "hall-replies"));
        this.writer = new Writer(config, journal, new QueueEngine(rec.state()), recovery.snapshotSequence(), clock,
                this::dispatch, replies, this::failed, maxQueued);
        List<String> unprinted = QueueView.of(rec.state()).awaitingPrint().stream().map(t -> t.number()).toList();
        this.writer.start();
        voidUnprinted(unprinted);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hall-ticker"));
        if (!tick.isZero()) {
            ticker.scheduleAtFixedRate(writer::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A paper ticket journaled before a crash or power cut but never confirmed by the printer is held by
     * nobody (the dispenser forgot it with the restart): it leaves the queue before anything else happens.
     */
    private void voidUnprinted(List<String> tickets) {
        for (String t : tickets) {
            Outcome o = writer.submit(new Command.VoidTicket(t, VOID_UNPRINTED)).join();
            Logger.warn("Ticket {} was never confirmed printed before the restart: voided ({})", t, o.result());
        }
    }

    /** The reason journaled for a paper ticket voided at start because its printing was never confirmed. */
    public static final String VOID_UNPRINTED = "not printed before the controller restarted";

    /**
     * Opens the hall's journal (recovering from a crash if needed), rebuilds the queue and starts the writer.
     *
     * @param tick how often the clock's passing is checked (alarms, new business day); zero for never
     */
    public static HallController start(HallConfig config, Clock clock, Duration tick) {
        return start(config, clock, tick, Writer.DEFAULT_MAX_QUEUED);
    }

    /** As {@link #start(HallConfig, Clock, Duration)}, with at most {@code maxQueued} requests waiting for the writer. */
    static HallController start(HallConfig config, Clock clock, Duration tick, int maxQueued) {
        Journal journal = Journal.open(Path.of(config.journal().dataDir()));
        try {
            return new HallController(config, journal, clock, tick, maxQueued);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    public static HallController start(HallConfig config) {
        return start(config, Clock.systemUTC(), Duration.ofSeconds(1));
    }

    public HallConfig config() { return config; }

    public RecoveryReport recovery() { return recovery; }

    /**
     * Hands a command to the writer. The future completes once the command's events are durable, with the
     * engine's result (a rejection is a normal result; a full writer queue is a {@code OVERLOADED} rejection); it
     * fails with a {@link HallUnavailableException} when the hall is stopped or its writer failed (the journal
     * cannot be written). Never blocks: safe to call from device listener threads and network callbacks. The
     * future completes on the "hall-replies" thread, never on the writer: callbacks there must not wait for
     * another hall future (hand over instead).
     */
    public CompletableFuture<Outcome> submit(Command command) {
        return writer.submit(command);
    }

    /**
     * Runs a read on the writer thread, after the commands submitted before it are durable. The read gets a
     * {@link QueueView}, valid only while it runs, and returns what it took as immutable values (records, copied
     * collections): the live queue state never leaves the writer. The future completes on "hall-replies"; it
     * fails with a {@link HallUnavailableException} when the hall is stopped, its writer failed, or its queue is
     * full, and with the read's own exception when it throws.
     */
    public <T> CompletableFuture<T> query(Function<QueueView, T> read) {
        return writer.query(read);
    }

    /**
     * Durable events after {@code afterSequence}, oldest first, at most {@code max} of them, read from the
     * journal's nearest known position before them (not from the start of the day). Safe from any thread; this
     * is how a cursor (the MQTT outbox, a web feed) catches up after an outage or a restart.
     */
    public List<JournaledEvent> eventsAfter(long afterSequence, int max) {
        List<JournaledEvent> out = new ArrayList<>();
        for (var r : writer.journal().readAfter(afterSequence, max)) {
            out.add(new JournaledEvent(r.sequence(), EventCodec.decode(r.payload())));
        }
        return out;
    }

    /** Business days with a journal segment, oldest first (retention may have deleted the oldest). */
    public List<String> journalDays() {
        return writer.journal().days();
    }

    /** The business day new events go to; empty before the first day started. */
    public java.util.Optional<String> currentDay() {
        return writer.journal().currentDay();
    }

    /**
     * Every durable event of one business day (its journal segment), oldest first; empty when the journal has no
     * such day. Safe from any thread; the statistics of closed days are computed from this.
     */
    public List<JournaledEvent> eventsOfDay(String day) {
        List<JournaledEvent> out = new ArrayList<>();
        for (var r : writer.journal().read(day)) {
            out.add(new JournaledEvent(r.sequence(), EventCodec.decode(r.payload())));
        }
        return out;
    }

    /** The sequence number of the latest durable event. */
    public long lastSequence() {
        return writer.journal().lastSequence();
    }

    /** Adds a listener for durable events; events of commands submitted before the call may be missed. */
    public void addListener(EventListener listener) {
        listeners.add(listener);
    }

    /**
     * Adds a listener told once, with one line saying why, when the hall can no longer work: its writer died or
     * wedged, its journal cannot be written, or a module failed after start. A failure before the call is told at
     * once. The process's supervisor ends the process on it ({@link Supervision}); the journal makes the restart
     * safe. Called on the failing thread: hand over, do not block.
     */
    public void onFailure(Consumer<String> listener) {
        failureListeners.add(listener);
        String why = failure;
        if (why != null) {
            listener.accept(why);
        }
    }

    /** A module cannot go on (e.g. its thread died): the hall fails as a whole, see {@link #onFailure}. */
    public void moduleFailed(String module, Throwable cause) {
        failed("module " + module + " failed: " + cause);
    }

    /** Why the hall can no longer work, or null while it works. */
    public String failure() {
        String writerFailure = failure == null ? writer.failure() : null;
        if (writerFailure != null) {
            failed(writerFailure);
        }
        return failure;
    }

    /** Gives the writer up as wedged: waiting futures fail with {@code why}, and the hall fails. */
    void abandonWriter(String why) {
        writer.abandon(why);
        failed(why);
    }

    /** Nanoseconds the writer has spent on its current batch (0 while idle): a wedge shows here. */
    long writerBusyNanos() {
        return writer.busyNanos();
    }

    /** Nanoseconds since the writer last made a tick durable: the watchdog is fed only while this stays short. */
    long sinceTickNanos() {
        return writer.sinceTickNanos();
    }

    private synchronized void failed(String why) {
        if (failure != null) {
            return;
        }
        failure = why;
        Logger.error("Hall {} cannot go on: {}", config.hall().id(), why);
        for (Consumer<String> l : failureListeners) {
            l.accept(why);
        }
    }

    private void dispatch(List<JournaledEvent> events) {
        try {
            effects.execute(() -> deliver(events));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closing after a writer that outlived its stop: the journal has the events, cursors catch up
        }
    }

    private void deliver(List<JournaledEvent> events) {
        for (EventListener l : listeners) {
            try {
                l.onEvents(events);
            } catch (RuntimeException e) {
                Logger.debug(e, "Listener {} failed", l);
                failed("a module's event listener " + l + " failed on events #" + events.get(0).sequence()
                        + "..#" + events.get(events.size() - 1).sequence() + ": " + e);
            }
        }
    }

    /** Stops taking commands, finishes those queued, delivers their effects and closes the journal. */
    @Override
    public void close() {
        ticker.shutdownNow();
        writer.stop(10_000);
        effects.shutdown();
        replies.shutdown();
        try {
            if (!effects.awaitTermination(5, TimeUnit.SECONDS)) {
                Logger.warn("Effects still running at shutdown");
            }
            if (!replies.awaitTermination(5, TimeUnit.SECONDS)) {
                Logger.warn("Replies still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
