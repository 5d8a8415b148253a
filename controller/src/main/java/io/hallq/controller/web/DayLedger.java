package io.hallq.controller.web;

import io.hallq.controller.hall.JournaledEvent;
import io.hallq.protocol.event.HallEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the queue state does not keep but the pages show: the latest calls and today's counts per counter
 * and per service. Built from the event stream, so it resumes after a restart by replaying the journal's
 * recent events; events at or below the last applied sequence are ignored, which makes replay and live
 * delivery overlap safely.
 */
final class DayLedger {

    static final int CALL_HISTORY = 12;

    record Call(String ticket, int counter, boolean recall, long seq, Instant at) {}

    record CounterCounts(int called, int served, int noShows, int transferred) {}

    /** @param meanWaitSeconds mean time from issue to first call of the tickets called today; -1 before any */
    record ServiceCounts(int issued, int called, int served, int noShows, long meanWaitSeconds) {}

    record Snapshot(List<Call> calls, Map<Integer, CounterCounts> counters, Map<String, ServiceCounts> services) {}

    private final Deque<Call> calls = new ArrayDeque<>();
    private final Map<Integer, int[]> counters = new TreeMap<>();
    private final Map<String, long[]> services = new TreeMap<>();
    private final Map<String, Instant> issuedAt = new HashMap<>();
    private final Map<String, String> serviceOf = new HashMap<>();
    private long lastSeq = -1;

    synchronized void apply(List<JournaledEvent> events) {
        for (JournaledEvent je : events) {
            if (je.sequence() > lastSeq) {
                lastSeq = je.sequence();
                apply(je.sequence(), je.event());
            }
        }
    }

    synchronized long lastSequence() {
        return lastSeq;
    }

    private void apply(long seq, HallEvent event) {
        switch (event) {
            case HallEvent.DayStarted d -> clear();
            case HallEvent.TicketIssued t -> {
                issuedAt.put(t.ticket(), t.at());
                serviceOf.put(t.ticket(), t.service());
                service(t.service())[0]++;
            }
            case HallEvent.TicketCalled c -> called(seq, c);
            case HallEvent.TicketRecalled r -> remember(new Call(r.ticket(), r.counter(), true, seq, r.at()));
            case HallEvent.TicketServed s -> {
                counter(s.counter())[1]++;
                service(serviceOf.getOrDefault(s.ticket(), "?"))[2]++;
                forget(s.ticket());
            }
            case HallEvent.TicketNoShow n -> {
                counter(n.counter())[2]++;
                service(serviceOf.getOrDefault(n.ticket(), "?"))[3]++;
                if (!n.requeued()) {
                    forget(n.ticket());
                }
            }
            case HallEvent.TicketTransferred t -> {
                counter(t.counter())[3]++;
                serviceOf.put(t.ticket(), t.toService());
            }
            case HallEvent.TicketVoided v -> forget(v.ticket());
            default -> { }
        }
    }

    private void called(long seq, HallEvent.TicketCalled c) {
        remember(new Call(c.ticket(), c.counter(), false, seq, c.at()));
        counter(c.counter())[0]++;
        long[] s = service(serviceOf.getOrDefault(c.ticket(), "?"));
        s[1]++;
        Instant issued = issuedAt.remove(c.ticket()); // the first call only: a requeued no-show waited already
        if (issued != null) {
            s[4] += Duration.between(issued, c.at()).toSeconds();
            s[5]++;
        }
    }

    private void clear() {
        calls.clear();
        counters.clear();
        services.clear();
        issuedAt.clear();
        serviceOf.clear();
    }

    private void forget(String ticket) {
        issuedAt.remove(ticket);
        serviceOf.remove(ticket);
    }

    private void remember(Call call) {
        calls.addFirst(call);
        while (calls.size() > CALL_HISTORY) {
            calls.removeLast();
        }
    }

    private int[] counter(int number) {
        return counters.computeIfAbsent(number, n -> new int[4]);
    }

    private long[] service(String code) {
        return services.computeIfAbsent(code, c -> new long[6]);
    }

    synchronized Snapshot snapshot() {
        Map<Integer, CounterCounts> c = new TreeMap<>();
        counters.forEach((n, a) -> c.put(n, new CounterCounts(a[0], a[1], a[2], a[3])));
        Map<String, ServiceCounts> s = new TreeMap<>();
        services.forEach((code, a) -> s.put(code, new ServiceCounts((int) a[0], (int) a[1], (int) a[2], (int) a[3],
                a[5] == 0 ? -1 : a[4] / a[5])));
        return new Snapshot(List.copyOf(calls), c, s);
    }
}
