package io.hallq.controller.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The staffing-to-target search (issue #16.3), shared by {@code ./hallq simulate --staff-to-target} (judged by the
 * emulator's full simulation of the scenario) and the manager page's roster advice (judged by
 * {@link ProfileSimulation} on the hall's own busy/idle profile).
 *
 * <p>Hour by hour, in order: start from Erlang C's count (clamped to the hour's minimum and the hall's counters);
 * while the judge says the hour meets its targets, take a counter away (down to the minimum); while it does not,
 * add one (up to every counter). Later hours are fully staffed while an hour is judged, earlier hours keep their
 * settled count. An hour that misses its targets with every counter is where the hall's counters are not enough.
 *
 * <p>Bounded in time: once {@code inTime} answers false, the hours not yet settled keep Erlang C's count and are
 * marked not judged.
 */
public final class StaffingSearch {

    /** Whether hour {@code index} meets every target with {@code counters[h]} counters open in each hour h. */
    @FunctionalInterface
    public interface Judge {
        boolean meets(int[] counters, int index);
    }

    /**
     * One hour of the search's answer.
     *
     * @param index       position of the hour in the arrays given
     * @param erlangStart Erlang C's count, clamped, where the search started
     * @param counters    the advised count
     * @param enough      false when even every counter misses a target
     * @param judged      false when time ran out before the hour was judged (counters = erlangStart)
     */
    public record Hour(int index, int erlangStart, int counters, boolean enough, boolean judged) {}

    private StaffingSearch() {}

    /**
     * @param erlangStart Erlang C's count per hour
     * @param minimum     the fewest counters per hour (e.g. those covering every service; 0 for an empty hour)
     * @param maximum     every counter the hall can open
     * @param judge       the judge of an hour's roster
     * @param inTime      asked before each judgement; false stops the search
     */
    public static List<Hour> search(int[] erlangStart, int[] minimum, int maximum, Judge judge, BooleanSupplier inTime) {
        int hours = erlangStart.length;
        if (minimum.length != hours) {
            throw new IllegalArgumentException("minimum: expected " + hours + " hours, got " + minimum.length);
        }
        int[] n = new int[hours];
        Arrays.fill(n, maximum);
        List<Hour> out = new ArrayList<>();
        boolean stopped = false;
        for (int i = 0; i < hours; i++) {
            int min = Math.min(minimum[i], maximum);
            int start = Math.clamp(erlangStart[i], min, maximum);
            if (stopped || !inTime.getAsBoolean()) {
                stopped = true;
                n[i] = start;
                out.add(new Hour(i, start, start, true, false));
                continue;
            }
            n[i] = start;
            boolean meets = judge.meets(n, i);
            if (meets) {
                while (n[i] > min && inTime.getAsBoolean()) {
                    n[i]--;
                    if (!judge.meets(n, i)) {
                        n[i]++;
                        break;
                    }
                }
            } else {
                while (!meets && n[i] < maximum && inTime.getAsBoolean()) {
                    n[i]++;
                    meets = judge.meets(n, i);
                }
            }
            // an hour cut short by time while still missing keeps the count reached, not judged; "not enough"
            // is only claimed when every counter was tried
            boolean judged = meets || n[i] == maximum;
            out.add(new Hour(i, start, n[i], meets || n[i] < maximum, judged));
            stopped = !inTime.getAsBoolean();
        }
        return out;
    }

    /** The whole search with no time bound. */
    public static List<Hour> search(int[] erlangStart, int[] minimum, int maximum, Judge judge) {
        return search(erlangStart, minimum, maximum, judge, () -> true);
    }
}
