package io.hallq.emulator.devices;

import io.hallq.controller.device.DeviceIoException;
import io.hallq.controller.device.I2cBus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An I2C bus of the virtual board with virtual MCP23017s on it: an address nobody answers is a missing
 * acknowledge, as on the wire. After every transaction every chip on the bus looks at its pins again (a keypad
 * row driven through one chip moves a column on another).
 */
public final class VirtualI2cBus implements I2cBus {

    private final int bus;
    private final Object lock;
    private final Map<Integer, VirtualMcp23017> chips = new ConcurrentHashMap<>();

    VirtualI2cBus(int bus, Object lock) {
        this.bus = bus;
        this.lock = lock;
    }

    VirtualMcp23017 attach(int address) {
        return chips.computeIfAbsent(address, a -> new VirtualMcp23017(a, lock));
    }

    public VirtualMcp23017 chip(int address) {
        return chips.get(address);
    }

    @Override
    public void write(int address, byte[] data) {
        synchronized (lock) {
            chip(address, "write").write(data);
            settle();
        }
    }

    @Override
    public byte[] writeRead(int address, byte[] write, int readLength) {
        synchronized (lock) {
            byte[] read = chip(address, "read").writeRead(write, readLength);
            settle();
            return read;
        }
    }

    private VirtualMcp23017 chip(int address, String what) {
        VirtualMcp23017 chip = chips.get(address);
        if (chip == null) {
            throw new DeviceIoException(String.format("I2C %d %s: no acknowledge from 0x%02x", bus, what, address));
        }
        return chip;
    }

    void settle() {
        synchronized (lock) {
            chips.values().forEach(VirtualMcp23017::evaluate);
        }
    }
}
