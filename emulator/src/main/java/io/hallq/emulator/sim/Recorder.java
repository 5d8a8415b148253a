package io.hallq.emulator.sim;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.QueueRules.SelectionPolicy;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.TicketIssued;
import io.hallq.protocol.event.HallEvent.TicketServed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what a run produces; the ticket samples are completed at each ticket's first call. */
final class Recorder {

    private final List<HallEvent> events = new ArrayList<>();
    private final Map<String, TicketSample> open = new HashMap<>();
    private final List<TicketSample> samples = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<SimRun.Minute> minutes = new ArrayList<>();
    private final List<Visit> visits = new ArrayList<>();
    /** What became of bookings and remote tickets, indexed by {@link Tally}. */
    private final int[] tally = new int[Tally.values().length];
    private double handlingSum;
    private long handlingCount;

    /** @param prior the mean handling time before anyone was served: the configured guesses, weighted by the mix */
    Recorder(double prior) {
        handlingSum = prior;
        handlingCount = 1;
    }

    static double prior(HallConfig hall, Scenario sc) {
        double w = 0;
        double sum = 0;
        for (var e : sc.services().entrySet()) {
            sum += e.getValue().share() * hall.service(e.getKey()).orElseThrow().handlingTime().toSeconds();
            w += e.getValue().share();
        }
        return w == 0 ? 300 : sum / w;
    }

    void event(HallEvent e) {
        events.add(e);
    }

    /** The events so far (earlier days whole, then today's), as a journal would hold them. */
    List<HallEvent> events() {
        return java.util.Collections.unmodifiableList(events);
    }

    void issued(String day, TicketIssued t, long oracle, long target, boolean busy) {
        TicketSample s = new TicketSample(day, t.ticket(), t.service(), t.customerClass(), t.at(), busy, target,
                t.estimatedWaitSeconds(), oracle, -1);
        open.put(t.ticket(), s);
        index.put(day + "/" + t.ticket(), samples.size());
        samples.add(s);
    }

    void firstCall(String ticket, Instant at) {
        TicketSample s = open.remove(ticket);
        if (s != null) {
            samples.set(index.get(s.day() + "/" + ticket), new TicketSample(s.day(), s.ticket(), s.service(),
                    s.customerClass(), s.issuedAt(), s.busy(), s.targetSeconds(), s.estimateSeconds(),
                    s.oracleSeconds(), Duration.between(s.issuedAt(), at).toSeconds()));
        }
    }

    void served(TicketServed e) {
        if (e.handlingSeconds() >= 0) {
            handlingSum += e.handlingSeconds();
            handlingCount++;
        }
    }

    double meanHandlingSeconds() {
        return handlingSum / handlingCount;
    }

    void minute(Instant at, int waiting, int openCounters) {
        minutes.add(new SimRun.Minute(at, waiting, openCounters));
    }

    /** The visits of a day, once it is over. */
    void visits(List<Visit> day) {
        visits.addAll(day);
    }

    enum Tally {
        BOOKED, MOVED, REFUSED, CHECKED_IN, EARLY, LAPSED_LATE, NO_SHOW, REMOTE_JOINED, REMOTE_REFUSED, REMOTE_CHECKED_IN,
        REMOTE_NEVER, REMOTE_VOIDED, LAPSED_BY_ENGINE, REMOTE_DROPPED
    }

    void count(Tally t) {
        tally[t.ordinal()]++;
    }

    /** Tickets still open at a day's end were never called; the next day reuses their numbers. */
    void endDay() {
        open.clear();
    }

    SimRun result(SelectionPolicy policy) {
        int[] t = tally;
        return new SimRun(policy, List.copyOf(events), List.copyOf(samples), List.copyOf(minutes), List.copyOf(visits),
                new AppointmentSummary.Counts(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12], t[13]));
    }
}
