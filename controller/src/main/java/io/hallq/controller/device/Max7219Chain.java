package io.hallq.controller.device;

import io.hallq.display.led.Max7219;

/** MAX7219 chips cascaded on one SPI chip select; chip 0 is the one wired to the Pi. */
public final class Max7219Chain {

    private final SpiBus bus;
    private final int chips;

    public Max7219Chain(SpiBus bus, int chips) {
        this.bus = bus;
        this.chips = chips;
    }

    public int chips() {
        return chips;
    }

    /** Raw segments or rows (no BCD decoding), all 8 digits scanned, lit, test mode off, blank. */
    public void init(int intensity) {
        bus.write(Max7219.broadcast(Max7219.DISPLAY_TEST, 0, chips));
        bus.write(Max7219.broadcast(Max7219.DECODE_MODE, 0, chips));
        bus.write(Max7219.broadcast(Max7219.SCAN_LIMIT, 7, chips));
        bus.write(Max7219.broadcast(Max7219.INTENSITY, intensity, chips));
        for (int r = 0; r < 8; r++) {
            bus.write(Max7219.broadcast(Max7219.DIGIT_0 + r, 0, chips));
        }
        bus.write(Max7219.broadcast(Max7219.SHUTDOWN, 1, chips));
    }

    /** Digit/row register {@code index} (0..7) of every chip: {@code data[i]} goes to chip i. */
    public void row(int index, int[] data) {
        bus.write(Max7219.frame(Max7219.DIGIT_0 + index, data));
    }

    /** Lit or dark without losing the contents (the shutdown register), for blinking. */
    public void lit(boolean on) {
        bus.write(Max7219.broadcast(Max7219.SHUTDOWN, on ? 1 : 0, chips));
    }
}
