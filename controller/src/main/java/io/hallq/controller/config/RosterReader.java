package io.hallq.controller.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the optional {@code roster} section: planned shifts per counter and the breaks counters take.
 * <pre>
 * roster:
 *   shifts:
 *     - { counter: 5, from: "09:00", to: "11:30" }
 *   breaks: { perShift: 1, length: 5m }
 * </pre>
 */
public final class RosterReader {

    private RosterReader() {}

    /**
     * The list of shifts {@code { counter, from, to }} at {@code list} (the roster's here, a scenario's in the
     * simulator), each ending after it starts, on a counter {@code counter} accepts; errors go to the file's
     * report and leave the shift out.
     */
    public static List<RosterConfig.Shift> shifts(ConfigNode list, ConfigScalar<Integer> counter) {
        List<RosterConfig.Shift> shifts = new ArrayList<>();
        for (ConfigNode item : list.list("shifts { counter, from, to }")) {
            ConfigNode s = item.requiredMapping("counter", "from", "to");
            var c = s.key("counter").required(counter);
            var from = s.key("from").required(ConfigScalar.TIME_OF_DAY);
            var to = s.key("to").required(ConfigScalar.TIME_OF_DAY);
            if (c.isPresent() && from.isPresent() && to.isPresent()) {
                if (!to.get().isAfter(from.get())) {
                    s.key("to").error("expected a time after from (" + from.get() + "), got " + to.get());
                } else {
                    shifts.add(new RosterConfig.Shift(c.get(), from.get(), to.get()));
                }
            }
        }
        return shifts;
    }

    public static RosterConfig read(ConfigNode root, List<CounterConfig> counters) {
        ConfigNode n = root.key("roster").mapping("shifts", "breaks");
        if (!n.isGiven()) {
            return RosterConfig.NONE;
        }
        List<Integer> numbers = counters.stream().map(CounterConfig::number).toList();
        ConfigScalar<Integer> counter = ConfigScalar.INTEGER.where(numbers::contains,
                "a counter number of this hall " + numbers);
        List<RosterConfig.Shift> shifts = shifts(n.key("shifts"), counter);
        ConfigNode b = n.key("breaks").mapping("perShift", "length");
        int perShift = b.key("perShift").get(ConfigScalar.integer(0, 20), 0);
        Duration length = b.key("length").get(ConfigScalar.DURATION.where(d -> !d.isNegative() && d.toHours() < 4,
                "a duration from 0 to 4h"), Duration.ZERO);
        return new RosterConfig(shifts, perShift, length);
    }
}
