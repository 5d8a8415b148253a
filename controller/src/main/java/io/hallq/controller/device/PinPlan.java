package io.hallq.controller.device;

import io.hallq.controller.config.ConfigNode;
import io.hallq.controller.device.DevicesConfig.SpiAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Which part uses which pin, to report two parts on one pin, two SPI devices on one chip select, and GPIO
 * pins that an SPI bus in use already takes (SPI0: BCM 7-11, SPI1: BCM 16-21).
 */
final class PinPlan {

    private static final Map<Integer, int[]> SPI_PINS = Map.of(0, new int[] {7, 8, 9, 10, 11},
            1, new int[] {16, 17, 18, 19, 20, 21});

    private final Map<Integer, String> gpio = new HashMap<>();
    private final Map<Integer, ConfigNode> gpioNodes = new HashMap<>();
    private final Map<SpiAddress, String> spi = new HashMap<>();

    void claim(ConfigNode at, int pin, String what) {
        if (pin < 0) {
            return;
        }
        String before = gpio.putIfAbsent(pin, what);
        if (before != null) {
            at.error("BCM " + pin + " is already used by " + before + "; expected a free pin for " + what);
        } else {
            gpioNodes.put(pin, at);
        }
    }

    void claimSpi(ConfigNode at, SpiAddress a, String what) {
        String before = spi.putIfAbsent(a, what);
        if (before != null) {
            at.error("SPI " + a.bus() + " chip select " + a.chipSelect() + " is already used by " + before
                    + "; expected a free chip select for " + what);
        }
    }

    /** Reports GPIO claims on pins of an SPI bus that a device uses. */
    void checkSpiPins(ConfigNode devices) {
        spi.keySet().stream().map(SpiAddress::bus).distinct().forEach(bus -> {
            for (int pin : SPI_PINS.get(bus)) {
                if (gpio.containsKey(pin)) {
                    gpioNodes.get(pin).error("BCM " + pin + " belongs to SPI" + bus + ", which a display uses; "
                            + "expected another pin for " + gpio.get(pin));
                }
            }
        });
    }
}
