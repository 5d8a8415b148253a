package io.hallq.controller.device;

import io.hallq.controller.ticket.TicketSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code devices} section of the hall config: which parts are fitted and how they are wired. A pin is a
 * Pi GPIO (BCM number) or a pin of an MCP23017 expander ({@link PinRef}). A part that is not configured is not
 * fitted. Read and validated by {@link DevicesReader}.
 *
 * @param expanders    the MCP23017 expanders on the Pi's I2C bus 1
 * @param dispenser    the ticket dispenser's buttons and phone keypad, or null
 * @param printer      the ticket printer, or null (then the dispenser cannot issue paper tickets)
 * @param hallMatrix   the hall's scrolling LED matrix, or null
 * @param amplifierPin the amplifier enable output, or null
 */
public record DevicesConfig(InputTiming timing, List<ExpanderConfig> expanders, DispenserConfig dispenser,
                            PrinterConfig printer, TicketSettings ticket, List<CounterDevices> counters,
                            MatrixConfig hallMatrix, PinRef amplifierPin) {

    public DevicesConfig {
        expanders = List.copyOf(expanders);
        counters = List.copyOf(counters);
    }

    /** The length of the counter-display chain on {@code spi}: its highest position in use (0 when none). */
    public int displayChainLength(SpiAddress spi) {
        return counters.stream().filter(c -> c.display() != null && c.display().spi().equals(spi))
                .mapToInt(c -> c.display().position()).max().orElse(0);
    }

    /**
     * Whether anything is wired to the Pi's header (GPIO, SPI, I2C): only then does the controller open its Pi4J
     * context. A printer alone is on its own device file.
     */
    public boolean wiresHeader() {
        return !expanders.isEmpty() || dispenser != null || hallMatrix != null || amplifierPin != null
                || counters.stream().anyMatch(c -> c.keypad() != null || !c.satisfaction().isEmpty() || c.display() != null);
    }

    /** Nothing fitted: a controller without hardware (e.g. a second hall in the emulator). */
    public static DevicesConfig none() {
        return new DevicesConfig(InputTiming.DEFAULT, List.of(), null, null, new TicketSettings(80, null, null, null),
                List.of(), null, null);
    }

    /**
     * An MCP23017 on I2C bus 1.
     *
     * @param address      its 7-bit address, 0x20-0x27 (pins A0-A2)
     * @param interruptPin the Pi input its INT line is wired to (open drain: expanders may share one), or -1 to
     *                     poll it on every scan
     */
    public record ExpanderConfig(int address, int interruptPin) {}

    /** A lit push button for one service: its input and its backlight output. */
    public record ServiceButton(String service, PinRef pin, PinRef ledPin) {}

    /** A matrix keypad: row outputs and column inputs (3x4: 4 rows, 3 columns). */
    public record KeypadPins(List<PinRef> rows, List<PinRef> columns) {
        public KeypadPins {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
        }
    }

    /**
     * @param phones phone number -> class code, as given in the YAML; never logged
     */
    public record DispenserConfig(List<ServiceButton> buttons, KeypadPins phoneKeypad, Duration phoneTimeout,
                                  Map<String, String> phones) {
        public DispenserConfig {
            buttons = List.copyOf(buttons);
            phones = Map.copyOf(phones);
        }

        @Override
        public String toString() {
            return "DispenserConfig[buttons=" + buttons + ", phoneKeypad=" + phoneKeypad + ", phones=" + phones.size()
                    + " numbers]";
        }
    }

    /** How the printer is attached. */
    public enum Connection { USB, SERIAL }

    /** What paper near end does: only warn, or stop issuing like paper out. */
    public enum NearEndPolicy { WARN, STOP }

    /** @param baud serial only */
    public record PrinterConfig(Connection connection, String device, int baud, NearEndPolicy nearEnd,
                                Duration statusInterval) {}

    public record SpiAddress(int bus, int chipSelect) {}

    /**
     * A counter display's place: the MAX7219 daisy chain on a chip select, and its position in it (1 is the
     * chip wired to the Pi). Counter displays on one chip select form one chain as long as its highest position.
     */
    public record DisplayPosition(int bus, int chipSelect, int position) {
        public SpiAddress spi() {
            return new SpiAddress(bus, chipSelect);
        }
    }

    /**
     * A counter's devices.
     *
     * @param keypad       the counter keypad (呼叫器), or null
     * @param satisfaction the satisfaction keys (评价器) from unhappy to happy, 3 or 4 pins, or empty
     * @param display      the counter's 8-digit display, or null
     */
    public record CounterDevices(int counter, KeypadPins keypad, List<PinRef> satisfaction, DisplayPosition display) {
        public CounterDevices {
            satisfaction = List.copyOf(satisfaction);
        }
    }

    /** Cascaded 8x8 modules on one SPI chip select. */
    public record MatrixConfig(SpiAddress spi, int modules) {}
}
