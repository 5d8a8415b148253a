package io.hallq.emulator.devices;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import io.hallq.controller.device.pi4j.Pi4jBoard;

/** Reads a GPIO output the controller drives (a backlight, a keypad row, the amplifier enable). */
public final class VirtualOutput {

    private final Context pi4j;
    private final int bcm;

    VirtualOutput(Context pi4j, int bcm) {
        this.pi4j = pi4j;
        this.bcm = bcm;
    }

    public boolean high() {
        String id = Pi4jBoard.outputId(bcm);
        if (!pi4j.registry().exists(id)) {
            return false;
        }
        DigitalOutput out = pi4j.registry().get(id, DigitalOutput.class);
        return out.state() == DigitalState.HIGH;
    }
}
