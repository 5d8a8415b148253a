package io.hallq.emulator.devices;

import io.hallq.controller.device.DeviceIoException;
import java.util.function.Supplier;

/**
 * An MCP23017 as the I2C bus sees it: its 22 registers in bank 0 (IODIR, IPOL, GPINTEN, DEFVAL, INTCON,
 * IOCON, GPPU, INTF, INTCAP, GPIO, OLAT, A then B), the register pointer that advances after each byte (unless
 * IOCON.SEQOP), pull-ups, output latches, interrupt-on-change (against the previous level or DEFVAL) with
 * INTF flags, INTCAP capture and the INT line (mirrored or port A only; open drain or push-pull with its
 * polarity), cleared by reading GPIO or INTCAP of the port. Reset state: all pins inputs, everything else 0.
 *
 * <p>Faults for tests: {@link #unplug}, {@link #plugIn} (after a power loss: reset registers),
 * {@link #failNext} (a bus error), {@link #powerBlip} (reset without a missed transaction).
 *
 * <p>Pins outside: a pin can be grounded (a button) or wired to follow a level (a keypad column); an undriven
 * input reads high with its pull-up enabled and low without (floating: a missing pull-up shows).
 */
public final class VirtualMcp23017 {

    static final int IODIR = 0x00, IPOL = 0x02, GPINTEN = 0x04, DEFVAL = 0x06, INTCON = 0x08, IOCON = 0x0A,
            GPPU = 0x0C, INTF = 0x0E, INTCAP = 0x10, GPIO = 0x12, OLAT = 0x14, REGISTERS = 0x16;
    static final int MIRROR = 0x40, SEQOP = 0x20, ODR = 0x04, INTPOL = 0x02;

    private final int address;
    private final Object lock;
    private final int[] reg = new int[REGISTERS];
    private final boolean[] grounded = new boolean[16];
    @SuppressWarnings("unchecked")
    private final Supplier<Boolean>[] wired = new Supplier[16];
    private int pointer;
    private int previous;
    private boolean present = true;
    private int failures;
    private long transactions;
    private volatile long lastGpioRead;

    VirtualMcp23017(int address, Object lock) {
        this.address = address;
        this.lock = lock;
        reset();
    }

    public int address() {
        return address;
    }

    private void reset() {
        java.util.Arrays.fill(reg, 0);
        reg[IODIR] = reg[IODIR + 1] = 0xFF;
        pointer = 0;
        previous = levels();
    }

    // --- the bus side ---

    void write(byte[] data) {
        synchronized (lock) {
            acknowledge("write");
            evaluate();
            if (data.length > 0) {
                pointer = (data[0] & 0xFF) % REGISTERS;
                for (int i = 1; i < data.length; i++) {
                    store(pointer, data[i] & 0xFF);
                    advance();
                }
            }
            evaluate();
        }
    }

    byte[] writeRead(byte[] write, int length) {
        synchronized (lock) {
            write(write);
            evaluate();
            byte[] out = new byte[length];
            for (int i = 0; i < length; i++) {
                out[i] = (byte) load(pointer);
                advance();
            }
            evaluate();
            return out;
        }
    }

    private void acknowledge(String what) {
        transactions++;
        if (!present) {
            throw new DeviceIoException(String.format("I2C %s: no acknowledge from 0x%02x", what, address));
        }
        if (failures > 0) {
            failures--;
            throw new DeviceIoException(String.format("I2C %s to 0x%02x: bus error (arbitration lost)", what, address));
        }
    }

    private void advance() {
        if ((reg[IOCON] & SEQOP) == 0) {
            pointer = (pointer + 1) % REGISTERS;
        }
    }

    private void store(int r, int v) {
        switch (r) {
            case INTF, INTF + 1, INTCAP, INTCAP + 1 -> { } // read-only
            case GPIO, GPIO + 1 -> reg[OLAT + (r - GPIO)] = v;
            case IOCON, IOCON + 1 -> reg[IOCON] = reg[IOCON + 1] = v;
            default -> reg[r] = v;
        }
    }

    private int load(int r) {
        return switch (r) {
            case GPIO, GPIO + 1 -> {
                int port = r - GPIO;
                lastGpioRead = System.nanoTime();
                reg[INTF + port] = 0;
                yield gpio(levels(), port);
            }
            case INTCAP, INTCAP + 1 -> {
                int port = r - INTCAP;
                reg[INTF + port] = 0;
                yield reg[r];
            }
            default -> reg[r];
        };
    }

    // --- the pins ---

    /** Pin levels 0-15 now: outputs their latch, inputs what drives them, else the pull-up or floating low. */
    private int levels() {
        int out = 0;
        for (int pin = 0; pin < 16; pin++) {
            int port = pin / 8;
            int bit = 1 << (pin % 8);
            boolean high;
            if ((reg[IODIR + port] & bit) == 0) {
                high = (reg[OLAT + port] & bit) != 0;
            } else {
                Supplier<Boolean> w = wired[pin];
                Boolean d = grounded[pin] ? Boolean.FALSE : w == null ? null : w.get();
                high = d != null ? d : (reg[GPPU + port] & bit) != 0;
            }
            if (high) {
                out |= 1 << pin;
            }
        }
        return out;
    }

    private int gpio(int levels, int port) {
        int value = levels >> (8 * port) & 0xFF;
        return value ^ (reg[IPOL + port] & reg[IODIR + port]);
    }

    /** Raises interrupt flags for the inputs whose level changed (or differs from DEFVAL) since last time. */
    void evaluate() {
        synchronized (lock) {
            int now = levels();
            for (int port = 0; port < 2; port++) {
                int enabled = reg[IODIR + port] & reg[GPINTEN + port];
                int levelNow = now >> (8 * port) & 0xFF;
                int before = previous >> (8 * port) & 0xFF;
                int onChange = (levelNow ^ before) & ~reg[INTCON + port];
                int onCompare = (levelNow ^ reg[DEFVAL + port]) & reg[INTCON + port];
                int flags = (onChange | onCompare) & enabled;
                if (flags != 0) {
                    if (reg[INTF + port] == 0) {
                        reg[INTCAP + port] = gpio(now, port);
                    }
                    reg[INTF + port] |= flags;
                }
            }
            previous = now;
        }
    }

    /** The INT(A) output is active: a flag of port A, or of either port when mirrored. */
    public boolean interruptActive() {
        synchronized (lock) {
            return reg[INTF] != 0 || (reg[IOCON] & MIRROR) != 0 && reg[INTF + 1] != 0;
        }
    }

    /** The INT line is pulled low by this chip: open drain when active, push-pull by its polarity. */
    boolean pullsInterruptLow() {
        synchronized (lock) {
            if (!present) {
                return false;
            }
            boolean active = interruptActive();
            if ((reg[IOCON] & ODR) != 0) {
                return active;
            }
            return (reg[IOCON] & INTPOL) == 0 ? active : !active;
        }
    }

    /** A contact from {@code pin} to ground closed or open (a button or key). */
    public void ground(int pin, boolean closed) {
        synchronized (lock) {
            grounded[pin] = closed;
            evaluate();
        }
    }

    void wire(int pin, Supplier<Boolean> level) {
        synchronized (lock) {
            wired[pin] = level;
        }
    }

    /** What an output pin drives (false for an input). */
    public boolean outputHigh(int pin) {
        synchronized (lock) {
            int port = pin / 8;
            int bit = 1 << (pin % 8);
            return (reg[IODIR + port] & bit) == 0 && (reg[OLAT + port] & bit) != 0;
        }
    }

    /** A register's value (tests look at the configuration the driver wrote). */
    public int register(int r) {
        synchronized (lock) {
            return reg[r];
        }
    }

    // --- faults ---

    /** Off the bus: no acknowledge. */
    public void unplug() {
        synchronized (lock) {
            present = false;
        }
    }

    /** Back on the bus after a power loss: registers in their reset state. */
    public void plugIn() {
        synchronized (lock) {
            reset();
            present = true;
        }
    }

    /** Lost power and came back between two transactions: no transaction failed, the registers are reset. */
    public void powerBlip() {
        synchronized (lock) {
            reset();
        }
    }

    /** The next {@code n} transactions fail with a bus error. */
    public void failNext(int n) {
        synchronized (lock) {
            failures = n;
        }
    }

    public boolean present() {
        synchronized (lock) {
            return present;
        }
    }

    /** When the controller last read GPIO (System.nanoTime), 0 when never. */
    public long lastGpioRead() {
        return lastGpioRead;
    }

    public long transactions() {
        synchronized (lock) {
            return transactions;
        }
    }
}
