package io.hallq.controller.device;

import static io.hallq.controller.device.KeyDebouncer.Signal.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyDebouncerTest {

    private final KeyDebouncer key = new KeyDebouncer(
            new InputTiming(Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(2)));

    @Test
    void press_countsOnceTheLevelHeldForTheDebounceTime() {
        assertEquals(NONE, key.sample(false, 0));
        assertEquals(NONE, key.sample(true, 10));
        assertEquals(NONE, key.sample(true, 29));
        assertEquals(PRESSED, key.sample(true, 30));
        assertEquals(NONE, key.sample(true, 40));
        assertEquals(NONE, key.sample(false, 100));
        assertEquals(RELEASED, key.sample(false, 120));
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
        assertEquals(PRESSED, key.sample(true, 21));
        key.sample(false, 100);
        key.sample(false, 120);
        key.sample(true, 500);
        assertEquals(RATE_LIMITED, key.sample(true, 520));
        key.sample(false, 600);
        key.sample(false, 620);
        key.sample(true, 2100);
        assertEquals(PRESSED, key.sample(true, 2120));
    }

    @Test
    void heldPastTheStuckTime_isStuck_untilReleased() {
        key.sample(false, 0);
        key.sample(true, 1);
        assertEquals(PRESSED, key.sample(true, 21));
        assertEquals(NONE, key.sample(true, 5020));
        assertEquals(STUCK, key.sample(true, 5021));
        assertEquals(NONE, key.sample(true, 9000));
        key.sample(false, 9001);
        assertEquals(UNSTUCK, key.sample(false, 9021));
    }

    @Test
    void heldAtStart_isNoPress_butBecomesStuck() {
        assertEquals(NONE, key.sample(true, 0));
        assertEquals(NONE, key.sample(true, 100));
        assertEquals(STUCK, key.sample(true, 5000));
    }
}
