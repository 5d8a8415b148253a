package io.hallq.controller.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The arrival rates the hall has learned today: tickets issued per service and class over the last
 * {@link #WINDOW}. The estimate uses them for the customers who will arrive while a ticket waits and, by their
 * class's head start or a counter's weight for their service, go before it. Cleared when a day starts; after a
 * restart from a snapshot the window refills from the events replayed and the tickets issued next.
 */
public final class ArrivalRates {

    /** How far back arrivals count. */
    public static final Duration WINDOW = Duration.ofMinutes(30);
    /** Rates are never taken over less than this, so the first tickets of a day do not look like a rush. */
    static final Duration MIN_SPAN = Duration.ofMinutes(15);

    private record Arrival(Instant at, String key) {}

    private final Deque<Arrival> recent = new ArrayDeque<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private Instant dayStart;

    /** A copy, for estimates computed off the writer thread. */
    ArrivalRates copy() {
        ArrivalRates c = new ArrivalRates();
        c.recent.addAll(recent);
        c.counts.putAll(counts);
        c.dayStart = dayStart;
        return c;
    }

    void copyFrom(ArrivalRates other) {
        recent.clear();
        counts.clear();
        recent.addAll(other.recent);
        counts.putAll(other.counts);
        dayStart = other.dayStart;
    }

    void startDay(Instant at) {
        recent.clear();
        counts.clear();
        dayStart = at;
    }

    void issued(Instant at, String service, String cls) {
        if (dayStart == null) {
            dayStart = at;
        }
        String key = key(service, cls);
        recent.addLast(new Arrival(at, key));
        counts.merge(key, 1, Integer::sum);
        forgetBefore(at.minus(WINDOW));
    }

    private void forgetBefore(Instant limit) {
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(limit)) {
            counts.merge(recent.removeFirst().key(), -1, Integer::sum);
        }
    }

    /** Tickets per second of this service and class at {@code now}: the count over the window (at least 15 min). */
    public double perSecond(String service, String cls, Instant now) {
        Integer n = counts.get(key(service, cls));
        if (n == null || n == 0) {
            return 0;
        }
        long oldest = 0;
        for (Arrival a : recent) {
            if (!a.at().isBefore(now.minus(WINDOW))) {
                break;
            }
            if (a.key().equals(key(service, cls))) {
                oldest++;
            }
        }
        long span = dayStart == null ? WINDOW.toSeconds()
                : Math.min(WINDOW.toSeconds(), Duration.between(dayStart, now).toSeconds());
        return (n - oldest) / (double) Math.max(MIN_SPAN.toSeconds(), span);
    }

    private static String key(String service, String cls) {
        return service + '\u0000' + cls;
    }
}
