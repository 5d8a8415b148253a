package io.hallq.emulator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallq.controller.Await;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.device.PhoneKeeper;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.web.WebModule;
import io.hallq.emulator.devices.EmulatedDevices;
import io.hallq.emulator.twin.TwinRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number typed on the twin page's phone keypad reaches the ticket the twin's customer then takes, through the
 * twin's own API as the page calls it (one POST per key, as fast as the clicks come), while a scripted customer
 * uses the same dispenser ({@link EmulatedDevices#dispenser()}, as {@code ScriptedTraffic} does).
 */
class TwinPhoneEntryIT {

    private static final String NUMBER = "13812345678";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * A scripted customer's visit blocks while it waits its turn: on a virtual thread, as ScriptedTraffic runs it
     * (on the common pool it could hold the only worker, which the HTTP client's completions also need).
     */
    private static final java.util.concurrent.Executor SCRIPTED = r -> Thread.ofVirtual().start(r);

    @TempDir
    Path dir;

    private final EmulatedDevices devices = new EmulatedDevices();
    /** token -> the clear number the dispenser handed over for it (the notification module's side). */
    private final Map<String, String> kept = new ConcurrentHashMap<>();
    // HTTP/1.1 as browsers speak it to a plain-http server (the JDK client would try an h2c upgrade first)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HallRuntime runtime;
    private WebModule web;

    @BeforeEach
    void start() throws Exception {
        String yaml = Files.readString(Path.of("..", "config", "example-hall.yaml"))
                .replace("dataDir: ../data/sh-pudong-01", "dataDir: data")
                .replace("\n  port: 8080", "\n  port: 0");
        Path file = dir.resolve("hall.yaml");
        Files.writeString(file, yaml);
        devices.keepPhonesWith((PhoneKeeper) (token, phone) -> kept.put(token, phone.digits()));
        web = new WebModule(List.of(new TwinRoutes(devices, dir.resolve("data").resolve("announcements"))), true);
        runtime = HallRuntime.start(HallConfigLoader.loadWithRoot(file),
                io.hallq.controller.TestHalls.runningFrom(io.hallq.controller.TestHalls.MONDAY_10AM),
                List.<HallModule>of(devices, web));
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private CompletableFuture<HttpResponse<String>> post(String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Clicks keys on the twin's phone keypad, one POST per key as the page sends them. A person's clicks reach the
     * server in the order made; the JDK client's parallel requests would not (each takes a connection of its own),
     * so each click here is sent once the one before was answered.
     */
    private void click(String keys) throws Exception {
        for (char k : keys.toCharArray()) {
            HttpResponse<String> answer = post("/twin/api/phone/" + java.net.URLEncoder.encode(String.valueOf(k),
                    java.nio.charset.StandardCharsets.UTF_8)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
        }
    }

    /** What the test reads of a ticket (copied on the writer: the queue's own objects stay there). */
    private record Issued(String number, String phoneMasked, String token) {}

    private Issued ticket(String service, int nth) throws Exception {
        await("ticket " + nth + " of " + service, () -> runtime.hall().query(s -> s.liveTickets().stream()
                .filter(t -> t.service().equals(service)).count() > nth).join());
        return runtime.hall().query(s -> s.liveTickets().stream().filter(t -> t.service().equals(service))
                .map(t -> new Issued(t.number(), t.phoneMasked(), t.token())).toList().get(nth)).join();
    }

    private static void await(String what, BooleanSupplier done) {
        Await.until(what, WAIT, done);
    }

    @Test
    void aNumberClickedOnTheTwinsPhoneKeypad_reachesTheTicket_repeatedDigitsIncluded() throws Exception {
        // 13812345678 repeats 1, 3 and 8 within the hall's 2 s press interval (example config)
        click(NUMBER + "#");
        HttpResponse<String> pressed = post("/twin/api/button/PAY").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, pressed.statusCode(), pressed.body());
        Issued t = ticket("PAY", 0);
        assertEquals("138****5678", t.phoneMasked());
        await("the number handed over", () -> kept.containsKey(t.token()));
        assertEquals(NUMBER, kept.get(t.token()), "every digit, in the order clicked");
    }

    @Test
    void aScriptedCustomerArrivingWhileTheTwinsCustomerTypes_waitsItsTurn_andTakesNoneOfTheNumber()
            throws Exception {
        click("138123");
        // a scripted walk-in reaches the dispenser while the twin's customer is half way through the number
        CompletableFuture<Void> scripted = CompletableFuture.runAsync(
                () -> devices.dispenser().orElseThrow().visit(null, "BILL"), SCRIPTED);
        click("45678#");
        HttpResponse<String> pressed = post("/twin/api/button/PAY").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, pressed.statusCode(), pressed.body());
        scripted.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Issued twins = ticket("PAY", 0);
        assertEquals("138****5678", twins.phoneMasked(), "the twin's customer's number on the twin's ticket");
        await("the number handed over", () -> kept.containsKey(twins.token()));
        assertEquals(NUMBER, kept.get(twins.token()));
        Issued walkIn = ticket("BILL", 0);
        assertNull(walkIn.phoneMasked(), "the scripted walk-in typed nothing and got nothing");
        assertEquals(1, kept.size(), "only the twin's customer's number was handed over: " + kept.keySet());
    }

    @Test
    void aScriptedCustomerWithANumber_typesItsOwnAfterTheTwinsCustomer_andEachTicketGetsItsOwnNumber()
            throws Exception {
        click("1381");
        CompletableFuture<Void> scripted = CompletableFuture.runAsync(
                () -> devices.dispenser().orElseThrow().visit("13700000001", "BILL"), SCRIPTED);
        click("2345678#");
        post("/twin/api/button/PAY").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        scripted.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Issued twins = ticket("PAY", 0);
        Issued scriptedTicket = ticket("BILL", 0);
        assertEquals("138****5678", twins.phoneMasked());
        assertEquals("137****0001", scriptedTicket.phoneMasked());
        await("both numbers handed over", () -> kept.size() == 2);
        assertEquals(NUMBER, kept.get(twins.token()));
        assertEquals("13700000001", kept.get(scriptedTicket.token()));
    }
}
