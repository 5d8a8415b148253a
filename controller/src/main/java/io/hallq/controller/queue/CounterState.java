package io.hallq.controller.queue;

import io.hallq.controller.config.CounterConfig;
import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.protocol.event.HallEvent.CounterStatus;
import java.util.List;

/** A counter's live state. Mutated only by {@link QueueState}. */
public final class CounterState {

    private final CounterConfig config;
    private CounterStatus status;
    private String current;
    private List<ProfileEntry> profile;
    private String lastServed;
    private java.time.Instant changedAt;

    CounterState(CounterConfig config) {
        this.config = config;
        this.status = config.openAtStart() ? CounterStatus.OPEN : CounterStatus.CLOSED;
        this.profile = config.profile();
    }

    public CounterConfig config() { return config; }
    public int number() { return config.number(); }
    public CounterStatus status() { return status; }
    /** The ticket called to this counter, or null when idle. */
    public String current() { return current; }

    /** The effective priority profile: the configured one unless a manager changed it today. */
    public List<ProfileEntry> profile() { return profile; }
    /** The ticket this counter served last and nobody rated yet, or null. */
    public String lastServed() { return lastServed; }

    /** Open, not paused: it takes customers. */
    /** When the counter last opened, paused, resumed or closed today; null when not known (start of day, snapshot). */
    public java.time.Instant changedAt() { return changedAt; }

    public boolean serving() { return status == CounterStatus.OPEN; }
    public boolean idle() { return status == CounterStatus.OPEN && current == null; }

    void status(CounterStatus value) { status = value; }
    void current(String ticket) { current = ticket; }
    void profile(List<ProfileEntry> value) { profile = List.copyOf(value); }
    void lastServed(String ticket) { lastServed = ticket; }
    void changedAt(java.time.Instant at) { changedAt = at; }

    void reset() {
        status = config.openAtStart() ? CounterStatus.OPEN : CounterStatus.CLOSED;
        current = null;
        profile = config.profile();
        lastServed = null;
        changedAt = null;
    }
}
