package io.hallq.emulator.devices;

import io.hallq.controller.device.DeviceModule;
import io.hallq.controller.device.DevicePins;
import io.hallq.controller.device.DevicesConfig;
import io.hallq.controller.device.DevicesConfig.CounterDevices;
import io.hallq.controller.device.DevicesConfig.ExpanderConfig;
import io.hallq.controller.device.DevicesConfig.SpiAddress;
import io.hallq.controller.device.DevicesReader;
import io.hallq.controller.device.PinRef;
import io.hallq.controller.device.PrinterLink;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.ticket.NearbyHalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.tinylog.Logger;

/**
 * The hall's devices with nothing wired: the controller's own {@link DeviceModule} runs unchanged on a
 * {@link VirtualBoard}, which implements the controller's own ports (GPIO lines with pull-ups and keypad
 * wiring, SPI chip selects with virtual MAX7219 chains, an I2C bus with virtual MCP23017 expanders). The
 * printer is the virtual ESC/POS printer behind the controller's {@link PrinterLink} port. Nothing here
 * depends on Pi4J.
 *
 * <p>Every part can sit on a Pi GPIO or an expander pin, as the config says: a button's contact, a keypad's
 * rows and columns, a light or the amplifier enable.
 *
 * <p>Public API for tests and the digital twin: {@link #button}, {@link #phoneKeypad}, {@link #counterKeypad},
 * {@link #ratingKey}, {@link #printer}, {@link #counterDisplay}, {@link #hallMatrix}, {@link #amplifierOn}.
 * Printed tickets go to the log as text and the last one to {@code <dataDir>/last-ticket.png}.
 */
public final class EmulatedDevices implements io.hallq.controller.device.HallDevices {

    private io.hallq.controller.device.PhoneKeeper phoneKeeper = io.hallq.controller.device.PhoneKeeper.NONE;
    private io.hallq.controller.device.CentralLookup central = io.hallq.controller.device.CentralLookup.NONE;
    private final UnaryOperator<PrinterLink> linkWrapper;
    private final NearbyHalls nearby;
    private final VirtualPrinter printer = new VirtualPrinter();
    private final VirtualBoard board = new VirtualBoard();
    private final Map<Integer, VirtualMcp23017> expanders = new LinkedHashMap<>();
    private final Map<Integer, Integer> interruptLines = new java.util.HashMap<>();
    private final Map<String, VirtualButton> buttons = new LinkedHashMap<>();
    private final Map<Integer, VirtualKeypad> counterKeypads = new LinkedHashMap<>();
    private final Map<Integer, List<VirtualButton>> ratingKeys = new LinkedHashMap<>();
    private final Map<Integer, VirtualMax7219.Position> counterDisplays = new LinkedHashMap<>();
    private final Map<SpiAddress, VirtualMax7219> displayChains = new LinkedHashMap<>();
    private VirtualKeypad phoneKeypad;
    private VirtualDispenser dispenser;
    private VirtualMax7219 hallMatrix;
    private BooleanSupplier amplifier;
    private volatile DeviceModule module;
    private final Map<Integer, String> shownDigits = new java.util.HashMap<>();
    private long ledTicks;
    private final java.util.concurrent.ScheduledExecutorService ledLog =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().daemon().name("emulated-led-log").unstarted(r));
    private Path lastPng;

    public EmulatedDevices() {
        this(UnaryOperator.identity());
    }

    /** @param linkWrapper wraps the printer link the controller gets (the benchmark times bytes with it) */
    public EmulatedDevices(UnaryOperator<PrinterLink> linkWrapper) {
        this(linkWrapper, NearbyHalls.NONE);
    }

    /** @param nearby nearby halls with shorter waits for the tickets, e.g. the MQTT module's neighbour advice */
    public EmulatedDevices(UnaryOperator<PrinterLink> linkWrapper, NearbyHalls nearby) {
        this.linkWrapper = linkWrapper;
        this.nearby = nearby;
    }

    @Override
    public String name() {
        return "emulated-devices";
    }

    @Override
    public void start(HallContext context) {
        DevicesConfig cfg = DevicesReader.read(context.loaded());
        printer.paperWidth(cfg.ticket().paperWidthMm());
        cfg.counters().stream().filter(c -> c.display() != null).forEach(c -> {
            VirtualMax7219 chain = displayChains.computeIfAbsent(c.display().spi(), a ->
                    board.attachSpi(a.bus(), a.chipSelect(), cfg.displayChainLength(a)));
            counterDisplays.put(c.counter(), chain.position(c.display().position() - 1));
        });
        if (cfg.hallMatrix() != null) {
            hallMatrix = board.attachSpi(cfg.hallMatrix().spi().bus(), cfg.hallMatrix().spi().chipSelect(),
                    cfg.hallMatrix().modules());
        }
        Map<Integer, List<VirtualMcp23017>> sharing = new LinkedHashMap<>();
        for (ExpanderConfig e : cfg.expanders()) {
            VirtualMcp23017 chip = board.attachExpander(DevicePins.I2C_BUS, e.address());
            expanders.put(e.address(), chip);
            if (e.interruptPin() >= 0) {
                sharing.computeIfAbsent(e.interruptPin(), p -> new java.util.ArrayList<>()).add(chip);
                interruptLines.put(e.address(), e.interruptPin());
            }
        }
        sharing.forEach(board::wireInterrupt);
        lastPng = Path.of(context.hall().config().journal().dataDir()).resolve("last-ticket.png");
        // Rendering and logging leave the printer thread at once, as a real printer does not wait for them.
        printer.onTicket(t -> Thread.ofVirtual().start(() -> printed(t)));
        module = new DeviceModule(board, p -> linkWrapper.apply(printer), nearby)
                .keepPhonesWith(phoneKeeper).lookUpCentrallyWith(central);
        module.start(context);
        wire(cfg);
        awaitFirstScan();
        ledLog.scheduleWithFixedDelay(this::logLeds, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** The LED contents in the log: a counter display when it changes, the hall board every half minute. */
    private void logLeds() {
        counterDisplays.forEach((counter, d) -> {
            String shown = d.digits();
            if (!shown.equals(shownDigits.put(counter, shown))) {
                Logger.info("窗口屏 Counter {} display [{}]", counter, shown);
            }
        });
        if (hallMatrix != null && ++ledTicks % 30 == 0) {
            Logger.info("大厅屏 Hall board now:\n{}", hallMatrix.pixelText());
        }
    }

    /**
     * The controller takes the level it first reads as the idle level (a key held at start is not a press),
     * so a press made before the first scan would be lost: start returns once every button was read.
     */
    private void awaitFirstScan() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        for (VirtualButton b : buttons.values()) {
            while (!b.sampled() && System.nanoTime() < deadline) {
                VirtualButton.sleep(java.time.Duration.ofMillis(1));
            }
        }
    }

    private void wire(DevicesConfig cfg) {
        if (cfg.dispenser() != null) {
            cfg.dispenser().buttons().forEach(b -> buttons.put(b.service(),
                    new VirtualButton(b.service(), contact(b.pin()), level(b.ledPin()), lastRead(b.pin()))));
            if (cfg.dispenser().phoneKeypad() != null) {
                phoneKeypad = keypad(cfg.dispenser().phoneKeypad());
            }
            dispenser = new VirtualDispenser(this, cfg.dispenser().phoneTimeout());
        }
        for (CounterDevices c : cfg.counters()) {
            if (c.keypad() != null) {
                counterKeypads.put(c.counter(), keypad(c.keypad()));
            }
            ratingKeys.put(c.counter(), c.satisfaction().stream()
                    .map(pin -> new VirtualButton("rating", contact(pin), null, lastRead(pin))).toList());
        }
        if (cfg.amplifierPin() != null) {
            amplifier = level(cfg.amplifierPin());
        }
    }

    private VirtualKeypad keypad(DevicesConfig.KeypadPins pins) {
        return new VirtualKeypad(pins.rows().stream().map(this::level).toList(),
                pins.columns().stream().map(this::wire).toList(), lastRead(pins.columns().get(0)), board::settle);
    }

    /** A contact from the pin to ground (a button). */
    private VirtualButton.Contact contact(PinRef pin) {
        if (pin.onExpander()) {
            VirtualMcp23017 chip = expanders.get(pin.expander());
            return closed -> chip.ground(pin.pin(), closed);
        }
        VirtualLine line = board.line(pin.pin());
        return line::ground;
    }

    /** What an output drives. */
    private BooleanSupplier level(PinRef pin) {
        if (pin.onExpander()) {
            VirtualMcp23017 chip = expanders.get(pin.expander());
            return () -> chip.outputHigh(pin.pin());
        }
        VirtualLine line = board.line(pin.pin());
        return line::high;
    }

    /** Makes an input follow a level (a keypad column). */
    private Consumer<Supplier<Boolean>> wire(PinRef pin) {
        if (pin.onExpander()) {
            VirtualMcp23017 chip = expanders.get(pin.expander());
            return level -> chip.wire(pin.pin(), level);
        }
        VirtualLine line = board.line(pin.pin());
        return line::wire;
    }

    /**
     * When the controller last looked at an input: a Pi GPIO's last read; for an expander pin its INT line's
     * last read (it is read every scan, the chip only when INT is active) or, with no INT wired, the chip's
     * last GPIO read.
     */
    private LongSupplier lastRead(PinRef pin) {
        if (!pin.onExpander()) {
            return board.line(pin.pin())::lastRead;
        }
        VirtualMcp23017 chip = expanders.get(pin.expander());
        Integer interrupt = interruptLines.get(pin.expander());
        if (interrupt == null) {
            return chip::lastGpioRead;
        }
        VirtualLine line = board.line(interrupt);
        return () -> Math.max(line.lastRead(), chip.lastGpioRead());
    }

    private final Object pngLock = new Object();
    private boolean closed;

    private void printed(PrintedTicket t) {
        Logger.info("打印 Printed ticket:\n{}", t.render());
        synchronized (pngLock) { // no file is written once close() has returned: its folder may be deleted
            if (!closed) {
                writePng(t);
            }
        }
    }

    /** Written aside and renamed, so the twin page or a test never reads half a picture. */
    private void writePng(PrintedTicket t) {
        try {
            Files.createDirectories(lastPng.getParent());
            Path temp = lastPng.resolveSibling(lastPng.getFileName() + ".tmp");
            Files.write(temp, TicketImage.png(t));
            Files.move(temp, lastPng, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Logger.warn("Cannot write {}: {}", lastPng, e.getMessage());
        }
    }

    /** The dispenser button of a service, if the config fits one. */
    public Optional<VirtualButton> button(String service) {
        return Optional.ofNullable(buttons.get(service));
    }

    /**
     * The dispenser taken in turns: scripted customers and the twin page's customer wait for each other, as people
     * at one dispenser do (empty without a dispenser in the config).
     */
    public Optional<VirtualDispenser> dispenser() {
        return Optional.ofNullable(dispenser);
    }

    public Optional<VirtualKeypad> phoneKeypad() {
        return Optional.ofNullable(phoneKeypad);
    }

    public Optional<VirtualKeypad> counterKeypad(int counter) {
        return Optional.ofNullable(counterKeypads.get(counter));
    }

    /** The satisfaction key for {@code rating} (1 = unhappy) at a counter. */
    public Optional<VirtualButton> ratingKey(int counter, int rating) {
        List<VirtualButton> keys = ratingKeys.getOrDefault(counter, List.of());
        return rating >= 1 && rating <= keys.size() ? Optional.of(keys.get(rating - 1)) : Optional.empty();
    }

    public VirtualPrinter printer() {
        return printer;
    }

    /** A counter's display: its position in the counter displays' chain. */
    public Optional<VirtualMax7219.Position> counterDisplay(int counter) {
        return Optional.ofNullable(counterDisplays.get(counter));
    }

    /** The MCP23017 at {@code address}, if the config lists one. */
    public Optional<VirtualMcp23017> expander(int address) {
        return Optional.ofNullable(expanders.get(address));
    }

    /** The board the controller runs on (tests reach single lines and chains through it). */
    public VirtualBoard board() {
        return board;
    }

    public Optional<VirtualMax7219> hallMatrix() {
        return Optional.ofNullable(hallMatrix);
    }

    /** The amplifier enable line is high; false when none is configured. */
    public boolean amplifierOn() {
        return amplifier != null && amplifier.getAsBoolean();
    }

    /** Where the dispenser asks central for a typed number's class (the MQTT module's lookup); before start. */
    @Override
    public EmulatedDevices lookUpCentrallyWith(io.hallq.controller.device.CentralLookup lookup) {
        this.central = lookup;
        return this;
    }

    /** Where the dispenser hands typed numbers for SMS reminders (the notification module); before start. */
    @Override
    public EmulatedDevices keepPhonesWith(io.hallq.controller.device.PhoneKeeper keeper) {
        this.phoneKeeper = keeper;
        return this;
    }

    /** The controller's amplifier switch, once started (the voice module asks at each announcement). */
    @Override
    public Optional<io.hallq.controller.device.AmplifierSwitch> amplifier() {
        DeviceModule m = module;
        return m == null ? Optional.empty() : m.amplifier();
    }

    /** The controller's device module, e.g. for its amplifier switch. */
    public DeviceModule module() {
        return module;
    }

    /** The PNG of the last printed ticket. */
    public Path lastTicketPng() {
        return lastPng;
    }

    @Override
    public void close() {
        synchronized (pngLock) {
            closed = true;
        }
        ledLog.shutdownNow();
        if (dispenser != null) {
            dispenser.close();
        }
        if (module != null) {
            module.close();
        }
    }
}
