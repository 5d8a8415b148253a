package io.hallq.emulator.devices;

import io.hallq.display.led.Max7219;
import io.hallq.display.led.SevenSegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chain of MAX7219 chips fed by SPI frames: each frame shifts one 16-bit word into every chip, the first
 * word ending in the chip farthest from the Pi. Keeps each chip's registers, and reads them back as
 * 7-segment text or matrix pixels. A frame of the wrong length is counted as an error, as it would garble
 * a real chain.
 */
public final class VirtualMax7219 {

    private final int chips;
    private final int[][] registers;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong badFrames = new AtomicLong();

    VirtualMax7219(int chips) {
        this.chips = chips;
        this.registers = new int[chips][16];
    }

    synchronized void receive(byte[] frame) {
        frames.incrementAndGet();
        if (frame.length != chips * 2) {
            badFrames.incrementAndGet();
            return;
        }
        for (int chip = 0; chip < chips; chip++) {
            int pos = (chips - 1 - chip) * 2;
            int reg = frame[pos] & 0x0F;
            if (reg != Max7219.NO_OP) {
                registers[chip][reg] = frame[pos + 1] & 0xFF;
            }
        }
    }

    public int chips() {
        return chips;
    }

    /** The display is lit (shutdown register 1) and not in test mode; blinking toggles this. */
    public synchronized boolean lit(int chip) {
        return registers[chip][Max7219.SHUTDOWN] == 1;
    }

    /** What chip {@code chip}'s 8 digits show as text, leftmost first (digit register 8 is the leftmost). */
    public synchronized String digits(int chip) {
        StringBuilder s = new StringBuilder();
        for (int d = 7; d >= 0; d--) {
            s.append(SevenSegment.read(registers[chip][Max7219.DIGIT_0 + d]));
        }
        return s.toString();
    }

    /** The whole chain as a pixel grid [row][column], chip 0 leftmost, bit 7 of a row = leftmost column. */
    public synchronized boolean[][] pixels() {
        boolean[][] px = new boolean[8][chips * 8];
        for (int chip = 0; chip < chips; chip++) {
            for (int r = 0; r < 8; r++) {
                int row = registers[chip][Max7219.DIGIT_0 + r];
                for (int c = 0; c < 8; c++) {
                    px[r][chip * 8 + c] = (row & (0x80 >> c)) != 0;
                }
            }
        }
        return px;
    }

    /** The pixels as text, '#' lit and '.' dark, one line per row. */
    public String pixelText() {
        StringBuilder s = new StringBuilder();
        for (boolean[] row : pixels()) {
            for (boolean p : row) {
                s.append(p ? '#' : '.');
            }
            s.append('\n');
        }
        return s.toString();
    }

    public long frames() {
        return frames.get();
    }

    public long badFrames() {
        return badFrames.get();
    }
}
