package io.hallq.emulator.devices;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.hallq.controller.device.DeviceModule;
import io.hallq.controller.device.DevicesConfig;
import io.hallq.controller.device.DevicesConfig.CounterDevices;
import io.hallq.controller.device.DevicesReader;
import io.hallq.controller.device.PrinterLink;
import io.hallq.controller.device.pi4j.Pi4jBoard;
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
import java.util.function.UnaryOperator;
import org.tinylog.Logger;

/**
 * The hall's devices with nothing wired: the controller's own {@link DeviceModule} and Pi4J board run
 * unchanged on a Pi4J context whose providers are virtual (GPIO: Pi4J's mock inputs extended with pull-ups
 * and keypad wiring, Pi4J's mock outputs; SPI: virtual MAX7219 chains). The printer is the virtual ESC/POS
 * printer behind the controller's {@link PrinterLink} port (serial is not a Pi4J seam here, see
 * {@link io.hallq.controller.device.pi4j.StreamPrinterLink}).
 *
 * <p>Public API for tests and the digital twin: {@link #button}, {@link #phoneKeypad}, {@link #counterKeypad},
 * {@link #ratingKey}, {@link #printer}, {@link #counterDisplay}, {@link #hallMatrix}, {@link #amplifierOn}.
 * Printed tickets go to the log as text and the last one to {@code <dataDir>/last-ticket.png}.
 */
public final class EmulatedDevices implements HallModule {

    private io.hallq.controller.device.PhoneKeeper phoneKeeper = io.hallq.controller.device.PhoneKeeper.NONE;
    private final UnaryOperator<PrinterLink> linkWrapper;
    private final NearbyHalls nearby;
    private final VirtualPrinter printer = new VirtualPrinter();
    private final VirtualSpiProvider spi = new VirtualSpiProvider();
    private final VirtualInputProvider inputs = new VirtualInputProvider();
    private final Map<String, VirtualButton> buttons = new LinkedHashMap<>();
    private final Map<Integer, VirtualKeypad> counterKeypads = new LinkedHashMap<>();
    private final Map<Integer, List<VirtualButton>> ratingKeys = new LinkedHashMap<>();
    private final Map<Integer, VirtualMax7219> counterDisplays = new LinkedHashMap<>();
    private VirtualKeypad phoneKeypad;
    private VirtualMax7219 hallMatrix;
    private VirtualOutput amplifier;
    private DeviceModule module;
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
        cfg.counters().stream().filter(c -> c.display() != null).forEach(c ->
                counterDisplays.put(c.counter(), spi.attach(c.display().bus(), c.display().chipSelect(), 1)));
        if (cfg.hallMatrix() != null) {
            hallMatrix = spi.attach(cfg.hallMatrix().spi().bus(), cfg.hallMatrix().spi().chipSelect(),
                    cfg.hallMatrix().modules());
        }
        Context pi4j = Pi4J.newContextBuilder().noAutoDetect()
                .add(inputs, MockDigitalOutputProvider.newInstance(), spi).build();
        lastPng = Path.of(context.hall().config().journal().dataDir()).resolve("last-ticket.png");
        // Rendering and logging leave the printer thread at once, as a real printer does not wait for them.
        printer.onTicket(t -> Thread.ofVirtual().start(() -> printed(t)));
        module = new DeviceModule(new Pi4jBoard(pi4j, true), p -> linkWrapper.apply(printer), nearby)
                .keepPhonesWith(phoneKeeper);
        module.start(context);
        wire(cfg, pi4j);
        awaitFirstScan();
        ledLog.scheduleWithFixedDelay(this::logLeds, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** The LED contents in the log: a counter display when it changes, the hall board every half minute. */
    private void logLeds() {
        counterDisplays.forEach((counter, d) -> {
            String shown = d.digits(0);
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

    private void wire(DevicesConfig cfg, Context pi4j) {
        if (cfg.dispenser() != null) {
            cfg.dispenser().buttons().forEach(b -> buttons.put(b.service(),
                    new VirtualButton(b.service(), inputs.input(b.pin()), new VirtualOutput(pi4j, b.ledPin()),
                            () -> inputs.lastRead(b.pin()))));
            if (cfg.dispenser().phoneKeypad() != null) {
                phoneKeypad = keypad(cfg.dispenser().phoneKeypad(), pi4j);
            }
        }
        for (CounterDevices c : cfg.counters()) {
            if (c.keypad() != null) {
                counterKeypads.put(c.counter(), keypad(c.keypad(), pi4j));
            }
            ratingKeys.put(c.counter(), c.satisfaction().stream()
                    .map(pin -> new VirtualButton("rating", inputs.input(pin), null, () -> inputs.lastRead(pin))).toList());
        }
        if (cfg.amplifierPin() >= 0) {
            amplifier = new VirtualOutput(pi4j, cfg.amplifierPin());
        }
    }

    private VirtualKeypad keypad(DevicesConfig.KeypadPins pins, Context pi4j) {
        return new VirtualKeypad(pins.rows().stream().map(p -> new VirtualOutput(pi4j, p)).toList(), pins.columns(),
                inputs);
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

    public Optional<VirtualMax7219> counterDisplay(int counter) {
        return Optional.ofNullable(counterDisplays.get(counter));
    }

    public Optional<VirtualMax7219> hallMatrix() {
        return Optional.ofNullable(hallMatrix);
    }

    /** The amplifier enable line is high; false when none is configured. */
    public boolean amplifierOn() {
        return amplifier != null && amplifier.high();
    }

    /** Where the dispenser hands typed numbers for SMS reminders (the notification module); before start. */
    public void keepPhonesWith(io.hallq.controller.device.PhoneKeeper keeper) {
        this.phoneKeeper = keeper;
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
        if (module != null) {
            module.close();
        }
    }
}
