package io.hallq.controller.device;

import io.hallq.display.led.Max7219;
import java.util.Arrays;

/**
 * MAX7219 chips cascaded on one SPI chip select; chip 0 is the one wired to the Pi. Keeps what each chip's
 * registers hold, so writing one chip's register sends one frame with no-op words for the other chips, and
 * only when the value changes: a call shown on one counter display of a chain of five is the digits that
 * changed, not a repaint of the chain.
 */
public final class Max7219Chain {

    private static final int UNKNOWN = -1;

    private final SpiBus bus;
    private final int chips;
    /** [chip][register]: what the chip holds, or UNKNOWN. */
    private final int[][] shadow;
    private long frames;

    public Max7219Chain(SpiBus bus, int chips) {
        this.bus = bus;
        this.chips = chips;
        this.shadow = new int[chips][16];
        for (int[] chip : shadow) {
            Arrays.fill(chip, UNKNOWN);
        }
    }

    public int chips() {
        return chips;
    }

    /** Raw segments or rows (no BCD decoding), all 8 digits scanned, lit, test mode off, blank. */
    public void init(int intensity) {
        broadcast(Max7219.DISPLAY_TEST, 0);
        broadcast(Max7219.DECODE_MODE, 0);
        broadcast(Max7219.SCAN_LIMIT, 7);
        broadcast(Max7219.INTENSITY, intensity);
        for (int r = 0; r < 8; r++) {
            broadcast(Max7219.DIGIT_0 + r, 0);
        }
        broadcast(Max7219.SHUTDOWN, 1);
    }

    private void broadcast(int register, int value) {
        send(Max7219.broadcast(register, value, chips));
        for (int[] chip : shadow) {
            chip[register] = value;
        }
    }

    /** Digit/row register {@code index} (0..7) of every chip: {@code data[i]} goes to chip i. */
    public void row(int index, int[] data) {
        send(Max7219.frame(Max7219.DIGIT_0 + index, data));
        for (int chip = 0; chip < chips; chip++) {
            shadow[chip][Max7219.DIGIT_0 + index] = data[chip] & 0xFF;
        }
    }

    /**
     * One register of one chip, the others getting a no-op; nothing is sent when the chip holds that value.
     *
     * @return whether a frame was sent
     */
    public boolean write(int chip, int register, int value) {
        if (shadow[chip][register] == (value & 0xFF)) {
            return false;
        }
        byte[] frame = new byte[chips * 2]; // all no-op words (register 0)
        int pos = (chips - 1 - chip) * 2;
        frame[pos] = (byte) register;
        frame[pos + 1] = (byte) value;
        send(frame);
        shadow[chip][register] = value & 0xFF;
        return true;
    }

    /** Digit register {@code index} (0..7) of one chip. */
    public boolean digit(int chip, int index, int segments) {
        return write(chip, Max7219.DIGIT_0 + index, segments);
    }

    /** Lit or dark without losing the contents (the shutdown register), for blinking. */
    public void lit(boolean on) {
        broadcast(Max7219.SHUTDOWN, on ? 1 : 0);
    }

    /** One chip lit or dark (the others untouched). */
    public void lit(int chip, boolean on) {
        write(chip, Max7219.SHUTDOWN, on ? 1 : 0);
    }

    private void send(byte[] frame) {
        try {
            bus.write(frame);
            frames++;
        } catch (DeviceIoException e) {
            // What the chips hold is unknown now: the next write of each register goes out again.
            for (int[] chip : shadow) {
                Arrays.fill(chip, UNKNOWN);
            }
            throw e;
        }
    }

    /** Frames sent so far. */
    public long frames() {
        return frames;
    }
}
