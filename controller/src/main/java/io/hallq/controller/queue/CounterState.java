package io.hallq.controller.queue;

import io.hallq.controller.config.CounterConfig;
import io.hallq.protocol.event.HallEvent.CounterStatus;

/** A counter's live state. Mutated only by {@link QueueState}. */
public final class CounterState {

    private final CounterConfig config;
    private CounterStatus status;
    private String current;
    private String lastServed;

    CounterState(CounterConfig config) {
        this.config = config;
        this.status = config.openAtStart() ? CounterStatus.OPEN : CounterStatus.CLOSED;
    }

    public CounterConfig config() { return config; }
    public int number() { return config.number(); }
    public CounterStatus status() { return status; }
    /** The ticket called to this counter, or null when idle. */
    public String current() { return current; }

    /** The ticket this counter served last and nobody rated yet, or null. */
    public String lastServed() { return lastServed; }

    /** Open, not paused: it takes customers. */
    public boolean serving() { return status == CounterStatus.OPEN; }
    public boolean idle() { return status == CounterStatus.OPEN && current == null; }

    void status(CounterStatus value) { status = value; }
    void current(String ticket) { current = ticket; }
    void lastServed(String ticket) { lastServed = ticket; }

    void reset() {
        status = config.openAtStart() ? CounterStatus.OPEN : CounterStatus.CLOSED;
        current = null;
        lastServed = null;
    }
}
