package io.hallq.controller.device;

import java.util.Arrays;
import org.tinylog.Logger;

/**
 * Driver for one MCP23017 16-bit I/O expander on an I2C bus (register bank 0, sequential addressing). Pins
 * 0-7 are port A, 8-15 port B.
 *
 * <p>Inputs have the chip's pull-ups on and interrupt-on-change enabled (compare with the previous level). The
 * pin levels are kept in a cache that {@link #poll} refreshes once per device scan: when the chip's INT line
 * is wired to a Pi GPIO only while INT is active (low), otherwise on every scan. An output written since the
 * last read (a keypad row driven low) makes the next input read go to the chip, so a keypad scanned through
 * the expander reads its columns after the row changed. Outputs keep a latch (OLAT) image that is written
 * back whenever the chip is configured again.
 *
 * <p>Failures: a transaction that fails (no acknowledge, bus error) makes the driver configure the chip
 * afresh at once; if that fails too the chip is gone: its inputs read released (high), outputs are kept in the
 * latch image only, {@link Health#lost} is told (a DEVICE alarm), and it is tried again every
 * {@link #RETRY_MS}. A chip that lost its power and came back between two transactions answers with its reset
 * registers: a configuration check every {@link #CHECK_MS} reads them back and configures it again.
 *
 * <p>Not thread-safe: the device thread owns it.
 *
 * <p>Silicon note: in current MCP23017 silicon (datasheet revision D onwards) GPA7 and GPB7 are outputs only;
 * the devices reader refuses them as inputs.
 */
public final class Mcp23017 {

    // Register addresses with IOCON.BANK = 0: the A register, B is the next one.
    static final int IODIR = 0x00;
    static final int IPOL = 0x02;
    static final int GPINTEN = 0x04;
    static final int DEFVAL = 0x06;
    static final int INTCON = 0x08;
    static final int IOCON = 0x0A;
    static final int GPPU = 0x0C;
    static final int INTF = 0x0E;
    static final int INTCAP = 0x10;
    static final int GPIO = 0x12;
    static final int OLAT = 0x14;

    /** IOCON: INTA/INTB mirrored, INT open drain (several chips can share one Pi input), bank 0, sequential. */
    static final int IOCON_VALUE = 0x40 | 0x04;

    static final long RETRY_MS = 1000;
    static final long CHECK_MS = 1000;

    /** Told when the chip stops answering and when it answers again. */
    public interface Health {
        void lost(int address, String reason);

        void back(int address);
    }

    private final I2cBus bus;
    private final int address;
    private final InputPin interrupt;
    private final Health health;
    private int inputMask;
    private int outputMask;
    private int latch;
    private int levels = 0xFFFF;
    private boolean stale = true;
    private boolean present;
    private boolean started;
    private boolean lost;
    private long nextRetry;
    private long nextCheck;
    private long reads;

    /**
     * @param interrupt the Pi input the chip's INT line is wired to (active low, open drain), or null to poll
     */
    public Mcp23017(I2cBus bus, int address, InputPin interrupt, Health health) {
        if (address < 0x20 || address > 0x27) {
            throw new IllegalArgumentException("an MCP23017 answers at 0x20-0x27, not 0x" + Integer.toHexString(address));
        }
        this.bus = bus;
        this.address = address;
        this.interrupt = interrupt;
        this.health = health;
    }

    public int address() {
        return address;
    }

    /** Pin {@code pin} (0-15) as an input with pull-up; call before {@link #start}. */
    public InputPin input(int pin) {
        int bit = bit(pin);
        if ((outputMask & bit) != 0) {
            throw new IllegalArgumentException(name() + " pin " + pin + " is already an output");
        }
        inputMask |= bit;
        return () -> {
            if (stale && present) {
                refresh();
            }
            return !present || (levels & bit) != 0;
        };
    }

    /** Pin {@code pin} (0-15) as an output, low until set; call before {@link #start}. */
    public OutputPin output(int pin) {
        int bit = bit(pin);
        if ((inputMask & bit) != 0) {
            throw new IllegalArgumentException(name() + " pin " + pin + " is already an input");
        }
        outputMask |= bit;
        return high -> setLatch(bit, high, pin < 8 ? 0 : 1);
    }

    private static int bit(int pin) {
        if (pin < 0 || pin > 15) {
            throw new IllegalArgumentException("an MCP23017 has pins 0-15, not " + pin);
        }
        return 1 << pin;
    }

    /** Configures the chip; a chip that does not answer is reported lost and tried again later. */
    public void start(long nowMs) {
        started = true;
        if (!configure()) {
            lose("not answering at start", nowMs);
        } else {
            nextCheck = nowMs + CHECK_MS;
        }
    }

    /** Once per scan: refreshes the inputs when due, checks the configuration, retries a lost chip. */
    public void poll(long nowMs) {
        if (!started) {
            return;
        }
        if (!present) {
            if (nowMs >= nextRetry) {
                if (configure()) {
                    Logger.info("I/O expander {} answers again", name());
                    nextCheck = nowMs + CHECK_MS;
                    lost = false;
                    health.back(address);
                } else {
                    nextRetry = nowMs + RETRY_MS;
                }
            }
            return;
        }
        if (interrupt == null || !interrupt.high() || stale) {
            if (!refresh()) {
                recover(nowMs);
                return;
            }
        }
        if (nowMs >= nextCheck) {
            nextCheck = nowMs + CHECK_MS;
            check(nowMs);
        }
    }

    /** Reads GPIOA/B into the cache; reading GPIO also clears the chip's interrupt. */
    private boolean refresh() {
        try {
            byte[] b = bus.writeRead(address, new byte[] {GPIO}, 2);
            levels = (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
            stale = false;
            reads++;
            return true;
        } catch (DeviceIoException e) {
            Logger.debug("I/O expander {}: {}", name(), e.getMessage());
            stale = true;
            return false;
        }
    }

    /** Reads IODIR..GPPU back: a chip that was reset (power lost and back) has different values. */
    private void check(long nowMs) {
        byte[] expected = configImage();
        byte[] got;
        try {
            got = bus.writeRead(address, new byte[] {IODIR}, expected.length);
        } catch (DeviceIoException e) {
            recover(nowMs);
            return;
        }
        if (!Arrays.equals(expected, got)) {
            Logger.warn("I/O expander {} lost its configuration (reset or power loss): configuring it again", name());
            if (!configure()) {
                lose("lost its configuration and does not answer", nowMs);
            }
        }
    }

    /** A transaction failed: configure afresh at once, lost when that fails too. */
    private void recover(long nowMs) {
        if (configure()) {
            Logger.warn("I/O expander {}: a transaction failed; configured again", name());
        } else {
            lose("not answering", nowMs);
        }
    }

    private void lose(String reason, long nowMs) {
        present = false;
        nextRetry = nowMs + RETRY_MS;
        if (!lost) {
            lost = true;
            Logger.warn("I/O expander {} {}: its keys read released until it answers", name(), reason);
            health.lost(address, reason);
        }
    }

    /** Registers IODIR (0x00) to GPPU (0x0D) as we set them. */
    private byte[] configImage() {
        int dir = inputMask | ~outputMask & 0xFFFF; // unused pins stay inputs (the reset state)
        byte[] image = new byte[GPPU + 2];
        put(image, IODIR, dir);
        put(image, IPOL, 0);
        put(image, GPINTEN, inputMask);
        put(image, DEFVAL, 0);
        put(image, INTCON, 0);
        image[IOCON] = (byte) IOCON_VALUE;
        image[IOCON + 1] = (byte) IOCON_VALUE; // IOCON is one register at two addresses
        put(image, GPPU, inputMask);
        return image;
    }

    private static void put(byte[] image, int register, int value) {
        image[register] = (byte) value;
        image[register + 1] = (byte) (value >> 8);
    }

    /**
     * IOCON first (bank 0, open-drain mirrored INT), the output latches before the directions (no glitch on
     * an output), then directions, pull-ups and interrupts, then the pin levels (which clears any interrupt).
     */
    private boolean configure() {
        byte[] image = configImage();
        try {
            bus.write(address, new byte[] {IOCON, (byte) IOCON_VALUE});
            bus.write(address, pair(OLAT, latch));
            bus.write(address, new byte[] {IODIR, image[IODIR], image[IODIR + 1]});
            bus.write(address, pair(IPOL, 0));
            bus.write(address, pair(GPPU, inputMask));
            bus.write(address, pair(DEFVAL, 0));
            bus.write(address, pair(INTCON, 0));
            bus.write(address, pair(GPINTEN, inputMask));
            present = true;
            stale = true;
            return refresh();
        } catch (DeviceIoException e) {
            Logger.debug("I/O expander {} cannot be configured: {}", name(), e.getMessage());
            present = false;
            return false;
        }
    }

    private static byte[] pair(int register, int value) {
        return new byte[] {(byte) register, (byte) value, (byte) (value >> 8)};
    }

    private void setLatch(int bit, boolean high, int port) {
        int next = high ? latch | bit : latch & ~bit;
        if (next == latch) {
            return;
        }
        latch = next;
        if (!present) {
            return;
        }
        try {
            bus.write(address, new byte[] {(byte) (OLAT + port), (byte) (latch >> (8 * port))});
            stale = true;
        } catch (DeviceIoException e) {
            Logger.debug("I/O expander {}: {}", name(), e.getMessage());
            stale = true; // the next poll reads, fails and recovers (the latch image is written back then)
        }
    }

    /** The chip answers. */
    public boolean present() {
        return present;
    }

    /** GPIO reads so far (the benchmark and tests see how often the bus is used). */
    public long reads() {
        return reads;
    }

    public String name() {
        return String.format("0x%02x", address);
    }
}
