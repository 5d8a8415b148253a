package io.hallq.emulator.devices;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalInputProviderBase;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pi4J's mock digital input, extended the way the wiring needs it: an input starts high (the pull-up of a
 * released button), and a pin can follow other pins (a keypad column follows the driven row through a
 * pressed key). Buttons are pressed with {@link MockDigitalInput#mockState}.
 */
public final class VirtualInputProvider extends DigitalInputProviderBase {

    public static final String ID = "hallq-virtual-input";

    private final Map<Integer, VirtualInput> inputs = new ConcurrentHashMap<>();
    private final Map<Integer, Supplier<DigitalState>> wired = new ConcurrentHashMap<>();

    public VirtualInputProvider() {
        super(ID, "hallq virtual GPIO input");
    }

    /** Makes pin {@code bcm} read what {@code level} says instead of its mock state (keypad columns). */
    public void wire(int bcm, Supplier<DigitalState> level) {
        wired.put(bcm, level);
    }

    /** The input the controller opened on {@code bcm}, or null when it has not opened one. */
    public MockDigitalInput input(int bcm) {
        return inputs.get(bcm);
    }

    @Override
    public int getPriority() {
        return 1000;
    }

    @Override
    public DigitalInput create(DigitalInputConfig config) {
        VirtualInput in = new VirtualInput(this, config);
        in.mockState(DigitalState.HIGH);
        inputs.put(config.address(), in);
        context.registry().add(in);
        return in;
    }

    /** When the controller last read pin {@code bcm} (System.nanoTime), or 0 when never. */
    public long lastRead(int bcm) {
        VirtualInput in = inputs.get(bcm);
        return in == null ? 0 : in.lastRead;
    }

    private final class VirtualInput extends MockDigitalInput {
        private final int bcm;
        private volatile long lastRead;

        VirtualInput(DigitalInputProvider provider, DigitalInputConfig config) {
            super(provider, config);
            this.bcm = config.address();
        }

        @Override
        public DigitalState state() {
            lastRead = System.nanoTime();
            Supplier<DigitalState> w = wired.get(bcm);
            return w != null ? w.get() : super.state();
        }
    }
}
