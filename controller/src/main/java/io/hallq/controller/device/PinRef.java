package io.hallq.controller.device;

/**
 * Where a part is wired: a Pi GPIO (BCM number) or a pin of an MCP23017 expander on the I2C bus (written
 * {@code 0x20:A3}: the chip's address, its port A or B and the pin 0-7).
 *
 * @param expander the expander's 7-bit I2C address, or {@link #PI} for a Pi GPIO
 * @param pin      the BCM number, or 0-15 on an expander (A0-A7 are 0-7, B0-B7 are 8-15)
 */
public record PinRef(int expander, int pin) {

    public static final int PI = -1;

    public static PinRef gpio(int bcm) {
        return new PinRef(PI, bcm);
    }

    public static PinRef expander(int address, int pin) {
        return new PinRef(address, pin);
    }

    public boolean onExpander() {
        return expander != PI;
    }

    /** "A3" or "B7" on an expander. */
    public String portPin() {
        return (pin < 8 ? "A" : "B") + (pin % 8);
    }

    @Override
    public String toString() {
        return onExpander() ? String.format("0x%02x:%s", expander, portPin()) : "BCM " + pin;
    }
}
