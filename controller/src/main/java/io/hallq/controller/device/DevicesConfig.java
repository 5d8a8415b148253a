package io.hallq.controller.device;

import io.hallq.controller.ticket.TicketSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code devices} section of the hall config: which parts are fitted and how they are wired. Pins are
 * BCM numbers. A part that is not configured is not fitted. Read and validated by {@link DevicesReader}.
 *
 * @param dispenser    the ticket dispenser's buttons and phone keypad, or null
 * @param printer      the ticket printer, or null (then the dispenser cannot issue paper tickets)
 * @param hallMatrix   the hall's scrolling LED matrix, or null
 * @param amplifierPin the amplifier enable output, or -1
 */
public record DevicesConfig(InputTiming timing, DispenserConfig dispenser, PrinterConfig printer,
                            TicketSettings ticket, List<CounterDevices> counters, MatrixConfig hallMatrix,
                            int amplifierPin) {

    public DevicesConfig {
        counters = List.copyOf(counters);
    }

    /** Nothing fitted: a controller without hardware (e.g. a second hall in the emulator). */
    public static DevicesConfig none() {
        return new DevicesConfig(InputTiming.DEFAULT, null, null, new TicketSettings(80, null, null, null),
                List.of(), null, -1);
    }

    /** A lit push button for one service: its input and its backlight output. */
    public record ServiceButton(String service, int pin, int ledPin) {}

    /** A matrix keypad: row outputs and column inputs (3x4: 4 rows, 3 columns). */
    public record KeypadPins(List<Integer> rows, List<Integer> columns) {
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
     * A counter's devices.
     *
     * @param keypad       the counter keypad (呼叫器), or null
     * @param satisfaction the satisfaction keys (评价器) from unhappy to happy, 3 or 4 pins, or empty
     * @param display      the counter's 8-digit display, or null
     */
    public record CounterDevices(int counter, KeypadPins keypad, List<Integer> satisfaction, SpiAddress display) {
        public CounterDevices {
            satisfaction = List.copyOf(satisfaction);
        }
    }

    /** Cascaded 8x8 modules on one SPI chip select. */
    public record MatrixConfig(SpiAddress spi, int modules) {}
}
