package io.hallq.emulator.devices;

import io.hallq.display.led.Max7219;
import io.hallq.display.led.SevenSegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chain of MAX7219 chips fed by SPI frames: each frame shifts one 16-bit word into every chip, the first
 * word ending in the chip farthest from the Pi. Keeps each chip's registers, and reads them back as
 * 7-segment text or matrix pixels. A frame of the wrong length is counted as an error, as it would garble
 * a real chain. Words with the no-op register leave their chip alone; each chip counts the words it took.
 * {@link #position} is one chip of a chain of counter displays.
 */
public final class VirtualMax7219 {

    private final int chips;
    private final int[][] registers;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong badFrames = new AtomicLong();
    private final long[] words;
    private volatile Runnable onFrame = () -> { };

    VirtualMax7219(int chips) {
        this.chips = chips;
        this.registers = new int[chips][16];
        this.words = new long[chips];
    }

    void receive(byte[] frame) {
        synchronized (this) {
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
                    words[chip]++;
                }
            }
        }
        onFrame.run();
    }

    /** Runs after every frame, on the writer's thread (the benchmark times writes with it). */
    public void onFrame(Runnable r) {
        onFrame = r;
    }

    /** Words other than no-ops that chip {@code chip} took so far. */
    public synchronized long words(int chip) {
        return words[chip];
    }

    /** Chip {@code chip} of the chain (0 = wired to the Pi) as one counter's display. */
    public Position position(int chip) {
        if (chip < 0 || chip >= chips) {
            throw new IllegalArgumentException("the chain has chips 0-" + (chips - 1) + ", not " + chip);
        }
        return new Position(this, chip);
    }

    /** One 8-digit display of a chain. */
    public record Position(VirtualMax7219 chain, int chip) {

        /** The 8 digits as text, leftmost first. */
        public String digits() {
            return chain.digits(chip);
        }

        public boolean lit() {
            return chain.lit(chip);
        }

        /** Words other than no-ops this display took. */
        public long words() {
            return chain.words(chip);
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
