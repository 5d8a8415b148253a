package io.hallq.controller.stats;

import io.hallq.protocol.stats.BusyIdleProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The judge of the manager page's staffing search: a day of the hall's own busy/idle profile played forward with a
 * given number of open counters per hour.
 *
 * <p>Customers arrive as a Poisson stream at each hour's mean rate of the profile and each takes an exponential
 * handling time with the mean the profile holds for the hour they arrive in; one queue, first come first served
 * (the profile has no classes or services: it is the whole hall). At an hour's start the counters of the hour are
 * open; a counter that finishes when more are serving than the hour allows does not take the next customer. After
 * closing, the last hour's counters serve everyone still in the hall. The same customers ({@code days} replicated
 * days, drawn once from a fixed seed) are played for every roster, so two rosters differ only by the counters.
 *
 * <p>An hour meets its target when the {@code percentile} of the waits of the customers who arrived in it is at
 * most the hour's target.
 */
public final class ProfileSimulation implements StaffingSearch.Judge {

    private final int open;
    private final long[] targets;
    /** Per replicated day: arrival second since opening, sorted, and handling seconds. */
    private final List<double[]> arrivals = new ArrayList<>();
    private final List<double[]> handling = new ArrayList<>();
    private final double percentile;

    /**
     * @param open        the first hour (local), index 0 of the arrays
     * @param perHour     mean arrivals per hour, per hour from {@code open}
     * @param meanSeconds mean handling seconds per hour (0 where nobody arrived)
     * @param targets     wait target in seconds per hour
     * @param percentile  share of customers that must wait no longer than the target, e.g. 0.9
     * @param days        replicated days
     * @param seed        seed of the customers
     */
    public ProfileSimulation(int open, double[] perHour, double[] meanSeconds, long[] targets, double percentile,
                             int days, long seed) {
        if (perHour.length != meanSeconds.length || perHour.length != targets.length) {
            throw new IllegalArgumentException("perHour, meanSeconds and targets must have one value per hour");
        }
        this.open = open;
        this.targets = targets.clone();
        this.percentile = percentile;
        double overall = overallMean(perHour, meanSeconds);
        SplittableRandom random = new SplittableRandom(seed);
        for (int d = 0; d < days; d++) {
            List<double[]> day = new ArrayList<>();
            for (int h = 0; h < perHour.length; h++) {
                if (perHour[h] <= 0) {
                    continue;
                }
                double mean = meanSeconds[h] > 0 ? meanSeconds[h] : overall;
                double t = h * 3600.0;
                while (true) {
                    t += -Math.log(1 - random.nextDouble()) * 3600.0 / perHour[h];
                    if (t >= (h + 1) * 3600.0) {
                        break;
                    }
                    day.add(new double[] {t, -Math.log(1 - random.nextDouble()) * mean});
                }
            }
            arrivals.add(day.stream().mapToDouble(a -> a[0]).toArray());
            handling.add(day.stream().mapToDouble(a -> a[1]).toArray());
        }
    }

    /** A judge over the profile's slots of one weekday, hours {@code open..open+targets.length-1}. */
    public static ProfileSimulation of(BusyIdleProfile profile, java.time.DayOfWeek day, int open, long[] targets,
                                       double percentile, int days, long seed) {
        double[] perHour = new double[targets.length];
        double[] mean = new double[targets.length];
        for (BusyIdleProfile.Slot s : profile.slots()) {
            int i = s.hour() - open;
            if (s.weekday() == day && i >= 0 && i < targets.length) {
                perHour[i] = s.arrivalsPerHour();
                mean[i] = s.meanHandlingSeconds();
            }
        }
        return new ProfileSimulation(open, perHour, mean, targets, percentile, days, seed);
    }

    private static double overallMean(double[] perHour, double[] meanSeconds) {
        double w = 0;
        double sum = 0;
        for (int h = 0; h < perHour.length; h++) {
            if (meanSeconds[h] > 0) {
                w += perHour[h];
                sum += perHour[h] * meanSeconds[h];
            }
        }
        return w > 0 ? sum / w : 300;
    }

    @Override
    public boolean meets(int[] counters, int index) {
        List<Double> waits = new ArrayList<>();
        for (int d = 0; d < arrivals.size(); d++) {
            waitsOf(arrivals.get(d), handling.get(d), counters, index, waits);
        }
        return waits.isEmpty() || Percentiles.nearestRank(waits, percentile) <= targets[index];
    }

    /** Plays one day; adds the waits of customers who arrived in hour {@code index}. */
    private static void waitsOf(double[] at, double[] take, int[] counters, int index, List<Double> out) {
        int hours = counters.length;
        int max = Math.max(1, Arrays.stream(counters).max().orElse(0));
        // when each counter is free next; counters open in order, so the first counters[h] are open in hour h
        double[] free = new double[max];
        for (int k = 0; k < at.length; k++) {
            double t = at[k];
            int h = Math.min((int) (t / 3600), hours - 1);
            double start = Double.POSITIVE_INFINITY;
            int chosen = -1;
            while (true) {
                for (int c = 0; c < counters[h]; c++) {
                    double s = Math.max(free[c], t);
                    if (s < start) {
                        start = s;
                        chosen = c;
                    }
                }
                // served in this hour, or after closing by the last hour's counters
                if (chosen >= 0 && (start < (h + 1) * 3600.0 || h == hours - 1)) {
                    break;
                }
                if (h == hours - 1) {
                    break; // nobody open at the end: never served
                }
                h++;
                t = h * 3600.0;
                start = Double.POSITIVE_INFINITY;
                chosen = -1;
            }
            double wait = chosen < 0 ? Double.POSITIVE_INFINITY : start - at[k];
            if (chosen >= 0) {
                free[chosen] = start + take[k];
            }
            if ((int) (at[k] / 3600) == index) {
                out.add(wait);
            }
        }
    }
}
