package io.hallq.emulator.devices;

import io.hallq.controller.Await;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.HallRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** The example hall with its devices emulated, its journal in a temp folder, and no scripted traffic. */
final class HardwareHall implements AutoCloseable {

    static final Path EXAMPLE = Path.of("..", "config", "example-hall.yaml");

    final HallRuntime runtime;
    final EmulatedDevices devices;

    private HardwareHall(HallRuntime runtime, EmulatedDevices devices) {
        this.runtime = runtime;
        this.devices = devices;
    }

    /** @param edit changes to the example's YAML text, e.g. a shorter press interval */
    static HardwareHall start(Path dir, UnaryOperator<String> edit) {
        return start(dir, edit, new EmulatedDevices());
    }

    /** @param more modules started after the devices, e.g. the web server or MQTT */
    static HardwareHall start(Path dir, UnaryOperator<String> edit, EmulatedDevices devices, HallModule... more) {
        return start(dir, edit, List.of(), devices, more);
    }

    /** @param before modules started before the devices, e.g. the embedded broker and MQTT */
    static HardwareHall start(Path dir, UnaryOperator<String> edit, List<HallModule> before, EmulatedDevices devices,
                              HallModule... more) {
        try {
            String yaml = Files.readString(EXAMPLE).replace("dataDir: ../data/sh-pudong-01", "dataDir: data");
            Path file = dir.resolve("hall.yaml");
            Files.writeString(file, edit.apply(yaml));
            List<HallModule> modules = new ArrayList<>(before);
            modules.add(devices);
            modules.addAll(List.of(more));
            HallRuntime runtime = HallRuntime.start(HallConfigLoader.loadWithRoot(file), io.hallq.controller.TestHalls.runningFrom(io.hallq.controller.TestHalls.MONDAY_10AM), modules);
            return new HardwareHall(runtime, devices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void await(String what, Duration max, BooleanSupplier done) {
        Await.until(what, max, done);
    }

    /**
     * Taps the button of {@code service} and returns once the controller has read it for another 200 ms: what
     * the device thread does on reading a press (issue, or refuse) it has done by then.
     */
    void tapAndLetItAct(String service) {
        VirtualButton button = devices.button(service).orElseThrow();
        button.tap();
        button.keep(Duration.ofMillis(200));
    }

    <T> T query(java.util.function.Function<io.hallq.controller.queue.QueueView, T> q) {
        return runtime.hall().query(q).join();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
