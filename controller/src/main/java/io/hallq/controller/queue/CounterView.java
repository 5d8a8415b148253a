package io.hallq.controller.queue;

import io.hallq.controller.config.CounterConfig;
import io.hallq.controller.config.CounterConfig.ProfileEntry;
import io.hallq.protocol.event.HallEvent.CounterStatus;
import java.time.Instant;
import java.util.List;

/**
 * An immutable copy of a counter's state, as it was when a query read it on the writer thread; {@link CounterState}
 * itself never leaves the writer ({@link QueueView}).
 *
 * @param current    the ticket called to it, or null when idle
 * @param profile    the effective priority profile: the configured one unless a manager changed it today
 * @param lastServed the ticket it served last and nobody rated yet, or null
 * @param changedAt  when it last opened, paused, resumed or closed today; null when not known
 */
public record CounterView(CounterConfig config, CounterStatus status, String current, List<ProfileEntry> profile,
                          String lastServed, Instant changedAt) {

    public CounterView {
        profile = List.copyOf(profile);
    }

    static CounterView of(CounterState c) {
        return new CounterView(c.config(), c.status(), c.current(), c.profile(), c.lastServed(), c.changedAt());
    }

    public int number() { return config.number(); }

    /** Open, not paused: it takes customers. */
    public boolean serving() { return status == CounterStatus.OPEN; }

    public boolean idle() { return status == CounterStatus.OPEN && current == null; }
}
