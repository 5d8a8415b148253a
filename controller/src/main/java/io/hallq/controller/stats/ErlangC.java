package io.hallq.controller.stats;

/**
 * The M/M/c queue (Erlang C): the standard staffing model for call centres and service halls. It assumes
 * Poisson arrivals and one pooled queue; class priorities change who waits, not how many counters the total
 * load needs, so it sizes the hall while the selection rule shares the wait out.
 */
public final class ErlangC {

    private ErlangC() {}

    /** Probability that an arriving customer has to wait, with {@code c} counters and offered load {@code a} (Erlangs). */
    public static double probabilityOfWaiting(int c, double a) {
        if (c <= 0 || a >= c) {
            return 1.0;
        }
        double b = 1.0; // Erlang B by the stable recursion B(k) = a B(k-1) / (k + a B(k-1))
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        double rho = a / c;
        return b / (1 - rho + rho * b);
    }

    /** Probability that a customer waits longer than {@code targetSeconds}. */
    public static double probabilityOfWaitingLonger(int c, double arrivalsPerHour, double handlingSeconds,
                                                    double targetSeconds) {
        double a = arrivalsPerHour * handlingSeconds / 3600.0;
        if (a <= 0) {
            return 0;
        }
        if (a >= c) {
            return 1.0;
        }
        double mu = 1.0 / handlingSeconds;
        double lambda = arrivalsPerHour / 3600.0;
        return probabilityOfWaiting(c, a) * Math.exp(-(c * mu - lambda) * targetSeconds);
    }

    /** Mean wait in seconds, infinite when the counters cannot keep up. */
    public static double meanWaitSeconds(int c, double arrivalsPerHour, double handlingSeconds) {
        double a = arrivalsPerHour * handlingSeconds / 3600.0;
        if (a <= 0) {
            return 0;
        }
        if (a >= c) {
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWaiting(c, a) * handlingSeconds / (c - a);
    }

    /**
     * The fewest counters so that at least {@code serviceLevel} of customers wait no longer than the target; 0
     * when nobody arrives. Capped at 200 (a hall never has more).
     */
    public static int countersNeeded(double arrivalsPerHour, double handlingSeconds, double targetSeconds,
                                     double serviceLevel) {
        if (arrivalsPerHour <= 0 || handlingSeconds <= 0) {
            return 0;
        }
        for (int c = 1; c <= 200; c++) {
            if (1 - probabilityOfWaitingLonger(c, arrivalsPerHour, handlingSeconds, targetSeconds) >= serviceLevel) {
                return c;
            }
        }
        return 200;
    }
}
