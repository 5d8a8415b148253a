package io.hallq.emulator.sim;

import io.hallq.emulator.sim.Summary.Accuracy;
import io.hallq.emulator.sim.Summary.Waits;
import java.util.List;
import java.util.Locale;

/** The summary tables as Markdown, for the console and docs/simulation.md. */
public final class Tables {

    private Tables() {}

    public static String policyTable(List<SimRun> runs, List<String> classes) {
        StringBuilder sb = new StringBuilder("| policy | class | tickets | mean wait (min) | p90 (min) | max (min) | over target |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
        for (SimRun r : runs) {
            for (Waits w : Summary.waits(r.samples(), classes)) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f%% |%n", r.policy(),
                        w.customerClass(), w.tickets(), w.mean() / 60, w.p90() / 60, w.max() / 60,
                        100 * w.overTargetShare()));
            }
        }
        return sb.toString();
    }

    public static String accuracyTable(SimRun run, List<String> classes) {
        StringBuilder sb = new StringBuilder("| class | tickets | estimate MAE (min) | p50 | p90 | mean bias | "
                + "called by the printed time | queue-length MAE (min) | p50 | p90 |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Accuracy a : Summary.accuracy(run.samples(), classes)) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %+.2f | %.0f%% | %.2f | %.2f | %.2f |%n",
                    a.customerClass(), a.n(), a.engineMae() / 60, a.engineP50() / 60, a.engineP90() / 60,
                    a.engineBias() / 60, 100 * a.calledByEstimate(), a.oracleMae() / 60, a.oracleP50() / 60, a.oracleP90() / 60));
        }
        return sb.toString();
    }
}
