package io.hallq.controller.device.pi4j;

import io.hallq.controller.device.AmplifierSwitch;
import io.hallq.controller.device.GpioBoard;
import io.hallq.controller.device.OutputPin;

/** The amplifier's enable input on a GPIO output: high = on. Off at start so the hall stays quiet. */
public final class Pi4jAmplifierSwitch implements AmplifierSwitch {

    private final OutputPin pin;

    public Pi4jAmplifierSwitch(GpioBoard board, int bcm) {
        this(board.output(bcm));
    }

    /** On any output (a Pi GPIO or an expander pin). */
    public Pi4jAmplifierSwitch(OutputPin pin) {
        this.pin = pin;
        pin.set(false);
    }

    @Override
    public void set(boolean on) {
        pin.set(on);
    }
}
