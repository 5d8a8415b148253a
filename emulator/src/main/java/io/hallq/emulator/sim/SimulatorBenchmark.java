package io.hallq.emulator.sim;

import io.hallq.controller.config.QueueRules.SelectionPolicy;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark harness (not a test): simulated days per second for a scenario, beside a baseline measured in the
 * same run: drawing the same days' traffic (customers, shifts, breaks) without running the engine. The ratio says
 * what the engine and the staff model cost on top of generating the day.
 * {@code java -cp emulator/target/hallq-emulator.jar io.hallq.emulator.sim.SimulatorBenchmark [scenario] [days]}
 */
public final class SimulatorBenchmark {

    private SimulatorBenchmark() {}

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "scenarios/weekday.yaml");
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        ScenarioReader.Loaded l = ScenarioReader.load(file);
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) { // let the JIT compile both paths before measuring
            sink += Simulator.plans(l.scenario(), l.hall(), 100 + warm, days).size();
            sink += Simulator.run(l.scenario(), l.hall(), SelectionPolicy.AGEING, 100 + warm, days).events().size();
        }
        double base = best(() -> Simulator.plans(l.scenario(), l.hall(), 1, days).stream()
                .mapToLong(p -> p.customers().size()).sum());
        double full = best(() -> Simulator.run(l.scenario(), l.hall(), SelectionPolicy.AGEING, 1, days).events().size());
        long events = Simulator.run(l.scenario(), l.hall(), SelectionPolicy.AGEING, 1, days).events().size();
        System.out.printf(Locale.ROOT, "scenario %s, %d days, %d engine events (checksum %d)%n", l.scenario().name(),
                days, events, sink % 1000);
        System.out.printf(Locale.ROOT, "baseline (draw traffic only): %10.0f days/s%n", days / base);
        System.out.printf(Locale.ROOT, "simulation (engine + staff):  %10.0f days/s, %.0f events/s%n", days / full,
                events / full);
        System.out.printf(Locale.ROOT, "simulation / baseline time:   %10.1f x%n", full / base);
    }

    /** Best of five runs, in seconds: the least disturbed by other work on a shared machine. */
    private static double best(java.util.function.LongSupplier work) {
        double best = Double.MAX_VALUE;
        long sink = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            sink += work.getAsLong();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return best;
    }
}
