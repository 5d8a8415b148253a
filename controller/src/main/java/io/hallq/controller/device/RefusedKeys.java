package io.hallq.controller.device;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watches the keys of one keypad for a key that <em>keeps being refused</em>: {@link Limit#refusals} refusals of
 * the same key within {@link Limit#window}, with no accepted press of it in between. A person who presses call
 * next while nobody waits does that a few times; a key that goes on producing presses the hall refuses (a call
 * key stuck in a way that still bounces, a keypad wire that reads a key as pressed again and again) does it all
 * the time. The default, {@link #DEFAULT}, is 15 refusals in 15 s: more than one a second for 15 s, which the
 * emulator's scripted staff (a call key every 2 s while nobody waits) never reach.
 *
 * <p>The alarm is raised once per episode and cleared when the key is accepted again, or when a whole window
 * passes without a refusal of it. Refusals arrive on the {@code hall-replies} thread, quiet windows are noticed
 * by the device thread's scan: the state is guarded by this object, and the raise and clear callbacks run under
 * its lock, so a clear never overtakes the raise it follows (they only hand a command to the writer).
 */
final class RefusedKeys {

    /**
     * When a key counts as one that keeps being refused.
     *
     * @param refusals refusals within the window that raise the alarm, at least 2
     * @param window   how far back refusals count; a key with no refusal for this long clears its alarm
     */
    record Limit(int refusals, Duration window) {
        Limit {
            if (refusals < 2 || !window.isPositive()) {
                throw new IllegalArgumentException("a refused-key limit needs at least 2 refusals in a positive window");
            }
        }
    }

    /** 15 refusals of one key in 15 s. */
    static final Limit DEFAULT = new Limit(15, Duration.ofSeconds(15));

    private final Limit limit;
    private final Consumer<Character> raise;
    private final Consumer<Character> clear;
    private final Map<Character, ArrayDeque<Long>> refused = new HashMap<>();
    private final Set<Character> alarmed = new HashSet<>();

    RefusedKeys(Limit limit, Consumer<Character> raise, Consumer<Character> clear) {
        this.limit = limit;
        this.raise = raise;
        this.clear = clear;
    }

    /** {@code key}, pressed at {@code pressedMs} (the device loop's clock), was refused. */
    synchronized void refused(char key, long pressedMs) {
        ArrayDeque<Long> times = refused.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(pressedMs);
        long from = pressedMs - limit.window().toMillis();
        while (!times.isEmpty() && times.peekFirst() <= from) {
            times.removeFirst();
        }
        while (times.size() > limit.refusals()) {
            times.removeFirst(); // bounded, whatever the rate
        }
        if (times.size() >= limit.refusals() && alarmed.add(key)) {
            raise.accept(key);
        }
    }

    /** A press of {@code key} was accepted: it works, its count starts again and its alarm clears. */
    synchronized void accepted(char key) {
        refused.remove(key);
        if (alarmed.remove(key)) {
            clear.accept(key);
        }
    }

    /** The device loop's time: clears the alarm of every key not refused for a whole window. */
    synchronized void quiet(long nowMs) {
        if (alarmed.isEmpty()) {
            return;
        }
        long from = nowMs - limit.window().toMillis();
        alarmed.removeIf(key -> {
            ArrayDeque<Long> times = refused.get(key);
            if (times == null || times.isEmpty() || times.peekLast() <= from) {
                refused.remove(key);
                clear.accept(key);
                return true;
            }
            return false;
        });
    }

    synchronized boolean alarmed(char key) {
        return alarmed.contains(key);
    }
}
