package io.hallq.emulator.privacy;

import io.hallq.controller.Await;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.controller.queue.Command;
import io.hallq.controller.sync.MqttModule;
import io.hallq.controller.web.NotifyRoutes;
import io.hallq.controller.web.WebModule;
import io.hallq.emulator.broker.EmbeddedBrokerModule;
import io.hallq.emulator.central.LookupResponder;
import io.hallq.emulator.devices.EmulatedDevices;
import io.hallq.emulator.sms.SmsTwinRoutes;
import io.hallq.emulator.sms.VirtualSmsCentre;
import io.hallq.emulator.twin.TwinRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.tinylog.Logger;

/**
 * The run whose log {@link LogPrivacyIT} reads, in a JVM of its own (its TinyLog writes every line, debug
 * included, to the file the test names): the example hall with the emulated dispenser, the embedded broker,
 * central's lookup responder, the notification module and the virtual SMS centre, and the web server. Numbers are
 * typed at the dispenser (one central knows, one on the local list, one nobody knows), one is given on the mobile
 * page, one is refused there, a printer fault alerts the duty manager, and every reminder and alert is delivered.
 * Prints DONE and exits 0, or exits 1 with the reason.
 *
 * <p>Arguments: the folder to run in, then the numbers: central's VIP, the local list's, the unknown one, the
 * mobile page's, the refused one, the canary (logged in clear on purpose, so the test knows the file holds this
 * run's lines).
 */
public final class LogPrivacyWorkload {

    static final String KEY = "6f1c9e2a7b3d4f5e8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private LogPrivacyWorkload() {}

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), args[1], args[2], args[3], args[4], args[5], args[6]);
            System.out.println("DONE");
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(Path dir, String centralVip, String listed, String unknown, String mobile,
                            String refused, String canary) throws Exception {
        Path key = dir.resolve("lookup.key");
        Files.writeString(key, KEY + "\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String yaml = Files.readString(Path.of("..", "config", "example-hall.yaml"))
                .replace("dataDir: ../data/sh-pudong-01", "dataDir: data")
                .replace("\n  port: 8080", "\n  port: 0")
                .replace("tcp://127.0.0.1:18830", "tcp://127.0.0.1:" + port)
                .replace("  keepAlive: 30s\n", "  keepAlive: 30s\n  lookup: { keyFile: lookup.key, timeout: 5s }\n");
        Path file = dir.resolve("hall.yaml");
        Files.writeString(file, yaml);

        EmbeddedBrokerModule broker = new EmbeddedBrokerModule();
        MqttModule mqtt = new MqttModule(broker::uri);
        EmulatedDevices devices = new EmulatedDevices();
        VirtualSmsCentre sms = new VirtualSmsCentre();
        NotifyModule notify = new NotifyModule(sms::redirect, null);
        devices.keepPhonesWith(notify.phoneKeeper());
        devices.lookUpCentrallyWith(mqtt.centralLookup());
        WebModule web = new WebModule(List.of(new TwinRoutes(devices, dir.resolve("announcements")),
                new NotifyRoutes(notify), new SmsTwinRoutes(sms, notify)), true);
        try (HallRuntime rt = HallRuntime.start(HallConfigLoader.loadWithRoot(file),
                TestHalls.runningFrom(TestHalls.MONDAY_10AM),
                List.<HallModule>of(broker, mqtt, devices, sms, notify, web));
             LookupResponder central = LookupResponder.start(broker.uri().orElseThrow().toString(), null, null,
                     KEY.getBytes(StandardCharsets.UTF_8), Map.of(centralVip, "VIP"), Duration.ZERO)) {
            await("MQTT connected", mqtt::connected);
            var dispenser = devices.dispenser().orElseThrow();
            dispenser.visit(centralVip, "PLAN");
            dispenser.visit(listed, "PAY");
            dispenser.visit(unknown, "BILL");
            dispenser.visit(null, "OPEN");
            await("4 printed tickets", () -> devices.printer().tickets().size() == 4);
            if (central.requests() < 3) {
                throw new AssertionError("central was asked " + central.requests() + " times, expected 3");
            }
            String openToken = rt.hall().query(s -> s.liveTickets().stream().filter(t -> t.service().equals("OPEN"))
                    .findFirst().orElseThrow().token()).join();

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + web.port();
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "/m/" + openToken
                    + "/reminders")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + refused + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (bad.statusCode() != 400) {
                throw new AssertionError("the refused number got " + bad.statusCode() + " " + bad.body());
            }
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(base + "/m/" + openToken
                    + "/reminders")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + mobile + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (ok.statusCode() != 200) {
                throw new AssertionError("the mobile page's opt-in got " + ok.statusCode() + " " + ok.body());
            }

            devices.printer().paperOut(true); // the duty manager's alert
            rt.hall().submit(new Command.CallNext(3)).join(); // the queue moves: reminders are looked at again
            await("reminders to every customer who left a number, and the duty manager's alert", () -> {
                Map<String, List<VirtualSmsCentre.Message>> inboxes = sms.inboxes();
                return inboxes.containsKey(centralVip) && inboxes.containsKey(listed) && inboxes.containsKey(unknown)
                        && inboxes.containsKey(mobile) && inboxes.containsKey("13900000001");
            });
            Logger.info("Log privacy canary: {}", canary);
        }
    }

    private static void await(String what, BooleanSupplier done) {
        Await.until(what, WAIT, done);
    }
}
