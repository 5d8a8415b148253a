package io.hallq.controller.device;

/**
 * One key's debouncing, stuck-key detection and rate limit, fed with level samples and their time. Pure
 * logic: the scan loop samples, tests feed samples. The first sample sets the level without a press, so a key
 * held while the controller starts does not issue a ticket.
 *
 * <p>Debouncing acts on the first edge (see docs/hardware.md, "Debounce"): a new level counts as soon as it has
 * held for {@link #MIN_PRESS_MS} (the minimum press width, which rejects electrical glitches and single noisy
 * samples), and from its first edge on, every change for the debounce time is taken as contact bounce and
 * ignored. So a press is seen about {@value #MIN_PRESS_MS} ms after the contact closes instead of a whole debounce
 * time later, and it is still counted once however much the contact bounces. The same rule applies to the
 * release.
 *
 * <p>The former rule (a level counts once it has held for the whole debounce time) stays available as
 * {@link Mode#SETTLED}, selected with the system property {@value #MODE_PROPERTY}{@code =settled}; it exists to
 * compare both in the same benchmark run (DeviceLatencyBenchmark).
 */
public final class KeyDebouncer {

    /** What a sample meant. */
    public enum Signal { NONE, PRESSED, RELEASED, RATE_LIMITED, STUCK, UNSTUCK }

    /** How a level change is accepted. */
    public enum Mode {
        /** On the first edge once it held {@link #MIN_PRESS_MS}; bounces within the debounce time ignored. */
        FIRST_EDGE,
        /** Once the level held for the whole debounce time (the rule before, for comparison). */
        SETTLED
    }

    /**
     * The minimum press width: a level must hold this long to count, whatever the mode. Two scan periods of the
     * device module (2 ms each): a glitch seen in one or two samples only is not a press, while a human press
     * (tens of milliseconds at the least) always passes.
     */
    public static final long MIN_PRESS_MS = 4;
    /** System property that selects the {@link Mode} ("first-edge", the default, or "settled"). */
    public static final String MODE_PROPERTY = "hallq.keys.debounce";

    private final Mode mode;
    private final long debounceMs;
    private final long minPressMs;
    private final long stuckMs;
    private final long intervalMs;
    private boolean started;
    private boolean raw;
    private long rawSince;
    private boolean stable;
    /** Changes before this time are bounces of the last accepted edge. */
    private long ignoreUntil = Long.MIN_VALUE / 2;
    private long pressedAt;
    private long lastAccepted = Long.MIN_VALUE / 2;
    private boolean stuck;

    public KeyDebouncer(InputTiming timing) {
        this(timing, modeFromProperty());
    }

    public KeyDebouncer(InputTiming timing, Mode mode) {
        this.mode = mode;
        this.debounceMs = timing.debounce().toMillis();
        this.minPressMs = Math.min(MIN_PRESS_MS, debounceMs);
        this.stuckMs = timing.stuckAfter().toMillis();
        this.intervalMs = timing.pressInterval().toMillis();
    }

    private static Mode modeFromProperty() {
        String v = System.getProperty(MODE_PROPERTY, "first-edge");
        return switch (v) {
            case "settled" -> Mode.SETTLED;
            case "first-edge" -> Mode.FIRST_EDGE;
            default -> throw new IllegalArgumentException(
                    "system property " + MODE_PROPERTY + ": expected first-edge or settled, got " + v);
        };
    }

    public Mode mode() {
        return mode;
    }

    /** @param down the key is down now (the pin is low) */
    public Signal sample(boolean down, long nowMs) {
        if (!started) {
            started = true;
            raw = stable = down;
            rawSince = pressedAt = nowMs;
            return Signal.NONE;
        }
        if (down != raw) {
            raw = down;
            rawSince = nowMs;
        }
        if (raw != stable && accepts(nowMs)) {
            stable = raw;
            ignoreUntil = firstEdge(nowMs) + debounceMs;
            return stable ? pressed(nowMs) : released();
        }
        if (stable && !stuck && nowMs - pressedAt >= stuckMs) {
            stuck = true;
            return Signal.STUCK;
        }
        return Signal.NONE;
    }

    private boolean accepts(long nowMs) {
        return switch (mode) {
            case SETTLED -> nowMs - rawSince >= debounceMs;
            case FIRST_EDGE -> nowMs >= ignoreUntil && nowMs - rawSince >= minPressMs;
        };
    }

    /** Where the bounce window of the change accepted now starts: its edge (first edge mode) or now. */
    private long firstEdge(long nowMs) {
        return mode == Mode.FIRST_EDGE ? rawSince : nowMs;
    }

    private Signal pressed(long nowMs) {
        pressedAt = nowMs;
        if (nowMs - lastAccepted < intervalMs) {
            return Signal.RATE_LIMITED;
        }
        lastAccepted = nowMs;
        return Signal.PRESSED;
    }

    private Signal released() {
        if (stuck) {
            stuck = false;
            return Signal.UNSTUCK;
        }
        return Signal.RELEASED;
    }

    public boolean stuck() {
        return stuck;
    }
}
