package io.hallq.emulator.sim;

import io.hallq.controller.stats.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The figures of the policy comparison and the estimate-accuracy tables, per customer class and overall. */
public final class Summary {

    /** Waits of called tickets of one class (seconds). */
    public record Waits(String customerClass, int tickets, int called, double mean, double p50, double p90,
                        double max, double overTargetShare, double busyMean, double quietMean) {}

    /**
     * Absolute error of the printed estimate and of the queue-length oracle against the actual wait, over
     * called tickets that had an estimate (seconds).
     */
    public record Accuracy(String customerClass, int n, double engineMae, double engineP50, double engineP90,
                           double oracleMae, double oracleP50, double oracleP90, double engineBias,
                           double calledByEstimate) {}

    public static final String ALL = "ALL";

    private Summary() {}

    /** Classes in the order of first appearance in the hall's config, then ALL. */
    public static List<Waits> waits(List<TicketSample> samples, List<String> classes) {
        List<Waits> out = new ArrayList<>();
        for (String cls : withAll(classes)) {
            List<TicketSample> of = samples.stream().filter(byClass(cls)).toList();
            if (of.isEmpty()) {
                continue;
            }
            List<Long> w = of.stream().filter(TicketSample::called).map(TicketSample::waitSeconds).toList();
            long over = of.stream().filter(t -> t.called() && t.overTarget()).count();
            out.add(new Waits(cls, of.size(), w.size(), Percentiles.mean(w), Percentiles.nearestRank(w, 0.5),
                    Percentiles.nearestRank(w, 0.9), Percentiles.nearestRank(w, 1.0),
                    w.isEmpty() ? 0 : (double) over / w.size(),
                    Percentiles.mean(of.stream().filter(t -> t.called() && t.busy()).map(TicketSample::waitSeconds).toList()),
                    Percentiles.mean(of.stream().filter(t -> t.called() && !t.busy()).map(TicketSample::waitSeconds).toList())));
        }
        return out;
    }

    public static List<Accuracy> accuracy(List<TicketSample> samples, List<String> classes) {
        List<Accuracy> out = new ArrayList<>();
        for (String cls : withAll(classes)) {
            List<TicketSample> of = samples.stream().filter(byClass(cls))
                    .filter(t -> t.called() && t.estimateSeconds() >= 0 && t.oracleSeconds() >= 0).toList();
            if (of.isEmpty()) {
                continue;
            }
            List<Long> eng = of.stream().map(t -> Math.abs(t.estimateSeconds() - t.waitSeconds())).toList();
            List<Long> ora = of.stream().map(t -> Math.abs(t.oracleSeconds() - t.waitSeconds())).toList();
            double bias = Percentiles.mean(of.stream().map(t -> t.estimateSeconds() - t.waitSeconds()).toList());
            out.add(new Accuracy(cls, of.size(), Percentiles.mean(eng), Percentiles.nearestRank(eng, 0.5),
                    Percentiles.nearestRank(eng, 0.9), Percentiles.mean(ora), Percentiles.nearestRank(ora, 0.5),
                    Percentiles.nearestRank(ora, 0.9), bias,
                    of.stream().filter(t -> t.waitSeconds() <= t.estimateSeconds()).count() / (double) of.size()));
        }
        return out;
    }

    private static List<String> withAll(List<String> classes) {
        List<String> all = new ArrayList<>(classes);
        all.add(ALL);
        return all;
    }

    private static Predicate<TicketSample> byClass(String cls) {
        return t -> cls.equals(ALL) || cls.equals(t.customerClass());
    }

    /** Tickets per class, for the report's mix line. */
    public static Map<String, Long> mix(List<TicketSample> samples) {
        Map<String, Long> m = new LinkedHashMap<>();
        samples.forEach(t -> m.merge(t.customerClass(), 1L, Long::sum));
        return m;
    }
}
