package io.hallq.controller.device;

import io.hallq.controller.device.DevicesConfig.ExpanderConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands out the inputs and outputs the devices section names, on a Pi GPIO or an MCP23017 pin, and keeps the
 * expanders' caches fresh: {@link #poll} once per scan, before the inputs are sampled. A lost expander is a
 * DEVICE alarm ({@code expander-0x20}) until it answers again. Owned by the device thread.
 */
public final class DevicePins {

    /** The Pi's I2C bus on the header (SDA BCM 2, SCL BCM 3). */
    public static final int I2C_BUS = 1;

    private final GpioBoard board;
    private final Map<Integer, Mcp23017> expanders = new LinkedHashMap<>();

    public DevicePins(GpioBoard board, List<ExpanderConfig> configs, Mcp23017.Health health) {
        this.board = board;
        if (!configs.isEmpty()) {
            I2cBus i2c = board.i2c(I2C_BUS);
            Map<Integer, InputPin> interrupts = new HashMap<>(); // a shared (open-drain) INT line is one input
            for (ExpanderConfig e : configs) {
                InputPin interrupt = e.interruptPin() < 0 ? null
                        : interrupts.computeIfAbsent(e.interruptPin(), board::input);
                expanders.put(e.address(), new Mcp23017(i2c, e.address(), interrupt, health));
            }
        }
    }

    /** Health reports as DEVICE alarms. */
    public static Mcp23017.Health alarmsOf(DeviceAlarms alarms) {
        return new Mcp23017.Health() {
            @Override
            public void lost(int address, String reason) {
                alarms.expanderLost(address);
            }

            @Override
            public void back(int address) {
                alarms.expanderBack(address);
            }
        };
    }

    public InputPin input(PinRef ref) {
        return ref.onExpander() ? expander(ref).input(ref.pin()) : board.input(ref.pin());
    }

    public OutputPin output(PinRef ref) {
        return ref.onExpander() ? expander(ref).output(ref.pin()) : board.output(ref.pin());
    }

    private Mcp23017 expander(PinRef ref) {
        Mcp23017 chip = expanders.get(ref.expander());
        if (chip == null) { // the reader refuses this; a guard for hand-made configs
            throw new IllegalArgumentException(ref + " names an expander that is not configured");
        }
        return chip;
    }

    /** Configures every expander (after all pins were handed out). */
    public void start(long nowMs) {
        expanders.values().forEach(e -> e.start(nowMs));
    }

    public void poll(long nowMs) {
        for (Mcp23017 e : expanders.values()) {
            e.poll(nowMs);
        }
    }

    public List<Mcp23017> expanders() {
        return new ArrayList<>(expanders.values());
    }
}
