package io.hallq.controller.stats;

import java.util.Collection;
import java.util.List;

/** Mean and nearest-rank percentiles, the definitions the statistics and the simulator report use. */
public final class Percentiles {

    private Percentiles() {}

    public static double mean(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Number v : values) {
            sum += v.doubleValue();
        }
        return sum / values.size();
    }

    /** The smallest value with at least {@code q} of the values at or below it; 0 for no values. */
    public static double nearestRank(Collection<? extends Number> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
