package io.hallq.controller.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Test data: a {@link HallConfig} built by naming its parts instead of passing nine of them in order. Start from a
 * hall ({@link #from}) and change what the test is about, or start empty ({@link #builder}) and give every part
 * but the roster and appointments (none by default). {@link #build} runs the records' own checks, so a test cannot build a hall
 * the loader would refuse.
 *
 * <pre>{@code
 * HallConfig c = HallConfigBuilder.from(TestHalls.small()).journalIn(dir).build();
 * }</pre>
 */
public final class HallConfigBuilder {

    private HallInfo hall;
    private BusinessHours hours;
    private List<ServiceConfig> services;
    private List<CustomerClassConfig> classes;
    private List<CounterConfig> counters;
    private AlarmConfig alarms;
    private QueueRules rules;
    private JournalConfig journal;
    private RosterConfig roster = RosterConfig.NONE;
    private AppointmentsConfig appointments = AppointmentsConfig.OFF;

    private HallConfigBuilder() {}

    /** Nothing given yet: every part but the roster must be set before {@link #build}. */
    public static HallConfigBuilder builder() {
        return new HallConfigBuilder();
    }

    /** Every part of {@code c}, roster included. */
    public static HallConfigBuilder from(HallConfig c) {
        HallConfigBuilder b = new HallConfigBuilder();
        b.hall = c.hall();
        b.hours = c.hours();
        b.services = c.services();
        b.classes = c.classes();
        b.counters = c.counters();
        b.alarms = c.alarms();
        b.rules = c.rules();
        b.journal = c.journal();
        b.roster = c.roster();
        b.appointments = c.appointments();
        return b;
    }

    public HallConfigBuilder hall(HallInfo value) {
        this.hall = value;
        return this;
    }

    /** The hall's identity with this id and names, keeping its zone. */
    public HallConfigBuilder hall(String id, String nameZh, String nameEn) {
        this.hall = new HallInfo(id, nameZh, nameEn, Objects.requireNonNull(hall, "hall").zone());
        return this;
    }

    public HallConfigBuilder hours(BusinessHours value) {
        this.hours = value;
        return this;
    }

    public HallConfigBuilder services(List<ServiceConfig> value) {
        this.services = value;
        return this;
    }

    public HallConfigBuilder classes(List<CustomerClassConfig> value) {
        this.classes = value;
        return this;
    }

    public HallConfigBuilder counters(List<CounterConfig> value) {
        this.counters = value;
        return this;
    }

    public HallConfigBuilder alarms(AlarmConfig value) {
        this.alarms = value;
        return this;
    }

    public HallConfigBuilder rules(QueueRules value) {
        this.rules = value;
        return this;
    }

    public HallConfigBuilder journal(JournalConfig value) {
        this.journal = value;
        return this;
    }

    /** The journal in {@code dir}, keeping 60 days and writing a snapshot every 2,000 events (the loader's defaults). */
    public HallConfigBuilder journalIn(Path dir) {
        return journalIn(dir, 60, 2000);
    }

    /** The journal in {@code dir}, keeping {@code retentionDays} and writing a snapshot every {@code snapshotEvery}. */
    public HallConfigBuilder journalIn(Path dir, int retentionDays, int snapshotEvery) {
        this.journal = new JournalConfig(dir.toString(), retentionDays, snapshotEvery);
        return this;
    }

    public HallConfigBuilder roster(RosterConfig value) {
        this.roster = value;
        return this;
    }

    public HallConfigBuilder appointments(AppointmentsConfig value) {
        this.appointments = value;
        return this;
    }

    public HallConfig build() {
        return new HallConfig(hall, hours, services, classes, counters, alarms, rules, journal, roster,
                appointments);
    }
}
