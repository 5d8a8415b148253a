package io.hallq.controller;

import com.pi4j.Pi4J;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.device.DeviceModule;
import io.hallq.controller.device.HallDevices;
import io.hallq.controller.device.LazyBoard;
import io.hallq.controller.device.DevicesConfig.Connection;
import io.hallq.controller.device.DevicesConfig.PrinterConfig;
import io.hallq.controller.device.PrinterLink;
import io.hallq.controller.device.ReopeningPrinterLink;
import io.hallq.controller.device.pi4j.Pi4jBoard;
import io.hallq.controller.device.pi4j.StreamPrinterLink;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.ticket.NearbyHalls;
import io.hallq.controller.voice.AudioSink;
import io.hallq.controller.voice.JavaSoundSink;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.hall.MainSupport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code ./hallq controller <hall.yaml>} on the Pi: the controller with the wired devices (Pi4J: gpiod for
 * GPIO, linuxfs for SPI; the printer on its device file). Runs until stopped (SIGTERM from systemd).
 */
public final class ControllerMain {

    private ControllerMain() {}

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        if (args.length != 1) {
            System.err.println("usage: hallq controller <hall.yaml>");
            System.exit(2);
        }
        // every section is checked before anything opens: no journal, no Pi4J context, no socket yet
        LoadedConfig loaded = MainSupport.startOrExit(() -> ConfigCheck.load(Path.of(args[0]), ConfigCheck.SECTIONS));
        HallRuntime runtime = MainSupport.startOrExit(() -> HallRuntime.startChecked(loaded, Clock.systemUTC(), modules()));
        MainSupport.serve(runtime, "controller", started);
    }

    /**
     * The Pi's modules: the hall's one wiring ({@link HallWiring}) with the Pi's parts ({@link #PI}).
     */
    public static List<HallModule> modules() {
        return HallWiring.modules(PI);
    }

    /**
     * The Pi's parts: the wired devices (the Pi4J context is made only when the devices section wires something to
     * the Pi's header: {@link LazyBoard}), announcements through the default sound device, the broker and the SMS
     * centre the hall file names. Devices, MQTT and notifications stay idle without their YAML section; voice and
     * web run with their defaults (web on 127.0.0.1:8080) unless switched off.
     */
    static final HallWiring.Parts PI = new HallWiring.Parts() {
        @Override
        public HallDevices devices(NearbyHalls nearby) {
            return new DeviceModule(new LazyBoard(() -> new Pi4jBoard(Pi4J.newAutoContext(), true)),
                    ControllerMain::printerLink, nearby);
        }

        @Override
        public Supplier<AudioSink> sound() {
            return JavaSoundSink::new;
        }
    };

    /** Opened lazily and reopened after a failure: a printer that is off at boot is an alarm, not a crash. */
    static PrinterLink printerLink(PrinterConfig p) {
        return new ReopeningPrinterLink(() -> p.connection() == Connection.USB
                ? StreamPrinterLink.usb(Path.of(p.device()))
                : StreamPrinterLink.serial(Path.of(p.device()), p.baud()), Duration.ofSeconds(2));
    }
}
