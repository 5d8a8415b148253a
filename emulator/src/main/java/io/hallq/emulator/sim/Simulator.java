package io.hallq.emulator.sim;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.QueueRules.SelectionPolicy;
import io.hallq.controller.queue.QueueEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario against the real queue engine on a virtual clock. Deterministic: the same scenario, seed and
 * policy give the same events. Each day's randomness comes from its own seed (seed and day index), drawn before
 * the day runs, so every policy meets the same customers and the same staff breaks.
 */
public final class Simulator {

    private Simulator() {}

    public static SimRun run(Scenario scenario, HallConfig hall, SelectionPolicy policy, long seed, int days) {
        HallConfig config = withPolicy(hall, policy);
        QueueEngine engine = new QueueEngine(config);
        Recorder out = new Recorder(Recorder.prior(hall, scenario));
        for (DayPlan plan : plans(scenario, hall, seed, days)) {
            new DaySimulation(engine, plan, out).run();
            out.endDay();
        }
        return out.result(policy);
    }

    /** The days' plans; the benchmark uses them alone as its baseline (drawing the traffic without the engine). */
    public static List<DayPlan> plans(Scenario scenario, HallConfig hall, long seed, int days) {
        List<DayPlan> plans = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = scenario.startDate().plusDays(d);
            plans.add(DayPlan.draw(scenario, hall, date, seed * 1_000_003L + d));
        }
        return plans;
    }

    static HallConfig withPolicy(HallConfig c, SelectionPolicy policy) {
        return new HallConfig(c.hall(), c.hours(), c.services(), c.classes(), c.counters(), c.alarms(),
                c.rules().withSelection(policy), c.journal());
    }
}
