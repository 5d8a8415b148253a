package io.hallq.emulator.devices;

import java.util.function.Supplier;

/**
 * One Pi GPIO line of the virtual board. As an input it has its pull-up on (the board's contract): it reads
 * high unless something pulls it low (a button to ground, a keypad column through a pressed key, an
 * expander's open-drain INT line). As an output it holds what the controller set.
 */
public final class VirtualLine {

    private final int bcm;
    private final Runnable changed;
    private volatile boolean output;
    private volatile boolean outputHigh;
    private volatile boolean grounded;
    private volatile Supplier<Boolean> wired;
    private volatile long lastRead;

    VirtualLine(int bcm, Runnable changed) {
        this.bcm = bcm;
        this.changed = changed;
    }

    public int bcm() {
        return bcm;
    }

    void asOutput() {
        output = true;
    }

    /** The controller reads the input. */
    boolean read() {
        lastRead = System.nanoTime();
        return high();
    }

    /** The controller sets the output. */
    void set(boolean high) {
        boolean was = outputHigh;
        outputHigh = high;
        if (was != high) {
            changed.run();
        }
    }

    /** The level on the line now. */
    public boolean high() {
        if (output) {
            return outputHigh;
        }
        if (grounded) {
            return false;
        }
        Supplier<Boolean> w = wired;
        Boolean level = w == null ? null : w.get();
        return level == null || level; // undriven: the pull-up
    }

    /** A contact to ground closed (a button held) or open. */
    public void ground(boolean closed) {
        grounded = closed;
        changed.run();
    }

    /** Makes the line follow {@code level} (null: undriven, the pull-up holds it high). */
    void wire(Supplier<Boolean> level) {
        wired = level;
    }

    /** When the controller last read this input (System.nanoTime), 0 when never. */
    public long lastRead() {
        return lastRead;
    }
}
