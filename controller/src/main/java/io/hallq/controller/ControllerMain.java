package io.hallq.controller;

import com.pi4j.Pi4J;
import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.device.DeviceModule;
import io.hallq.controller.device.DevicesConfig.Connection;
import io.hallq.controller.device.DevicesConfig.PrinterConfig;
import io.hallq.controller.device.PrinterLink;
import io.hallq.controller.device.ReopeningPrinterLink;
import io.hallq.controller.device.pi4j.Pi4jBoard;
import io.hallq.controller.device.pi4j.StreamPrinterLink;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.HallRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./hallq controller <hall.yaml>} on the Pi: the controller with the wired devices (Pi4J: gpiod for
 * GPIO, linuxfs for SPI; the printer on its device file). Runs until stopped (SIGTERM from systemd).
 */
public final class ControllerMain {

    private ControllerMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: hallq controller <hall.yaml>");
            System.exit(2);
        }
        HallRuntime runtime;
        try {
            LoadedConfig loaded = HallConfigLoader.loadWithRoot(Path.of(args[0]));
            runtime = HallRuntime.start(loaded, Clock.systemUTC(), modules());
        } catch (ConfigException e) {
            System.err.println("hallq: the hall configuration has errors:\n" + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "controller-shutdown"));
        stopped.await();
    }

    /** The Pi's modules; the voice, MQTT and web modules join this list as they arrive. */
    static List<HallModule> modules() {
        return List.of(new DeviceModule(new Pi4jBoard(Pi4J.newAutoContext(), true), ControllerMain::printerLink));
    }

    /** Opened lazily and reopened after a failure: a printer that is off at boot is an alarm, not a crash. */
    static PrinterLink printerLink(PrinterConfig p) {
        return new ReopeningPrinterLink(() -> p.connection() == Connection.USB
                ? StreamPrinterLink.usb(Path.of(p.device()))
                : StreamPrinterLink.serial(Path.of(p.device()), p.baud()), Duration.ofSeconds(2));
    }
}
