package io.hallq.controller.device;

import io.hallq.controller.config.SectionReader;
import io.hallq.controller.device.DevicesConfig.*;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.ticket.NearbyHalls;
import io.hallq.controller.ticket.TicketLayout;
import io.hallq.protocol.event.HallEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.tinylog.Logger;

/**
 * The hall's wired devices as one module: dispenser, printer, counter keypads and displays, hall matrix,
 * amplifier switch. Reads {@code devices} from the config. Inputs are sampled every {@link #SCAN_PERIOD} on
 * one device thread, which also owns the LED displays; events reach it from the controller's effects thread
 * by hand-over only.
 */
public final class DeviceModule implements HallDevices {

    public static final Duration SCAN_PERIOD = Duration.ofMillis(2);
    static final Duration STATUS_ANSWER_TIMEOUT = Duration.ofMillis(150);

    private final GpioBoard board;
    private final Function<PrinterConfig, PrinterLink> printerLinks;
    private final LongSupplier clockMs;
    private final NearbyHalls nearby;
    private final Loop thread;
    private final List<CounterKeys> counterKeys = new ArrayList<>();
    private final List<CounterDisplay> displays = new ArrayList<>();
    private Dispenser dispenser;
    private PrintQueue printing;
    private PrinterLink link;
    private HallMatrix matrix;
    private AmplifierSwitch amplifier;
    private DeviceAlarms alarms;
    private DevicePins pins;
    private volatile PhoneKeeper phoneKeeper = PhoneKeeper.NONE;
    private volatile CentralLookup central = CentralLookup.NONE;

    /**
     * @param printerLinks opens the printer's link from its config (a device file on the Pi, the virtual
     *                     printer in the emulator)
     */
    public DeviceModule(GpioBoard board, Function<PrinterConfig, PrinterLink> printerLinks) {
        this(board, printerLinks, NearbyHalls.NONE);
    }

    /**
     * @param nearby nearby halls with shorter waits, printed on the tickets (e.g. the MQTT module's neighbour
     *               advice)
     */
    public DeviceModule(GpioBoard board, Function<PrinterConfig, PrinterLink> printerLinks, NearbyHalls nearby) {
        this(board, printerLinks, nearby, () -> System.nanoTime() / 1_000_000);
    }

    DeviceModule(GpioBoard board, Function<PrinterConfig, PrinterLink> printerLinks, LongSupplier clockMs) {
        this(board, printerLinks, NearbyHalls.NONE, clockMs);
    }

    DeviceModule(GpioBoard board, Function<PrinterConfig, PrinterLink> printerLinks, NearbyHalls nearby,
                 LongSupplier clockMs) {
        this(board, printerLinks, nearby, clockMs, Loop.thread("hallq-devices"));
    }

    /** @param loop the device thread: tests pass one they run by hand on their clock */
    DeviceModule(GpioBoard board, Function<PrinterConfig, PrinterLink> printerLinks, NearbyHalls nearby,
                 LongSupplier clockMs, Loop loop) {
        this.thread = loop;
        this.board = board;
        this.printerLinks = printerLinks;
        this.nearby = nearby;
        this.clockMs = clockMs;
    }

    /** The {@code devices} section's reader, run by the configuration check before anything opens. */
    public static final SectionReader SECTION = SectionReader.of("devices", DevicesReader::read);

    @Override
    public String name() {
        return "devices";
    }

    /** Where the dispenser asks central for a typed number's class (the MQTT module's lookup); set before start. */
    @Override
    public DeviceModule lookUpCentrallyWith(CentralLookup lookup) {
        this.central = lookup;
        return this;
    }

    /** Where the dispenser hands typed numbers for SMS reminders (the notification module); set before start. */
    @Override
    public DeviceModule keepPhonesWith(PhoneKeeper keeper) {
        this.phoneKeeper = keeper;
        return this;
    }

    @Override
    public Optional<SectionReader> section() {
        return Optional.of(SECTION);
    }

    @Override
    public void start(HallContext context) {
        DevicesConfig cfg = DevicesReader.read(context.loaded());
        HallController hall = context.hall();
        alarms = new DeviceAlarms(hall);
        alarms.resume(hall.query(s -> List.copyOf(s.alarms().values())).join());
        pins = new DevicePins(board, cfg.expanders(), DevicePins.alarmsOf(alarms));
        if (cfg.printer() != null) {
            link = printerLinks.apply(cfg.printer());
            printing = new PrintQueue(new TicketPrinter(link, STATUS_ANSWER_TIMEOUT),
                    new TicketLayout(hall.config(), cfg.ticket(), nearby, token -> phoneKeeper.ticketNote(token)),
                    alarms, cfg.printer().nearEnd());
        }
        if (cfg.dispenser() != null) {
            startDispenser(hall, cfg);
        }
        Map<SpiAddress, Max7219Chain> chains = new LinkedHashMap<>();
        for (CounterDevices c : cfg.counters()) {
            startCounter(hall, cfg, c, chains);
        }
        if (cfg.hallMatrix() != null) {
            matrix = new HallMatrix(new Max7219Chain(spi(cfg.hallMatrix().spi()), cfg.hallMatrix().modules()));
            matrix.start();
        }
        if (cfg.amplifierPin() != null) {
            // The voice module switches it from its own thread. A Pi GPIO is set at once (a failure reaches the
            // voice module as before); an expander pin belongs to the device thread, so the change is handed over.
            OutputPin enable = pins.output(cfg.amplifierPin());
            amplifier = new io.hallq.controller.device.pi4j.Pi4jAmplifierSwitch(cfg.amplifierPin().onExpander()
                    ? high -> thread.execute(() -> enable.set(high)) : enable);
        }
        if (printing == null && dispenser == null && counterKeys.isEmpty() && displays.isEmpty() && matrix == null
                && amplifier == null && cfg.expanders().isEmpty()) {
            // Nothing configured: no device thread at all (it would wake 500 times a second for nothing), and no
            // device of ours will ever report a fault from before the start again.
            alarms.settle();
            Logger.info("Devices: none configured");
            return;
        }
        long now = clockMs.getAsLong();
        thread.execute(() -> pins.start(now)); // the device thread owns the expanders from here on
        if (printing != null) {
            printing.start(cfg.printer().statusInterval());
        }
        hall.addListener(this::onEvents);
        if (dispenser != null || !counterKeys.isEmpty() || !displays.isEmpty() || matrix != null
                || !cfg.expanders().isEmpty()) {
            thread.every(SCAN_PERIOD, this::scan); // only what is sampled or blinks needs the scan
        }
        thread.after(settleAfter(cfg), alarms::settle);
        Logger.info("Devices: {} expanders, dispenser {}, printer {}, {} counters ({} display chains), hall matrix {},"
                + " amplifier {}", cfg.expanders().size(), cfg.dispenser() != null, cfg.printer() != null,
                cfg.counters().size(), chains.size(), matrix != null, amplifier != null);
    }

    /**
     * How long after the start a fault from before it must have been seen again: a stuck key shows after
     * {@code stuckAfter}, a printer fault at its second status poll.
     */
    static Duration settleAfter(DevicesConfig cfg) {
        Duration poll = cfg.printer() == null ? Duration.ZERO
                : cfg.printer().statusInterval().multipliedBy(2);
        Duration longer = cfg.timing().stuckAfter().compareTo(poll) > 0 ? cfg.timing().stuckAfter() : poll;
        return longer.plusSeconds(1);
    }

    /**
     * Whether the faults journaled before the start have been settled ({@link #settleAfter} after the start):
     * each one seen again stays, the others were cleared (submitted to the hall by then).
     */
    public boolean settled() {
        return alarms != null && alarms.settled();
    }

    private void startDispenser(HallController hall, DevicesConfig cfg) {
        DispenserConfig d = cfg.dispenser(); // the reader made sure a printer is configured with it
        List<Dispenser.Button> buttons = d.buttons().stream().map(b -> new Dispenser.Button(b.service(),
                pins.input(b.pin()), pins.output(b.ledPin()), new KeyDebouncer(cfg.timing()))).toList();
        // Digits repeat in a phone number (1381..., 139000...): the per-key press interval, which keeps a customer
        // hammering a service button from taking many tickets, would drop every repeat typed within it and leave a
        // number too short to attach. The phone keypad keeps the debounce and the stuck-key alarm, not the interval.
        InputTiming typing = new InputTiming(cfg.timing().debounce(), cfg.timing().stuckAfter(), Duration.ZERO);
        MatrixKeypad keypad = d.phoneKeypad() == null ? null : keypad(d.phoneKeypad(), typing);
        dispenser = new Dispenser(hall, buttons, keypad, new PhoneEntry(d.phoneTimeout()), PhoneLookup.of(d.phones()),
                alarms, printing, cfg.printer().nearEnd());
        dispenser.onNotice(n -> Logger.info("Dispenser notice: {}", n == null ? "(cleared)" : n));
        dispenser.keepPhonesWith(phoneKeeper);
        dispenser.lookUpCentrallyWith(central);
        dispenser.start();
        printing.onStatus(dispenser::printerStatus);
    }

    private void startCounter(HallController hall, DevicesConfig cfg, CounterDevices c,
                              Map<SpiAddress, Max7219Chain> chains) {
        MatrixKeypad keypad = c.keypad() == null ? null : keypad(c.keypad(), cfg.timing());
        if (keypad != null || !c.satisfaction().isEmpty()) {
            counterKeys.add(new CounterKeys(c.counter(), hall, keypad,
                    c.satisfaction().stream().map(pins::input).toList(), cfg.timing(), alarms));
        }
        if (c.display() != null) {
            // Counter displays on one chip select are one daisy chain, initialised once.
            Max7219Chain chain = chains.computeIfAbsent(c.display().spi(), a -> {
                Max7219Chain created = new Max7219Chain(spi(a), cfg.displayChainLength(a));
                created.init(8);
                return created;
            });
            displays.add(new CounterDisplay(c.counter(), chain, c.display().position() - 1));
        }
    }

    private MatrixKeypad keypad(KeypadPins keypad, InputTiming timing) {
        return new MatrixKeypad(keypad.rows().stream().map(pins::output).toList(),
                keypad.columns().stream().map(pins::input).toList(), MatrixKeypad.PHONE_LAYOUT, timing);
    }

    private SpiBus spi(SpiAddress a) {
        return board.spi(a.bus(), a.chipSelect());
    }

    private void onEvents(List<JournaledEvent> events) {
        thread.execute(() -> events.forEach(e -> on(e.event())));
    }

    private void on(HallEvent e) {
        long now = clockMs.getAsLong();
        if (e instanceof HallEvent.DayStarted) {
            alarms.dayStarted();
        }
        if (dispenser != null) {
            dispenser.on(e);
        }
        displays.forEach(d -> d.on(e, now));
        if (matrix != null) {
            matrix.on(e);
        }
    }

    private void scan() {
        try {
            long now = clockMs.getAsLong();
            pins.poll(now);
            if (dispenser != null) {
                dispenser.scan(now);
            }
            counterKeys.forEach(k -> k.scan(now));
            displays.forEach(d -> d.tick(now));
            if (matrix != null) {
                matrix.tick(now);
            }
        } catch (RuntimeException e) {
            Logger.error(e, "Device scan failed");
        }
    }

    /**
     * The device thread: hand-overs, the scan period and one-off delays. {@link #thread} is the real one; tests
     * run one by hand on their own clock.
     */
    interface Loop extends AutoCloseable {
        void execute(Runnable task);

        void every(Duration period, Runnable task);

        void after(Duration delay, Runnable task);

        @Override
        void close();

        static Loop thread(String name) {
            ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().daemon().name(name).unstarted(r));
            return new Loop() {
                @Override
                public void execute(Runnable task) {
                    ex.execute(task);
                }

                @Override
                public void every(Duration period, Runnable task) {
                    ex.scheduleAtFixedRate(task, 0, period.toNanos(), TimeUnit.NANOSECONDS);
                }

                @Override
                public void after(Duration delay, Runnable task) {
                    ex.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                }

                @Override
                public void close() {
                    ex.shutdownNow();
                    try {
                        ex.awaitTermination(2, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }
    }

    /** The amplifier enable output, when one is configured (for the voice module). */
    @Override
    public Optional<AmplifierSwitch> amplifier() {
        return Optional.ofNullable(amplifier);
    }

    @Override
    public void close() {
        thread.close();
        if (printing != null) {
            printing.close();
        }
        if (link != null) {
            link.close();
        }
        board.close();
    }
}
