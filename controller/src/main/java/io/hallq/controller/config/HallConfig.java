package io.hallq.controller.config;

import java.util.List;
import java.util.Optional;

/**
 * One hall's configuration, read once from its YAML file and validated eagerly by {@link HallConfigLoader}.
 * Every list is immutable and every cross-reference (a counter's profile naming a service or class) has been
 * checked, so code holding a {@code HallConfig} never needs to re-validate.
 */
public record HallConfig(
        HallInfo hall,
        BusinessHours hours,
        List<ServiceConfig> services,
        List<CustomerClassConfig> classes,
        List<CounterConfig> counters,
        AlarmConfig alarms,
        QueueRules rules,
        JournalConfig journal,
        RosterConfig roster,
        AppointmentsConfig appointments) {

    public HallConfig {
        ConfigChecks.given(hall, "HallConfig", "hall");
        ConfigChecks.given(hours, "HallConfig " + hall.id(), "hours");
        services = List.copyOf(ConfigChecks.given(services, "HallConfig " + hall.id(), "services"));
        classes = List.copyOf(ConfigChecks.given(classes, "HallConfig " + hall.id(), "classes"));
        counters = List.copyOf(ConfigChecks.given(counters, "HallConfig " + hall.id(), "counters"));
        ConfigChecks.given(alarms, "HallConfig " + hall.id(), "alarms");
        ConfigChecks.given(rules, "HallConfig " + hall.id(), "rules");
        ConfigChecks.given(journal, "HallConfig " + hall.id(), "journal");
        roster = roster == null ? RosterConfig.NONE : roster;
        appointments = appointments == null ? AppointmentsConfig.OFF : appointments;
    }

    /** A hall without appointments ({@link AppointmentsConfig#OFF}). */
    public HallConfig(HallInfo hall, BusinessHours hours, List<ServiceConfig> services,
                      List<CustomerClassConfig> classes, List<CounterConfig> counters, AlarmConfig alarms,
                      QueueRules rules, JournalConfig journal, RosterConfig roster) {
        this(hall, hours, services, classes, counters, alarms, rules, journal, roster, AppointmentsConfig.OFF);
    }

    /** A hall without a planned roster ({@link RosterConfig#NONE}). */
    public HallConfig(HallInfo hall, BusinessHours hours, List<ServiceConfig> services,
                      List<CustomerClassConfig> classes, List<CounterConfig> counters, AlarmConfig alarms,
                      QueueRules rules, JournalConfig journal) {
        this(hall, hours, services, classes, counters, alarms, rules, journal, RosterConfig.NONE,
                AppointmentsConfig.OFF);
    }

    /** This hall with another roster (the simulator plans its scenario's shifts and breaks this way). */
    public HallConfig withRoster(RosterConfig newRoster) {
        return new HallConfig(hall, hours, services, classes, counters, alarms, rules, journal, newRoster,
                appointments);
    }

    /** This hall with another selection policy. */
    public HallConfig withRules(QueueRules newRules) {
        return new HallConfig(hall, hours, services, classes, counters, alarms, newRules, journal, roster,
                appointments);
    }

    /** This hall with other appointment rules (tests, the simulator's scenarios). */
    public HallConfig withAppointments(AppointmentsConfig newAppointments) {
        return new HallConfig(hall, hours, services, classes, counters, alarms, rules, journal, roster,
                newAppointments);
    }

    // The lookups below are loops, not streams: the engine, the alarms and the forecast call them per ticket
    // (1,000 waiting tickets on every tick late in a busy day), and a stream pipeline per call was a fifth of a
    // hall's allocation in the 200-hall benchmark (docs/benchmarks.md, "Sixth session").

    public Optional<ServiceConfig> service(String code) {
        for (ServiceConfig s : services) {
            if (s.code().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public Optional<CustomerClassConfig> customerClass(String code) {
        for (CustomerClassConfig c : classes) {
            if (c.code().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public Optional<CounterConfig> counter(int number) {
        for (CounterConfig c : counters) {
            if (c.number() == number) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The class used for tickets taken without a phone number (walk-in / unknown). */
    public CustomerClassConfig defaultClass() {
        for (CustomerClassConfig c : classes) {
            if (c.isDefault()) {
                return c;
            }
        }
        return classes.get(classes.size() - 1);
    }

    /** True when at least one counter is in the VIP room. */
    public boolean hasVipRoom() {
        return counters.stream().anyMatch(CounterConfig::vipRoom);
    }
}
