package io.hallq.emulator.sim;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.RosterConfig;
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
        HallConfig config = planned(withPolicy(hall, policy), scenario);
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

    /**
     * The hall as its manager would configure it for the scenario: the scenario's shifts and breaks are the hall's
     * roster, so the engine's estimate knows them as a real hall's would (docs/configuration.md, roster).
     */
    static HallConfig planned(HallConfig c, Scenario scenario) {
        if (scenario.roster().isEmpty() && scenario.pausesPerShift() == 0) {
            return c;
        }
        List<RosterConfig.Shift> shifts = scenario.roster().stream()
                .map(s -> new RosterConfig.Shift(s.counter(), s.from(), s.to())).toList();
        return c.withRoster(new RosterConfig(shifts, scenario.pausesPerShift(), scenario.pauseLength()));
    }

    static HallConfig withPolicy(HallConfig c, SelectionPolicy policy) {
        return c.withRules(c.rules().withSelection(policy));
    }
}
