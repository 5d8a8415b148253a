package io.hallq.emulator.web;

import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.web.WebModule;
import io.hallq.emulator.devices.EmulatedDevices;
import io.hallq.emulator.twin.TwinRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The example hall with its devices emulated and its web server (with the twin) on a free loopback port;
 * no scripted traffic, so only the test acts. Demo logins of the example config: staff/staff-demo,
 * manager/manager-demo.
 */
final class TwinHall implements AutoCloseable {

    final HallRuntime runtime;
    final EmulatedDevices devices = new EmulatedDevices();
    final WebModule web;

    TwinHall(Path dir) {
        try {
            String yaml = Files.readString(Path.of("..", "config", "example-hall.yaml"))
                    .replace("dataDir: ../data/sh-pudong-01", "dataDir: data")
                    .replace("\n  port: 8080", "\n  port: 0");
            Path file = dir.resolve("hall.yaml");
            Files.writeString(file, yaml);
            web = new WebModule(List.of(new TwinRoutes(devices, dir.resolve("data").resolve("announcements"))), true); // the emulator: demo users allowed
            runtime = HallRuntime.start(HallConfigLoader.loadWithRoot(file), io.hallq.controller.TestHalls.runningFrom(io.hallq.controller.TestHalls.MONDAY_10AM),
                    List.<HallModule>of(devices, web));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    @Override
    public void close() {
        runtime.close();
    }
}
