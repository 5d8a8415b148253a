package io.hallq.emulator.sim;

import io.hallq.controller.config.AppointmentsConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.ServiceConfig;
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

    /** The scenario as written: with its bookings and remote tickets when it has any. */
    public static SimRun run(Scenario scenario, HallConfig hall, SelectionPolicy policy, long seed, int days) {
        return run(scenario, hall, policy, seed, days, scenario.appointments().any());
    }

    /**
     * @param appointments true: the hall takes bookings and remote tickets ({@link #withAppointments}) and the
     *                     scenario's customers who book or join remotely do so; false: the same customers all walk
     *                     in, in the hall as configured (which may take bookings: nobody makes one)
     */
    public static SimRun run(Scenario scenario, HallConfig hall, SelectionPolicy policy, long seed, int days,
                             boolean appointments) {
        HallConfig config = planned(withPolicy(hall, policy), scenario);
        if (appointments) {
            config = withAppointments(config, scenario);
        }
        QueueEngine engine = new QueueEngine(config);
        Recorder out = new Recorder(Recorder.prior(hall, scenario));
        for (DayPlan plan : plans(scenario, hall, seed, days)) {
            new DaySimulation(engine, appointments ? plan : plan.withoutAppointments(), out, appointments).run();
            out.endDay();
        }
        return out.result(policy);
    }

    /**
     * The hall taking the scenario's bookings and remote tickets: its own {@code appointments} rules when its file
     * switches them on (the scenario's services added to those it takes), else the defaults of
     * docs/appointments.md switched on for the scenario's services.
     */
    static HallConfig withAppointments(HallConfig c, Scenario scenario) {
        AppointmentsConfig a = c.appointments().enabled() ? c.appointments() : AppointmentsConfig.OFF;
        java.util.Set<String> wanted = new java.util.HashSet<>(a.services());
        wanted.addAll(scenario.appointments().bookingShare().keySet()); // listed, even at 0: the hall takes them
        wanted.addAll(scenario.appointments().remoteShare().keySet());
        List<String> services = c.services().stream().map(ServiceConfig::code).filter(wanted::contains).toList();
        boolean remote = a.remoteTickets() || !scenario.appointments().remoteShare().isEmpty();
        return c.withAppointments(new AppointmentsConfig(true, remote, services, a.share(), a.slotLength(),
                a.checkInBefore(), a.checkInAfter(), a.headStart(), a.remoteHoldLimit(), a.bookAheadDays(),
                a.maxPerPhonePerDay()));
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
