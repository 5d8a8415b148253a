package io.hallq.controller.queue;

/**
 * Mean residual time of a log-normal duration: E[S - x | S > x]. For a service already running for x seconds this
 * is what is left on average; it shrinks less than "mean - x" because long services tend to go on.
 */
final class Residual {

    /** Spread assumed until a service has enough samples (handling times in halls vary about this much). */
    static final double DEFAULT_CV = 0.5;

    private Residual() {}

    static double expected(double mean, double cv, double elapsed) {
        if (mean <= 0) {
            return 0;
        }
        if (cv <= 0.01) {
            return Math.max(0, mean - elapsed);
        }
        if (elapsed <= 0) {
            return mean;
        }
        double s2 = Math.log(1 + cv * cv);
        double s = Math.sqrt(s2);
        double mu = Math.log(mean) - s2 / 2;
        double lx = Math.log(elapsed);
        double tail = phi((mu - lx) / s);
        if (tail < 1e-9) {
            return mean / 4; // far past anything seen: assume a little more
        }
        double partial = mean * phi((mu + s2 - lx) / s);
        return Math.max(0, partial / tail - elapsed);
    }

    /** Standard normal distribution function (Abramowitz-Stegun 7.1.26, error below 1.5e-7). */
    static double phi(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x);
        return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
    }
}
