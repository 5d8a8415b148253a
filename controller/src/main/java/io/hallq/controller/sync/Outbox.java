package io.hallq.controller.sync;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.WireEvents;
import io.hallq.protocol.mqtt.AlarmMessage;
import io.hallq.protocol.mqtt.EventMessage;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The event stream's outbox: a cursor into the journal, not a queue of its own. Everything after the cursor
 * is (re)published in sequence order, at most {@code window} unacknowledged at a time (the broker's Receive
 * Maximum); the cursor moves over a sequence only once the broker acknowledged it and everything before it,
 * and is saved to a file. After an outage or a restart publishing resumes after the saved cursor, so every
 * event reaches the broker, possibly twice, never with a gap.
 *
 * <p>Threads: its state is guarded by one lock. The owner's executor runs everything but the hall's own hand-over:
 * the hall's effects thread offers its durable events with {@link #offerFromEffects} and, when the lock is free and
 * the outbox sends from its tail, publishes them itself, so a live event reaches Paho without waking the owner
 * (one hand-over fewer between durable and published). Whatever needs the journal (an outbox behind its tail) or
 * finds the lock held runs on the owner instead, so the effects thread never reads the disk nor waits.
 *
 * <p>Where the events come from: the durable events the writer hands to effects ({@link #offerFromEffects}) are kept in a
 * bounded in-memory tail (the last {@link #TAIL} events), and sending from the tail costs no disk read. Only an
 * outbox behind its tail (after an outage longer than the tail, or after a restart) reads the journal, one batch
 * at a time, each read starting where the previous one stopped ({@link HallController#eventsAfter} starts at the
 * journal's nearest known position, never at the start of the day), until it reaches the tail.
 */
final class Outbox {

    private static final int BATCH = 256;
    /**
     * Durable events kept in memory for sending; an outbox further behind reads the journal. 1,024 events are
     * over half an hour of a busy hall's events (a day of 3,000 tickets journals some 15,000 in nine hours) and
     * many times any broker's window. Each held event costs resident memory: about 90 bytes with its record and
     * time stamp (4,096 held 0.3 MB more live heap at the end of the bench's busy day; docs/benchmarks.md,
     * issue 11).
     */
    static final int TAIL = 1024;
    /**
     * The cursor file is written at most this often while acknowledgements come in (and at close). It only spares
     * resending after a crash or power cut: a cursor saved late costs at most this long's events sent twice, which
     * consumers drop by sequence; each save is a file write, fsync and rename (on a Pi's SD card, beside the
     * journal's own fsyncs), so it is not made for every acknowledgement.
     */
    static final long SAVE_DELAY_MS = 2000;
    /** With messages in flight and no acknowledgement for this long, resend from the cursor. */
    static final long STALL_MS = 10_000;

    private final String hall;
    private final HallController controller;
    private final ScheduledExecutorService owner;
    private final Function<Outgoing, CompletableFuture<Void>> publisher;
    private final CounterFile cursorFile;
    /** Where the cursor file is written (its fsync takes milliseconds): not the owner, which sends. */
    private final java.util.concurrent.Executor saver;
    /** Events read from the journal, oldest first, for an outbox behind its tail. */
    private final Deque<JournaledEvent> buffer = new ArrayDeque<>();
    /** The tail: the events of sequences [tailFirst, tailEnd) at index sequence % TAIL. */
    private final JournaledEvent[] tail = new JournaledEvent[TAIL];
    private long tailFirst;
    private long tailEnd;
    private long journalReads;
    private long stallResends;
    /**
     * The last journal read reached the journal's end and no event was offered since: with no tail yet, what
     * comes next arrives through {@link #offerFromEffects}, so pumping (an acknowledgement) reads no more.
     */
    private boolean drained;
    private final TreeSet<Long> ackedAhead = new TreeSet<>();
    private final Map<String, HallEvent.AlarmRaised> raised = new HashMap<>();
    private long cursor;
    private long saved;
    private long nextToSend;
    private int inflight;
    private int window;
    private long generation;
    private boolean connected;
    private boolean saveScheduled;
    private final java.util.function.LongSupplier nanoTime;
    /** Guards every field: held by the owner, and by the effects thread when it sends from the tail itself. */
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    /** Batches offered by the effects thread and not yet taken into the tail, oldest first. */
    private final java.util.concurrent.ConcurrentLinkedQueue<List<JournaledEvent>> offered =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private long lastProgress;
    private final long stallNanos;

    Outbox(String hall, HallController controller, ScheduledExecutorService owner,
           Function<Outgoing, CompletableFuture<Void>> publisher, CounterFile cursorFile) {
        this(hall, controller, owner, publisher, cursorFile, STALL_MS);
    }

    /**
     * @param saver where the cursor file is written, one write after the other (a single thread); the owner
     *              only hands it the value, so an fsync of the cursor never holds up sending
     */
    Outbox(String hall, HallController controller, ScheduledExecutorService owner,
           Function<Outgoing, CompletableFuture<Void>> publisher, CounterFile cursorFile,
           java.util.concurrent.Executor saver) {
        this(hall, controller, owner, publisher, cursorFile, STALL_MS, System::nanoTime, saver);
    }

    /** @param stallMs with messages in flight and no acknowledgement for this long, resend from the cursor */
    Outbox(String hall, HallController controller, ScheduledExecutorService owner,
           Function<Outgoing, CompletableFuture<Void>> publisher, CounterFile cursorFile, long stallMs) {
        this(hall, controller, owner, publisher, cursorFile, stallMs, System::nanoTime);
    }

    /** @param nanoTime the monotonic clock the stall is measured on (tests pass a controlled one) */
    Outbox(String hall, HallController controller, ScheduledExecutorService owner,
           Function<Outgoing, CompletableFuture<Void>> publisher, CounterFile cursorFile, long stallMs,
           java.util.function.LongSupplier nanoTime) {
        this(hall, controller, owner, publisher, cursorFile, stallMs, nanoTime, Runnable::run);
    }

    private Outbox(String hall, HallController controller, ScheduledExecutorService owner,
           Function<Outgoing, CompletableFuture<Void>> publisher, CounterFile cursorFile, long stallMs,
           java.util.function.LongSupplier nanoTime, java.util.concurrent.Executor saver) {
        this.saver = saver;
        this.nanoTime = nanoTime;
        this.lastProgress = nanoTime.getAsLong();
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMs);
        this.hall = hall;
        this.controller = controller;
        this.owner = owner;
        this.publisher = publisher;
        this.cursorFile = cursorFile;
        this.cursor = Math.min(cursorFile.read(0), controller.lastSequence());
        this.saved = cursor;
        this.nextToSend = cursor + 1;
    }

    /** The highest sequence the broker has acknowledged along with all before it. */
    long cursor() {
        return locked(() -> cursor);
    }

    void connected(int window) {
        locked(() -> {
            this.window = window;
            this.connected = true;
            rewind();
            lastProgress = nanoTime.getAsLong();
            pump(true);
        });
    }

    /** Forgets what is in flight: the next send is the event after the cursor (lock held). */
    private void rewind() {
        generation++;
        inflight = 0;
        buffer.clear();
        nextToSend = cursor + 1;
        drained = false;
    }

    /**
     * Called every few seconds: when messages are in flight and the broker has acknowledged nothing for the
     * stall time ({@link #STALL_MS} by default: an acknowledgement lost in a reconnect, a client token that never
     * completes), resend from the cursor rather than wait for ever; consumers drop duplicates by sequence.
     */
    void checkStalled() {
        locked(() -> {
            long now = nanoTime.getAsLong();
            if (connected && inflight > 0 && now - lastProgress > stallNanos) {
                Logger.warn("MQTT outbox: no acknowledgement for {} ms with {} in flight; resending from #{}",
                        TimeUnit.NANOSECONDS.toMillis(stallNanos), inflight, cursor + 1);
                stallResends++;
                rewind();
                lastProgress = now;
                pump(true);
            }
        });
    }

    void disconnected() {
        locked(() -> {
            connected = false;
            rewind();
        });
    }

    /**
     * Durable events as the writer hands them to effects, in sequence order, on the hall's effects thread (one
     * thread): kept in the tail (the oldest leave it beyond {@link #TAIL}), then sent as the window allows. A gap
     * (events this outbox did not see, e.g. before it started listening) restarts the tail; what lies before it is
     * read from the journal. When the lock is free and the next event to send is in the tail, the events are
     * published on this thread; otherwise (the owner holds the lock, or the outbox is behind its tail and must read
     * the journal) the owner takes them over, in order.
     */
    void offerFromEffects(List<JournaledEvent> events) {
        offered.add(events);
        if (lock.tryLock()) {
            try {
                pump(false);
            } finally {
                lock.unlock();
            }
        } else {
            onOwner();
        }
    }

    /** Hands a pump to the owner (it takes what was offered first); after close there is nobody to hand it to. */
    private void onOwner() {
        try {
            owner.execute(this::pump);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closing: the cursor file makes the next start resend what this one did not
        }
    }

    /** New durable events exist (or the window opened): send what the window allows. */
    void pump() {
        locked(() -> pump(true));
    }

    /**
     * Takes the offered batches into the tail, then sends what the window allows (lock held). With
     * {@code mayRead} false (the effects thread) it sends only from the tail and leaves anything that may need the
     * journal to the owner.
     */
    private void pump(boolean mayRead) {
        takeOffered();
        while (connected && inflight < window) {
            boolean inTail = nextToSend >= tailFirst && nextToSend < tailEnd;
            if (!mayRead && !inTail) {
                if (nextToSend < tailFirst || tailFirst == tailEnd) {
                    onOwner(); // behind the tail, or no tail yet: maybe a journal read
                }
                return; // else caught up: what comes next is offered
            }
            JournaledEvent e = next();
            if (e == null) {
                return;
            }
            send(e);
            nextToSend = e.sequence() + 1;
        }
    }

    /** Takes the batches the effects thread offered into the tail, oldest first (lock held). */
    private void takeOffered() {
        for (List<JournaledEvent> batch; (batch = offered.poll()) != null; ) {
            hold(batch);
        }
    }

    private void hold(List<JournaledEvent> events) {
        for (JournaledEvent e : events) {
            long seq = e.sequence();
            if (seq < tailEnd) {
                continue; // already held
            }
            if (seq != tailEnd || tailFirst == tailEnd) {
                java.util.Arrays.fill(tail, null);
                tailFirst = seq;
            } else if (tailEnd - tailFirst == TAIL) {
                tailFirst++;
            }
            tail[(int) (seq % TAIL)] = e;
            tailEnd = seq + 1;
            drained = false;
        }
    }

    /** The event of {@code nextToSend} from the tail, else from the journal; null when there is none yet. */
    private JournaledEvent next() {
        if (nextToSend >= tailFirst && nextToSend < tailEnd) {
            buffer.clear();
            return tail[(int) (nextToSend % TAIL)];
        }
        if (nextToSend >= tailEnd && tailFirst != tailEnd) {
            return null; // caught up: what comes next arrives through offer
        }
        while (!buffer.isEmpty() && buffer.peek().sequence() < nextToSend) {
            buffer.poll();
        }
        if (buffer.isEmpty() || buffer.peek().sequence() != nextToSend) {
            if (drained && tailFirst == tailEnd) {
                return null;
            }
            buffer.clear();
            // behind the tail, or no tail yet (just started): read on from where the last read stopped
            buffer.addAll(controller.eventsAfter(nextToSend - 1, BATCH));
            journalReads++;
            // a short read reached the journal's end: with the listener on before the first read, what is
            // journaled later arrives through offer, so reading again before an offer would find nothing
            drained = buffer.size() < BATCH;
            if (buffer.isEmpty()) {
                return null;
            }
        }
        return buffer.poll();
    }

    /** The newest sequence offered to the tail; -1 before any. */
    long heldUpTo() {
        return locked(() -> {
            takeOffered();
            return tailEnd - 1;
        });
    }

    /** How many times this outbox read the journal (the tail spares all others). */
    long journalReads() {
        return locked(() -> journalReads);
    }

    /** How many times the outbox resent from its cursor because nothing was acknowledged for the stall time. */
    long stallResends() {
        return locked(() -> stallResends);
    }

    /** Events sent and not yet acknowledged, and durable events not yet acknowledged (the backlog to central). */
    long[] backlog() {
        return locked(() -> new long[] {inflight, Math.max(0, Math.max(tailEnd - 1, nextToSend - 1) - cursor)});
    }

    /** Runs {@code r} holding the outbox's lock. */
    private void locked(Runnable r) {
        lock.lock();
        try {
            r.run();
        } finally {
            lock.unlock();
        }
    }

    /** Reads {@code s} holding the outbox's lock. */
    private <T> T locked(java.util.function.Supplier<T> s) {
        lock.lock();
        try {
            return s.get();
        } finally {
            lock.unlock();
        }
    }

    private void send(JournaledEvent e) {
        long gen = generation;
        HallEvent event = scrub(e.event());
        byte[] json = MqttCodec.encode(EventMessage.of(hall, e.sequence(), event));
        inflight++;
        publisher.apply(Outgoing.event(Topics.events(hall), json))
                .whenCompleteAsync((ok, err) -> acked(gen, e.sequence(), err), owner);
        alarm(e.sequence(), event).ifPresent(a -> {
            inflight++;
            publisher.apply(Outgoing.event(Topics.alarms(hall), MqttCodec.encode(a)))
                    .whenCompleteAsync((ok, err) -> released(gen), owner);
        });
    }

    private void acked(long gen, long seq, Throwable err) {
        locked(() -> {
            if (err != null) {
                Logger.info("event #{} not acknowledged ({}); resending from #{}", seq, err.toString(), cursor + 1);
                if (gen == generation && connected) {
                    // resend from the cursor: order matters more than saving a few duplicates
                    rewind();
                    owner.schedule((Runnable) this::pump, 500, TimeUnit.MILLISECONDS);
                }
                return;
            }
            lastProgress = nanoTime.getAsLong();
            if (seq > cursor) {
                ackedAhead.add(seq);
                while (!ackedAhead.isEmpty() && ackedAhead.first() <= cursor + 1) {
                    cursor = Math.max(cursor, ackedAhead.pollFirst());
                }
                scheduleSave();
            }
            releasedLocked(gen);
        });
    }

    private void released(long gen) {
        locked(() -> {
            releasedLocked(gen);
        });
    }

    private void releasedLocked(long gen) {
        if (gen == generation) {
            inflight--;
            pump(true);
        }
    }

    private void scheduleSave() {
        if (!saveScheduled) {
            saveScheduled = true;
            owner.schedule(this::save, SAVE_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Writes the cursor if it moved; also called on close (then wait for the saver too). The write runs on the
     * saver; a failed one is logged and marks the cursor unsaved, so the next save writes it again.
     */
    void save() {
        locked(() -> {
            saveScheduled = false;
            if (cursor != saved) {
                long value = cursor;
                saved = value;
                saver.execute(() -> write(value));
            }
        });
    }

    private void write(long value) {
        try {
            cursorFile.write(value);
        } catch (RuntimeException e) {
            Logger.warn("MQTT outbox cursor #{} not saved: {}", value, e.toString());
            Runnable unsaved = () -> locked(() -> {
                if (saved == value) {
                    saved = Long.MIN_VALUE;
                }
            });
            try {
                owner.execute(unsaved);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                unsaved.run(); // inline saver or closing: nobody else touches it now
            }
        }
    }

    /** The event whole, but for its secret fields (the mobile ticket token); a phone number leaves only masked. */
    static HallEvent scrub(HallEvent event) {
        return WireEvents.withoutSecrets(event);
    }

    private java.util.Optional<AlarmMessage> alarm(long seq, HallEvent event) {
        return switch (event) {
            case HallEvent.AlarmRaised r -> {
                raised.put(r.alarmId(), r);
                yield java.util.Optional.of(new AlarmMessage(MqttCodec.VERSION, hall, seq, true, r.alarmId(),
                        r.kind(), r.messageZh(), r.messageEn(), r.at(), r.cause()));
            }
            case HallEvent.AlarmCleared c -> {
                HallEvent.AlarmRaised r = raised.remove(c.alarmId());
                yield java.util.Optional.of(new AlarmMessage(MqttCodec.VERSION, hall, seq, false, c.alarmId(),
                        r == null ? null : r.kind(), r == null ? null : r.messageZh(),
                        r == null ? null : r.messageEn(), c.at(), r == null ? null : r.cause()));
            }
            default -> java.util.Optional.empty();
        };
    }

}
