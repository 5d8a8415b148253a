package io.hallq.controller.notify;

import io.hallq.protocol.PhoneNumber;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One-time texts to customers (verification codes) between the web server, which hands them over, and the
 * notification worker, which journals and sends them. The clear number and the text live here, in memory only,
 * until the message is sent, given up or expired; a restart forgets them (the customer asks for a new code).
 * Bounded: at most {@link #MAX_QUEUED} handed over and not yet taken, at most {@link #MAX_HELD} journaled and not
 * yet sent.
 */
final class DirectTexts {

    static final int MAX_QUEUED = 100;
    static final int MAX_HELD = 500;

    /** A text to send: never logged ({@link #toString} leaves the number and the text out). */
    record Queued(PhoneNumber phone, String text, String journaledText, Instant until) {
        @Override
        public String toString() {
            return "Queued[until=" + until + "]";
        }
    }

    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** Journaled, not yet sent: request id -> text. The worker's thread only. */
    private final Map<String, Queued> held = new LinkedHashMap<>();

    /** From any thread; false when too many wait. */
    boolean offer(PhoneNumber phone, String text, String journaledText, Instant until) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            return false;
        }
        queue.add(new Queued(phone, text, journaledText, until));
        return true;
    }

    /** The next handed-over text, or null (worker). */
    Queued poll() {
        Queued q = queue.poll();
        if (q != null) {
            queued.decrementAndGet();
        }
        return q;
    }

    /** Keeps {@code q} under its request id until sent (worker); the oldest goes when full. */
    void hold(String id, Queued q) {
        if (held.size() >= MAX_HELD) {
            Iterator<String> oldest = held.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        held.put(id, q);
    }

    Optional<Queued> held(String id) {
        return Optional.ofNullable(held.get(id));
    }

    void release(String id) {
        held.remove(id);
    }

    /** Forgets texts whose time is over (their ledger entries fail as expired when next looked at). */
    void dropExpired(Instant now) {
        held.values().removeIf(q -> q.until().isBefore(now.minusSeconds(60)));
    }
}
