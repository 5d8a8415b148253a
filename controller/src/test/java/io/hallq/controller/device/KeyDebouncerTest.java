package io.hallq.controller.device;

import static io.hallq.controller.device.KeyDebouncer.Signal.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class KeyDebouncerTest {

    private static final InputTiming TIMING =
            new InputTiming(Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(2));

    private final KeyDebouncer key = new KeyDebouncer(TIMING, KeyDebouncer.Mode.FIRST_EDGE);

    @Test
    void press_countsOnTheFirstEdge_onceItHeldTheMinimumWidth() {
        assertEquals(NONE, key.sample(false, 0));
        assertEquals(NONE, key.sample(true, 10));
        assertEquals(NONE, key.sample(true, 12));
        assertEquals(PRESSED, key.sample(true, 10 + KeyDebouncer.MIN_PRESS_MS));
        assertEquals(NONE, key.sample(true, 40));
        assertEquals(NONE, key.sample(false, 100));
        assertEquals(RELEASED, key.sample(false, 100 + KeyDebouncer.MIN_PRESS_MS));
    }

    @Test
    void glitchShorterThanTheMinimumWidth_isNoPress() {
        key.sample(false, 0);
        assertEquals(NONE, key.sample(true, 10));
        assertEquals(NONE, key.sample(true, 12));
        assertEquals(NONE, key.sample(false, 13));
        for (int t = 14; t < 100; t++) {
            assertEquals(NONE, key.sample(false, t));
        }
    }

    @Test
    void bouncesAfterTheFirstEdge_areIgnoredForTheDebounceTime() {
        key.sample(false, 0);
        key.sample(true, 10);
        assertEquals(PRESSED, key.sample(true, 14));
        // the contact opens again for longer than the minimum width, but within 20 ms of the edge: a bounce
        for (int t = 15; t < 30; t++) {
            assertEquals(NONE, key.sample(t > 16 && t < 26 ? false : true, t));
        }
        assertEquals(NONE, key.sample(true, 31));
        assertEquals(NONE, key.sample(false, 200));
        assertEquals(RELEASED, key.sample(false, 204));
        assertEquals(NONE, key.sample(true, 206)); // release bounce
        assertEquals(NONE, key.sample(true, 212));
        assertEquals(NONE, key.sample(false, 216));
        assertEquals(NONE, key.sample(false, 300));
    }

    @Test
    void bounce_shorterThanTheDebounce_isOnePress() {
        key.sample(false, 0);
        int presses = 0;
        for (int t = 1; t < 15; t++) {
            presses += key.sample(t % 2 == 0, t) == PRESSED ? 1 : 0;
        }
        for (int t = 15; t < 60; t++) {
            presses += key.sample(true, t) == PRESSED ? 1 : 0;
        }
        assertEquals(1, presses);
    }

    @Test
    void pressesCloserThanTheInterval_areRateLimited() {
        key.sample(false, 0);
        key.sample(true, 1);
        assertEquals(PRESSED, key.sample(true, 5));
        key.sample(false, 100);
        key.sample(false, 120);
        key.sample(true, 500);
        assertEquals(RATE_LIMITED, key.sample(true, 504));
        key.sample(false, 600);
        key.sample(false, 620);
        key.sample(true, 2100);
        assertEquals(PRESSED, key.sample(true, 2104));
    }

    @Test
    void heldPastTheStuckTime_isStuck_untilReleased() {
        key.sample(false, 0);
        key.sample(true, 1);
        assertEquals(PRESSED, key.sample(true, 5));
        assertEquals(NONE, key.sample(true, 5004));
        assertEquals(STUCK, key.sample(true, 5005));
        assertEquals(NONE, key.sample(true, 9000));
        key.sample(false, 9001);
        assertEquals(UNSTUCK, key.sample(false, 9005));
    }

    @Test
    void heldAtStart_isNoPress_butBecomesStuck() {
        assertEquals(NONE, key.sample(true, 0));
        assertEquals(NONE, key.sample(true, 100));
        assertEquals(STUCK, key.sample(true, 5000));
    }

    @Test
    void settledMode_countsAPressOnceTheLevelHeldTheWholeDebounceTime() {
        KeyDebouncer settled = new KeyDebouncer(TIMING, KeyDebouncer.Mode.SETTLED);
        assertEquals(NONE, settled.sample(false, 0));
        assertEquals(NONE, settled.sample(true, 10));
        assertEquals(NONE, settled.sample(true, 29));
        assertEquals(PRESSED, settled.sample(true, 30));
        assertEquals(NONE, settled.sample(false, 100));
        assertEquals(RELEASED, settled.sample(false, 120));
    }

    @Test
    void theDefaultMode_isTheFirstEdge() {
        assertEquals(KeyDebouncer.Mode.FIRST_EDGE, new KeyDebouncer(TIMING).mode());
    }

    /** Samples every millisecond of a level pattern: runs of alternating levels, starting up (released). */
    private static List<KeyDebouncer.Signal> play(KeyDebouncer k, List<Integer> runs) {
        List<KeyDebouncer.Signal> out = new ArrayList<>();
        long t = 0;
        out.add(k.sample(false, t++));
        boolean down = true;
        for (int run : runs) {
            for (int i = 0; i < run; i++) {
                KeyDebouncer.Signal s = k.sample(down, t++);
                if (s != NONE) {
                    out.add(s);
                }
            }
            down = !down;
        }
        out.removeFirst();
        return out;
    }

    @Property
    void glitchesNarrowerThanTheMinimumWidth_neverPress(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 4) Integer> pulses,
            @ForAll @IntRange(min = 1, max = 40) int gap) {
        List<Integer> runs = new ArrayList<>();
        for (int p : pulses) {
            runs.add(p);   // down for p samples: less than MIN_PRESS_MS from its first to its last
            runs.add(gap); // back up
        }
        assertEquals(List.of(), play(new KeyDebouncer(TIMING, KeyDebouncer.Mode.FIRST_EDGE), runs));
    }

    @Property
    void aBouncingPress_isOnePressAndOneRelease(
            @ForAll @Size(max = 6) List<@IntRange(min = 1, max = 3) Integer> pressBounce,
            @ForAll @IntRange(min = 30, max = 300) int hold,
            @ForAll @Size(max = 6) List<@IntRange(min = 1, max = 3) Integer> releaseBounce) {
        List<Integer> runs = new ArrayList<>();
        // bounce runs alternate down/up starting down; an even count so the hold is down
        List<Integer> pb = new ArrayList<>(pressBounce);
        if (pb.size() % 2 == 1) {
            pb.removeLast();
        }
        runs.addAll(pb);
        runs.add(hold);
        List<Integer> rb = new ArrayList<>(releaseBounce);
        if (rb.size() % 2 == 1) {
            rb.removeLast();
        }
        runs.addAll(rb);
        runs.add(200); // up for good
        KeyDebouncer k = new KeyDebouncer(new InputTiming(Duration.ofMillis(20), Duration.ofSeconds(5),
                Duration.ZERO), KeyDebouncer.Mode.FIRST_EDGE);
        assertEquals(List.of(PRESSED, RELEASED), play(k, runs));
    }
}
