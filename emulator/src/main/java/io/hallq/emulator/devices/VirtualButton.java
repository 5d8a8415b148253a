package io.hallq.emulator.devices;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Duration;

/**
 * A push button (or a single key) wired to a GPIO input with a pull-up: pressing pulls the pin low. Held,
 * tapped, bounced and released from tests and the digital-twin page. The press methods that take time block
 * the caller for that time.
 */
public final class VirtualButton {

    /** Long enough to pass the controller's debounce with margin. */
    public static final Duration TAP = Duration.ofMillis(60);

    private final String name;
    private final MockDigitalInput pin;
    private final VirtualOutput light;

    VirtualButton(String name, MockDigitalInput pin, VirtualOutput light) {
        this.name = name;
        this.pin = pin;
        this.light = light;
    }

    public String name() {
        return name;
    }

    public void press() {
        pin.mockState(DigitalState.LOW);
    }

    public void release() {
        pin.mockState(DigitalState.HIGH);
    }

    public boolean pressed() {
        return pin.state() == DigitalState.LOW;
    }

    /** Press, hold for {@code time}, release. */
    public void hold(Duration time) {
        press();
        sleep(time);
        release();
    }

    /** A normal press: {@link #TAP} down, then up, then as long again so the release is seen. */
    public void tap() {
        hold(TAP);
        sleep(TAP);
    }

    /** Contact bounce: {@code flips} level changes {@code gap} apart, ending pressed; release yourself. */
    public void bounce(int flips, Duration gap) {
        for (int i = 0; i < flips; i++) {
            if (i % 2 == 0) {
                press();
            } else {
                release();
            }
            sleep(gap);
        }
        press();
    }

    /** The backlight: lit now? (blinking shows as changing answers); false when the button has none. */
    public boolean lit() {
        return light != null && light.high();
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
