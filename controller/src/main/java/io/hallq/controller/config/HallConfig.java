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
        services = List.copyOf(services);
        classes = List.copyOf(classes);
        counters = List.copyOf(counters);
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

    public Optional<ServiceConfig> service(String code) {
        return services.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<CustomerClassConfig> customerClass(String code) {
        return classes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<CounterConfig> counter(int number) {
        return counters.stream().filter(c -> c.number() == number).findFirst();
    }

    /** The class used for tickets taken without a phone number (walk-in / unknown). */
    public CustomerClassConfig defaultClass() {
        return classes.stream().filter(CustomerClassConfig::isDefault).findFirst().orElse(classes.get(classes.size() - 1));
    }

    /** True when at least one counter is in the VIP room. */
    public boolean hasVipRoom() {
        return counters.stream().anyMatch(CounterConfig::vipRoom);
    }
}
