package io.hallq.controller.device;

import static io.hallq.controller.config.ConfigScalar.DURATION;
import static io.hallq.controller.config.ConfigScalar.NAME;
import static io.hallq.controller.config.ConfigScalar.TEXT;

import io.hallq.controller.config.ConfigNode;
import io.hallq.controller.config.ConfigProblems;
import io.hallq.controller.config.ConfigScalar;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.config.PublicUrl;
import io.hallq.controller.device.DevicesConfig.*;
import io.hallq.controller.ticket.TicketSettings;
import io.hallq.protocol.PhoneNumber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code devices} section, reporting every problem at once with its key; pin conflicts are checked
 * by {@link PinPlan}. Phone numbers are kept as given and never appear in a message.
 */
public final class DevicesReader {

    private static final ConfigScalar<Integer> PIN = ConfigScalar.integer(0, 27);
    private static final ConfigScalar<Integer> BUS = ConfigScalar.integer(0, 1);
    private static final ConfigScalar<Integer> CS = ConfigScalar.integer(0, 2);
    private static final ConfigScalar<Integer> POSITION = ConfigScalar.integer(1, 16);
    private static final java.util.regex.Pattern EXPANDER_PIN =
            java.util.regex.Pattern.compile("0[xX]([0-9a-fA-F]{2}):([ABab])([0-7])");
    private static final String PIN_EXPECTED = "a Pi GPIO (BCM 0-27) or an expander pin such as \"0x20:A3\"";

    /** Stands for a pin given wrongly (already reported), so that lists keep their shape. */
    private static final PinRef INVALID = new PinRef(PinRef.PI, -1);

    /** Whether a pin is read or driven: the expanders' A7 and B7 are outputs only in current silicon. */
    private enum Use { IN, OUT }

    private final HallConfig hall;
    private final String mobileBase;
    private final PinPlan pins = new PinPlan();

    private DevicesReader(HallConfig hall, String mobileBase) {
        this.hall = hall;
        this.mobileBase = mobileBase;
    }

    /** @throws io.hallq.controller.config.ConfigException listing every problem */
    public static DevicesConfig read(LoadedConfig loaded) {
        ConfigProblems problems = loaded.problems();
        ConfigNode n = loaded.section("devices", problems);
        DevicesConfig config = n.isGiven()
                ? new DevicesReader(loaded.config(), PublicUrl.mobileBase(loaded, problems).orElse(null)).devices(n)
                : DevicesConfig.none();
        problems.throwIfAny();
        return config;
    }

    private DevicesConfig devices(ConfigNode raw) {
        ConfigNode n = raw.mapping("debounce", "stuckAfter", "pressInterval", "expanders", "dispenser", "printer",
                "ticket", "counters", "hallMatrix", "amplifierPin");
        InputTiming timing = timing(n);
        List<ExpanderConfig> expanders = expanders(n.key("expanders"));
        DispenserConfig dispenser = n.key("dispenser").isGiven() ? dispenser(n.key("dispenser")) : null;
        PrinterConfig printer = n.key("printer").isGiven() ? printer(n.key("printer")) : null;
        if (dispenser != null && printer == null) {
            n.key("dispenser").error("a dispenser prints tickets: expected devices.printer as well");
        }
        TicketSettings ticket = ticket(n.key("ticket"), n.key("printer"));
        List<CounterDevices> counters = new ArrayList<>();
        for (ConfigNode c : n.key("counters").list("counter devices")) {
            counters.add(counter(c));
        }
        MatrixConfig matrix = n.key("hallMatrix").isGiven() ? matrix(n.key("hallMatrix")) : null;
        PinRef amp = n.key("amplifierPin").isGiven() ? pin(n.key("amplifierPin"), Use.OUT, "amplifier") : null;
        pins.checkSpiPins(n);
        return new DevicesConfig(timing, expanders, dispenser, printer, ticket, counters, matrix, amp);
    }

    /**
     * MCP23017s on I2C bus 1, which takes BCM 2 (SDA) and 3 (SCL). Each names its address and, optionally, the
     * Pi input its INT line is wired to; expanders may share one INT input (open drain, wired-OR).
     */
    private List<ExpanderConfig> expanders(ConfigNode n) {
        List<ExpanderConfig> out = new ArrayList<>();
        List<ConfigNode> items = n.list("MCP23017 expanders");
        if (items.size() > 8) {
            n.error("expected at most 8 expanders (addresses 0x20-0x27), got " + items.size());
        }
        if (!items.isEmpty()) {
            pins.claim(n, 2, "I2C1 SDA (the expanders' bus)");
            pins.claim(n, 3, "I2C1 SCL (the expanders' bus)");
        }
        Map<Integer, String> interrupts = new LinkedHashMap<>();
        for (ConfigNode item : items) {
            ConfigNode m = item.requiredMapping("address", "interrupt");
            int address = address(m.key("address"));
            if (address < 0) {
                continue;
            }
            String name = String.format("expander 0x%02x", address);
            if (!pins.claimExpander(m.key("address"), address, name)) {
                continue;
            }
            int interrupt = m.key("interrupt").optional(PIN).orElse(-1);
            if (interrupt >= 0 && !interrupts.containsKey(interrupt)) {
                interrupts.put(interrupt, name);
                pins.claim(m.key("interrupt"), interrupt, "the INT line of " + name);
            }
            out.add(new ExpanderConfig(address, interrupt));
        }
        return out;
    }

    /** 0x20-0x27, as a YAML number (0x20 or 32) or a text "0x20". */
    private static int address(ConfigNode n) {
        var json = n.json();
        Integer a = null;
        if (json != null && json.isInt()) {
            a = json.intValue();
        } else if (json != null && json.isTextual() && json.textValue().strip().matches("0[xX][0-9a-fA-F]{1,2}")) {
            a = Integer.parseInt(json.textValue().strip().substring(2), 16);
        }
        if (a == null || a < 0x20 || a > 0x27) {
            if (n.isGiven()) {
                n.reject("an MCP23017 address from 0x20 to 0x27");
            } else {
                n.error("missing: expected an MCP23017 address from 0x20 to 0x27");
            }
            return -1;
        }
        return a;
    }

    /**
     * A pin: a BCM number, or "0xAA:Pn" on a configured expander; claimed for {@code what}.
     *
     * @return the pin, or {@link #INVALID} when it is missing or wrong (reported)
     */
    private PinRef pin(ConfigNode n, Use use, String what) {
        var json = n.json();
        PinRef ref = null;
        if (!n.isGiven()) {
            n.error("missing: expected " + PIN_EXPECTED);
            return INVALID;
        }
        if (json.isInt()) {
            int bcm = json.intValue();
            if (bcm >= 0 && bcm <= 27) {
                ref = PinRef.gpio(bcm);
            }
        } else if (json.isTextual()) {
            var m = EXPANDER_PIN.matcher(json.textValue().strip());
            if (m.matches()) {
                int address = Integer.parseInt(m.group(1), 16);
                int pin = (m.group(2).equalsIgnoreCase("A") ? 0 : 8) + Integer.parseInt(m.group(3));
                if (!pins.expander(address)) {
                    n.error(String.format("expander 0x%02x is not listed under devices.expanders; expected %s of a "
                            + "listed expander", address, PIN_EXPECTED));
                    return INVALID;
                }
                ref = PinRef.expander(address, pin);
                if (use == Use.IN && pin % 8 == 7) {
                    n.error(ref + " is an output only on current MCP23017 silicon (GPA7/GPB7); expected another pin"
                            + " for " + what + " (an input)");
                    return INVALID;
                }
            }
        }
        if (ref == null) {
            n.reject(PIN_EXPECTED);
            return INVALID;
        }
        pins.claim(n, ref, what);
        return ref;
    }

    private InputTiming timing(ConfigNode n) {
        InputTiming d = InputTiming.DEFAULT;
        Duration debounce = duration(n.key("debounce"), d.debounce());
        Duration stuck = duration(n.key("stuckAfter"), d.stuckAfter());
        Duration interval = duration(n.key("pressInterval"), d.pressInterval());
        if (stuck.compareTo(debounce) <= 0) {
            n.key("stuckAfter").error("expected a duration longer than debounce (" + debounce.toMillis() + " ms)");
            return d;
        }
        return new InputTiming(debounce, stuck, interval);
    }

    private static Duration duration(ConfigNode n, Duration defaultValue) {
        return n.get(DURATION, defaultValue);
    }

    private DispenserConfig dispenser(ConfigNode raw) {
        ConfigNode n = raw.mapping("buttons", "phoneKeypad", "phoneTimeout", "phones");
        List<ServiceButton> buttons = new ArrayList<>();
        for (ConfigNode b : n.key("buttons").requiredList("service buttons")) {
            ConfigNode m = b.requiredMapping("service", "pin", "led");
            String service = m.key("service").required(NAME).orElse("");
            if (!service.isEmpty() && hall.service(service).isEmpty()) {
                m.key("service").reject("a service code of this hall");
            }
            PinRef pin = pin(m.key("pin"), Use.IN, "button " + service);
            PinRef led = pin(m.key("led"), Use.OUT, "light of button " + service);
            buttons.add(new ServiceButton(service, pin, led));
        }
        KeypadPins keypad = n.key("phoneKeypad").isGiven() ? keypad(n.key("phoneKeypad"), "phone keypad") : null;
        Duration timeout = duration(n.key("phoneTimeout"), Duration.ofSeconds(30));
        return new DispenserConfig(buttons, keypad, timeout, phones(n.key("phones")));
    }

    private Map<String, String> phones(ConfigNode n) {
        Map<String, String> phones = new LinkedHashMap<>();
        if (!n.isGiven()) {
            return phones;
        }
        if (!n.json().isObject()) {
            n.reject("a mapping of phone number -> class code");
            return phones;
        }
        // Errors name the entry by its masked number: a config path would print the number in clear.
        n.json().fieldNames().forEachRemaining(phone -> {
            String masked = "entry " + PhoneNumber.mask(phone);
            if (!PhoneNumber.isValid(phone)) {
                n.error(masked + ": expected an 11-digit mobile number as the key");
            }
            var value = n.json().get(phone);
            String cls = value != null && value.isTextual() ? value.textValue() : "";
            if (hall.customerClass(cls).isEmpty()) {
                n.error(masked + ": expected a class code of this hall, got '" + cls + "'");
            }
            phones.put(phone, cls);
        });
        return phones;
    }

    private KeypadPins keypad(ConfigNode raw, String what) {
        ConfigNode n = raw.requiredMapping("rows", "columns");
        List<PinRef> rows = pinList(n.key("rows"), 4, Use.OUT, what + " row");
        List<PinRef> cols = pinList(n.key("columns"), 3, Use.IN, what + " column");
        return new KeypadPins(rows, cols);
    }

    private List<PinRef> pinList(ConfigNode n, int count, Use use, String what) {
        List<ConfigNode> items = n.requiredList(count + " pins");
        if (n.json() != null && n.json().isArray() && items.size() != count) {
            n.reject("a list of " + count + " pins");
        }
        List<PinRef> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(pin(items.get(i), use, what + " " + (i + 1)));
        }
        return out;
    }

    private PrinterConfig printer(ConfigNode raw) {
        ConfigNode n = raw.mapping("usb", "serial", "baud", "paperWidth", "nearEnd", "statusInterval");
        boolean usb = n.key("usb").isGiven();
        boolean serial = n.key("serial").isGiven();
        if (usb == serial) {
            n.error("expected exactly one of usb (a printer device file) or serial (a serial port device)");
        }
        String device = (usb ? n.key("usb") : n.key("serial")).optional(TEXT.where(s -> s.startsWith("/"),
                "an absolute device path such as /dev/usb/lp0")).orElse("");
        int baud = n.key("baud").get(ConfigScalar.integer(1200, 921600), 19200);
        Duration interval = duration(n.key("statusInterval"), Duration.ofMillis(500));
        if (interval.toMillis() < 100 || interval.toMillis() > 1500) {
            n.key("statusInterval").error("expected a duration from 100ms to 1500ms (alarms within 2 s), got "
                    + interval.toMillis() + "ms");
        }
        return new PrinterConfig(usb ? Connection.USB : Connection.SERIAL, device, baud,
                n.key("nearEnd").get(ConfigScalar.oneOf(NearEndPolicy.class), NearEndPolicy.WARN), interval);
    }

    private TicketSettings ticket(ConfigNode raw, ConfigNode printer) {
        ConfigNode n = raw.mapping("mobileUrlBase", "footerZh", "footerEn");
        int width = printer.key("paperWidth").get(ConfigScalar.integer(58, 80)
                .where(w -> w == 58 || w == 80, "58 or 80 (mm)"), 80);
        if (n.key("mobileUrlBase").isGiven()) {
            n.key("mobileUrlBase").error("is no longer read: the QR code opens web.publicUrl + /m/<token>;"
                    + " set web.publicUrl (for example http://192.168.1.10:8080) instead");
        }
        return new TicketSettings(width, mobileBase, n.key("footerZh").optional(NAME).orElse(null),
                n.key("footerEn").optional(NAME).orElse(null));
    }

    private CounterDevices counter(ConfigNode raw) {
        ConfigNode n = raw.requiredMapping("counter", "keypad", "satisfaction", "display");
        int counter = n.key("counter").required(ConfigScalar.integer(1, 999)).orElse(0);
        if (counter != 0 && hall.counters().stream().noneMatch(c -> c.number() == counter)) {
            n.key("counter").reject("a counter number of this hall");
        }
        KeypadPins keypad = n.key("keypad").isGiven() ? keypad(n.key("keypad"), "counter " + counter + " keypad")
                : null;
        List<PinRef> satisfaction = List.of();
        if (n.key("satisfaction").isGiven()) {
            int count = n.key("satisfaction").json().size();
            if (count != 3 && count != 4) {
                n.key("satisfaction").error("expected a list of 3 or 4 pins (unhappy to happy), got " + count);
            }
            satisfaction = pinList(n.key("satisfaction"), count, Use.IN, "counter " + counter + " rating key");
        }
        DisplayPosition display = n.key("display").isGiven()
                ? display(n.key("display"), "counter " + counter + "'s display") : null;
        return new CounterDevices(counter, keypad, satisfaction, display);
    }

    private MatrixConfig matrix(ConfigNode raw) {
        ConfigNode n = raw.mapping("bus", "chipSelect", "modules");
        SpiAddress spi = spi(n, "hall matrix");
        return new MatrixConfig(spi, n.key("modules").get(ConfigScalar.integer(1, 16), 4));
    }

    /**
     * {@code {bus, chipSelect, position}}: counter displays on one chip select are one MAX7219 daisy chain,
     * position 1 wired to the Pi.
     */
    private DisplayPosition display(ConfigNode raw, String what) {
        ConfigNode n = raw.requiredMapping("bus", "chipSelect", "position");
        DisplayPosition d = new DisplayPosition(n.key("bus").get(BUS, 0), n.key("chipSelect").required(CS).orElse(0),
                n.key("position").get(POSITION, 1));
        pins.claimDisplay(n, d, what);
        return d;
    }

    private SpiAddress spi(ConfigNode raw, String what) {
        ConfigNode n = raw.requiredMapping("bus", "chipSelect", "modules");
        SpiAddress a = new SpiAddress(n.key("bus").get(BUS, 0), n.key("chipSelect").required(CS).orElse(0));
        pins.claimSpi(n, a, what);
        return a;
    }
}
