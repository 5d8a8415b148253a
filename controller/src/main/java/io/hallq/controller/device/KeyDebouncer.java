package io.hallq.controller.device;

/**
 * One key's debouncing, stuck-key detection and rate limit, fed with level samples and their time. Pure
 * logic: the scan loop samples, tests feed samples. The first sample sets the level without a press, so a key
 * held while the controller starts does not issue a ticket.
 */
public final class KeyDebouncer {

    /** What a sample meant. */
    public enum Signal { NONE, PRESSED, RELEASED, RATE_LIMITED, STUCK, UNSTUCK }

    private final long debounceMs;
    private final long stuckMs;
    private final long intervalMs;
    private boolean started;
    private boolean raw;
    private long rawSince;
    private boolean stable;
    private long pressedAt;
    private long lastAccepted = Long.MIN_VALUE / 2;
    private boolean stuck;

    public KeyDebouncer(InputTiming timing) {
        this.debounceMs = timing.debounce().toMillis();
        this.stuckMs = timing.stuckAfter().toMillis();
        this.intervalMs = timing.pressInterval().toMillis();
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
        if (raw != stable && nowMs - rawSince >= debounceMs) {
            stable = raw;
            return stable ? pressed(nowMs) : released();
        }
        if (stable && !stuck && nowMs - pressedAt >= stuckMs) {
            stuck = true;
            return Signal.STUCK;
        }
        return Signal.NONE;
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
