package io.hallq.controller.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * When counters are planned to work (排班): the wait estimate counts counters that will open or close while a
 * ticket waits, and the breaks they take. A counter with shifts works only in them; a counter without works the
 * opening hours when {@link CounterConfig#openAtStart()}, otherwise only when a manager opens it.
 *
 * @param shifts         planned shifts, in any order
 * @param breaksPerShift short breaks each counter takes per shift (at times nobody knows in advance)
 * @param breakLength    length of one break
 */
public record RosterConfig(List<Shift> shifts, int breaksPerShift, Duration breakLength) {

    /** No shifts and no breaks: the estimate knows only the counters open now. */
    public static final RosterConfig NONE = new RosterConfig(List.of(), 0, Duration.ZERO);

    public RosterConfig {
        shifts = List.copyOf(ConfigChecks.given(shifts, "RosterConfig", "shifts"));
        ConfigChecks.require(breaksPerShift >= 0, "RosterConfig",
                "breaksPerShift must be 0 or more, got " + breaksPerShift);
        ConfigChecks.notNegative(breakLength, "RosterConfig", "breakLength");
    }

    /** One planned shift of a counter, {@code from} (inclusive) to {@code to} (exclusive), local time. */
    public record Shift(int counter, LocalTime from, LocalTime to) {
        public Shift {
            ConfigChecks.given(from, "Shift of counter " + counter, "from");
            ConfigChecks.given(to, "Shift of counter " + counter, "to");
            ConfigChecks.require(from.isBefore(to), "Shift of counter " + counter,
                    "from must be before to, got " + from + ".." + to);
        }
    }

    /** The shifts of one counter, earliest first; empty when the counter has none. */
    public List<Shift> shiftsOf(int counter) {
        return shifts.stream().filter(s -> s.counter() == counter)
                .sorted(java.util.Comparator.comparing(Shift::from)).toList();
    }

    /** The roster with the shifts and breaks given (the simulator's scenario sets them). */
    public RosterConfig with(List<Shift> newShifts, int perShift, Duration length) {
        return new RosterConfig(newShifts, perShift, length);
    }
}
