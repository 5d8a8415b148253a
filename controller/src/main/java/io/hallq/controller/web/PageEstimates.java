package io.hallq.controller.web;

import io.hallq.controller.queue.QueueView;
import io.hallq.controller.queue.TicketView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The pages' wait estimates (each waiting ticket's remaining wait, each service's stated wait), computed by the
 * forecast on a detached copy of the queue off the writer thread ({@link LiveFeed}), at most once per
 * {@link LiveFeed#ESTIMATE_INTERVAL}. Views taken in between use them aged by the time since: a wait counts down
 * as the clock moves; a ticket issued since is given its service's stated wait. People ahead are not kept here:
 * the writer counts them exactly for every view (one pass, no forecast).
 *
 * @param seq      journal sequence of the state they were computed on
 * @param at       the instant they were computed for
 * @param byTicket remaining wait in seconds per waiting ticket number (-1: unknown)
 * @param walkIns  the wait each service states now ({@code Estimator.waitNowAll})
 */
record PageEstimates(long seq, Instant at, Map<String, Long> byTicket, Map<String, Long> walkIns) {

    static PageEstimates compute(QueueView s, long seq, Instant now) {
        Map<String, Long> byTicket = new HashMap<>();
        s.estimatesOfAllWaiting(now).forEach((t, e) -> byTicket.put(t, e.waitSeconds()));
        return new PageEstimates(seq, now, byTicket, s.waitNowAll(now));
    }

    /** A ticket's remaining wait at {@code now}. */
    long waitOf(TicketView t, Instant now) {
        Long w = byTicket.get(t.number());
        return aged(w != null ? w : walkIns.getOrDefault(t.service(), -1L), now);
    }

    /** A service's stated wait at {@code now}. */
    long walkIn(String service, Instant now) {
        return aged(walkIns.getOrDefault(service, -1L), now);
    }

    private long aged(long seconds, Instant now) {
        if (seconds < 0) {
            return seconds;
        }
        long past = Math.max(0, Duration.between(at, now).toSeconds());
        return Math.max(0, seconds - past);
    }
}
