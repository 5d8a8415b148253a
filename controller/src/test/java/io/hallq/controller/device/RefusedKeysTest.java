package io.hallq.controller.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a key counts as one that keeps being refused, and when that ends. */
class RefusedKeysTest {

    private final List<String> calls = new ArrayList<>();
    private final RefusedKeys keys = new RefusedKeys(new RefusedKeys.Limit(3, Duration.ofSeconds(10)),
            k -> calls.add("raise " + k), k -> calls.add("clear " + k));

    @Test
    void theLimitWithinTheWindowRaisesOnce() {
        keys.refused('1', 0);
        keys.refused('1', 4_000);
        assertEquals(List.of(), calls);
        keys.refused('1', 8_000);
        keys.refused('1', 8_500);
        keys.refused('1', 9_000);
        assertEquals(List.of("raise 1"), calls, "one alarm per episode");
    }

    @Test
    void refusalsSpreadWiderThanTheWindowNeverRaise() {
        for (long t = 0; t < 600_000; t += 5_000) { // one every 5 s: 2 in any 10 s window
            keys.refused('1', t);
        }
        assertEquals(List.of(), calls);
    }

    @Test
    void eachKeyIsCountedOnItsOwn() {
        keys.refused('1', 0);
        keys.refused('2', 1);
        keys.refused('1', 2);
        keys.refused('3', 3);
        assertEquals(List.of(), calls);
        keys.refused('1', 4);
        assertEquals(List.of("raise 1"), calls);
    }

    @Test
    void anAcceptedPressClearsAndStartsTheCountAgain() {
        keys.refused('1', 0);
        keys.refused('1', 1);
        keys.accepted('1');
        keys.refused('1', 2);
        assertEquals(List.of(), calls, "the count started again at the accepted press");
        keys.refused('1', 3);
        keys.refused('1', 4);
        keys.accepted('1');
        assertEquals(List.of("raise 1", "clear 1"), calls);
        keys.accepted('1');
        assertEquals(2, calls.size(), "nothing to clear twice");
    }

    @Test
    void aWholeWindowWithoutARefusalClears() {
        keys.refused('5', 0);
        keys.refused('5', 1);
        keys.refused('5', 2);
        keys.quiet(9_000);
        assertEquals(List.of("raise 5"), calls, "still inside the window of the last refusal");
        keys.quiet(10_002);
        assertEquals(List.of("raise 5", "clear 5"), calls);
        keys.refused('5', 10_003);
        keys.refused('5', 10_004);
        assertEquals(2, calls.size(), "a new episode counts from zero");
        keys.refused('5', 10_005);
        assertEquals(List.of("raise 5", "clear 5", "raise 5"), calls);
    }

    @Test
    void aLimitThatCannotWorkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RefusedKeys.Limit(1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RefusedKeys.Limit(3, Duration.ZERO));
    }
}
