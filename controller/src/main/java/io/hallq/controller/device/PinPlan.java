package io.hallq.controller.device;

import io.hallq.controller.config.ConfigNode;
import io.hallq.controller.device.DevicesConfig.DisplayPosition;
import io.hallq.controller.device.DevicesConfig.SpiAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Which part uses which pin, to report two parts on one pin (a Pi GPIO or an expander pin), an expander
 * address used twice, two SPI devices on one chip select (counter displays share one as a daisy chain, each
 * at its own position), and GPIO pins that an SPI bus in use already takes (SPI0: BCM 7-11, SPI1: BCM 16-21).
 */
final class PinPlan {

    private static final Map<Integer, int[]> SPI_PINS = Map.of(0, new int[] {7, 8, 9, 10, 11},
            1, new int[] {16, 17, 18, 19, 20, 21});
    private static final String COUNTER_DISPLAYS = "the counter displays' chain";

    private final Map<PinRef, String> pins = new HashMap<>();
    private final Map<Integer, ConfigNode> gpioNodes = new HashMap<>();
    private final Map<SpiAddress, String> spi = new HashMap<>();
    private final Map<DisplayPosition, String> positions = new HashMap<>();
    private final Map<Integer, String> expanders = new HashMap<>();

    void claim(ConfigNode at, PinRef pin, String what) {
        if (pin == null || pin.pin() < 0) {
            return;
        }
        String before = pins.putIfAbsent(pin, what);
        if (before != null) {
            at.error(pin + " is already used by " + before + "; expected a free pin for " + what);
        } else if (!pin.onExpander()) {
            gpioNodes.put(pin.pin(), at);
        }
    }

    void claim(ConfigNode at, int bcm, String what) {
        claim(at, bcm < 0 ? null : PinRef.gpio(bcm), what);
    }

    /** @return false when another expander has that address */
    boolean claimExpander(ConfigNode at, int address, String what) {
        String before = expanders.putIfAbsent(address, what);
        if (before != null) {
            at.error(String.format("I2C address 0x%02x is already used by %s; expected another address (0x20-0x27,"
                    + " set by the chip's A0-A2 pins) for %s", address, before, what));
            return false;
        }
        return true;
    }

    boolean expander(int address) {
        return expanders.containsKey(address);
    }

    void claimSpi(ConfigNode at, SpiAddress a, String what) {
        String before = spi.putIfAbsent(a, what);
        if (before != null) {
            at.error("SPI " + a.bus() + " chip select " + a.chipSelect() + " is already used by " + before
                    + "; expected a free chip select for " + what);
        }
    }

    /** A counter display: counter displays share a chip select as one daisy chain, one per position. */
    void claimDisplay(ConfigNode at, DisplayPosition d, String what) {
        String before = spi.putIfAbsent(d.spi(), COUNTER_DISPLAYS);
        if (before != null && !before.equals(COUNTER_DISPLAYS)) {
            at.error("SPI " + d.bus() + " chip select " + d.chipSelect() + " is already used by " + before
                    + "; expected a free chip select (or the counter displays' one) for " + what);
            return;
        }
        String other = positions.putIfAbsent(d, what);
        if (other != null) {
            at.error("position " + d.position() + " of the display chain on SPI " + d.bus() + " chip select "
                    + d.chipSelect() + " is already " + other + "; expected a free position for " + what);
        }
    }

    /** Reports GPIO claims on pins of an SPI bus that a device uses. */
    void checkSpiPins(ConfigNode devices) {
        spi.keySet().stream().map(SpiAddress::bus).distinct().forEach(bus -> {
            for (int pin : SPI_PINS.get(bus)) {
                String user = pins.get(PinRef.gpio(pin));
                if (user != null) {
                    gpioNodes.get(pin).error("BCM " + pin + " belongs to SPI" + bus + ", which a display uses; "
                            + "expected another pin for " + user);
                }
            }
        });
    }
}
