package io.hallq.controller.queue;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.ServiceConfig;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Recent handling times per service (call to finish), learned from served tickets. Until a service has
 * samples its configured guess is used; the guess also counts as one sample so a single odd customer
 * does not swing the estimate.
 */
public final class HandlingTimes {

    private final int window;
    private final Map<String, Long> guess = new HashMap<>();
    private final Map<String, Deque<Long>> samples = new HashMap<>();
    private final Map<String, Long> sums = new HashMap<>();

    HandlingTimes(HallConfig config) {
        this.window = config.rules().estimateWindow();
        for (ServiceConfig s : config.services()) {
            guess.put(s.code(), s.handlingTime().toSeconds());
            samples.put(s.code(), new ArrayDeque<>());
            sums.put(s.code(), 0L);
        }
    }

    void record(String service, long seconds) {
        Deque<Long> q = samples.get(service);
        q.addLast(seconds);
        long sum = sums.get(service) + seconds;
        if (q.size() > window) {
            sum -= q.removeFirst();
        }
        sums.put(service, sum);
    }

    /** Mean handling time of a service in seconds. */
    public double meanSeconds(String service) {
        Deque<Long> q = samples.get(service);
        return (double) (sums.get(service) + guess.get(service)) / (q.size() + 1);
    }

    /**
     * Coefficient of variation of a service's handling times (standard deviation over mean) from the samples held;
     * {@code fallback} until there are at least 5.
     */
    public double cv(String service, double fallback) {
        Deque<Long> q = samples.get(service);
        if (q.size() < 5) {
            return fallback;
        }
        double mean = (double) sums.get(service) / q.size();
        double sq = 0;
        for (long v : q) {
            sq += (v - mean) * (v - mean);
        }
        return mean <= 0 ? fallback : Math.sqrt(sq / (q.size() - 1)) / mean;
    }

    /** The samples currently held for a service, oldest first (for snapshots). */
    public Deque<Long> samples(String service) {
        return samples.get(service);
    }
}
