package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallq.controller.queue.Command;
import io.hallq.controller.web.ApiClient.Response;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #12, web side: sessions, logins, feeds, headers, customer class, rate limits, small HTTP defects. */
class WebSecurityTest {

    @TempDir
    Path data;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestsWithoutALogin_createNoSession_andGetNoCookie() throws Exception {
        try (WebTestHall hall = WebTestHall.start(data)) {
            for (String path : List.of("/api/hall", "/api/session", "/api/board", "/api/nothing", "/board/")) {
                HttpResponse<String> r = get(hall.url(path));
                assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), path + " set " + r.headers().map());
            }
            HttpResponse<String> bad = post(hall.url("/api/login"), "{\"user\":\"manager\",\"password\":\"wrong\"}");
            assertEquals(401, bad.statusCode());
            assertTrue(bad.headers().allValues("Set-Cookie").isEmpty(), "a failed login makes no session");
            HttpResponse<String> ok = post(hall.url("/api/login"),
                    "{\"user\":\"manager\",\"password\":\"" + WebTestHall.PASSWORD + "\"}");
            assertEquals(200, ok.statusCode());
            String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.startsWith(Sessions.COOKIE + "="), cookie);
            assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly") && cookie.contains("SameSite=Strict"),
                    cookie);
            assertFalse(cookie.contains("Secure"), "plain HTTP: no Secure flag (" + cookie + ")");
        }
    }

    @Test
    void everyAnswer_carriesTheSecurityHeaders() throws Exception {
        try (WebTestHall hall = WebTestHall.start(data)) {
            for (String path : List.of("/board/", "/staff/", "/m/0123456789abcdef0123456789abcdef", "/api/board",
                    "/api/hall", "/api/nothing", "/openapi.yaml", "/no-such-page")) {
                HttpResponse<String> r = get(hall.url(path));
                String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
                assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), path + ": " + csp);
                assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
                assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), path);
            }
        }
    }

    @Test
    void aThousandParallelGuesses_getOnlyTheLimitEvaluated_andTheNameLocks() throws Exception {
        try (WebTestHall hall = WebTestHall.start(data)) { // lockoutAfter: 3
            List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                guesses.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(hall.url("/api/login")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"manager\",\"password\":\"guess" + i + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> answers = guesses.stream().map(CompletableFuture::join).toList();
            long evaluated = answers.stream().filter(r -> r.statusCode() == 401).count();
            long refused = answers.stream().filter(r -> r.statusCode() == 429).count();
            assertTrue(evaluated <= 3, evaluated + " wrong guesses were hashed");
            assertEquals(1000, evaluated + refused + answers.stream().filter(r -> r.statusCode() == 429).count()
                    - refused, "every guess is answered 401 or 429");
            assertEquals(1000, evaluated + refused);
            Response right = hall.client().login("manager", WebTestHall.PASSWORD);
            assertEquals(429, right.status(), "the name is locked after the limit: " + right);
            assertEquals("LOCKED", right.text("error"));
        }
    }

    @Test
    void theGuard_countsInFlightAttempts_andBoundsItsMemory() {
        var clock = new io.hallq.controller.MutableClock(java.time.Instant.parse("2025-03-03T02:00:00Z"));
        LoginGuard guard = new LoginGuard(3, Duration.ofMinutes(10), clock, java.util.Set.of("li"));
        assertTrue(guard.begin("li").allowed());
        assertTrue(guard.begin("li").allowed());
        LoginGuard.Verdict third = guard.begin("li");
        assertFalse(third.allowed(), "two in flight is the most per name");
        assertTrue(third.busy());
        guard.failed("li");
        guard.failed("li");
        assertTrue(guard.begin("li").allowed());
        assertNotNull(guard.failed("li"), "the third failure locks");
        assertNotNull(guard.begin("li").lockedUntil());
        for (int i = 0; i < 3 * LoginGuard.MAX_OTHER_NAMES; i++) {
            String name = "x" + i;
            if (guard.begin(name).allowed()) {
                guard.failed(name);
            }
        }
        assertTrue(guard.tracked() <= LoginGuard.MAX_OTHER_NAMES + 1, guard.tracked() + " names held");
        assertNotNull(guard.begin("li").lockedUntil(), "a flood of other names does not unlock a user");
        clock.advance(Duration.ofMinutes(11));
        assertTrue(guard.begin("li").allowed());
    }

    @Test
    void aFloodOfRandomNames_doesNotHoldUpARealLogin() throws Exception {
        String slow = PasswordHash.hash("slow-pass".toCharArray(), 400_000);
        try (WebTestHall hall = WebTestHall.configured(data, root -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                root.with("web").get("users")).addObject().put("name", "duty").put("role", "MANAGER")
                .put("passwordHash", slow))) {
            List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                flood.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(hall.url("/api/login")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + UUID.randomUUID()
                                + "\",\"password\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString()));
            }
            // the first answers are refusals of a full queue: from then on the other names' pool is busy
            CompletableFuture.anyOf(flood.toArray(CompletableFuture[]::new)).join();
            Response real = hall.client().login("duty", "slow-pass");
            assertEquals(200, real.status(), real.toString());
            long stillHashing = flood.stream().filter(f -> !f.isDone()).count();
            List<HttpResponse<String>> answers = flood.stream().map(CompletableFuture::join).toList();
            assertTrue(stillHashing > 0, "the real login finished only after the whole flood: it waited behind it");
            assertTrue(answers.stream().allMatch(r -> r.statusCode() == 401 || r.statusCode() == 429), "flood answers");
            assertTrue(answers.stream().anyMatch(r -> r.statusCode() == 429 && r.body().contains("BUSY")),
                    "the other names' queue is bounded");
        }
    }

    @Test
    void logout_endsTheLoginsFeeds() throws Exception {
        try (WebTestHall hall = WebTestHall.start(data)) {
            ApiClient manager = hall.client();
            manager.login("manager");
            var events = manager.stream("/api/feed/manager");
            ApiClient.next(events);
            CompletableFuture<Void> ended = manager.streamEnd("/api/feed/counter/2");
            assertEquals(200, manager.post("/api/logout").status());
            ended.get(10, TimeUnit.SECONDS);
            assertEquals(401, manager.get("/api/hall").status());
        }
    }

    @Test
    void anExpiredSession_endsItsFeeds() throws Exception {
        try (WebTestHall hall = WebTestHall.configured(data, root -> root.with("web").put("sessionTimeout", "1h"))) {
            ApiClient manager = hall.client();
            manager.login("manager");
            CompletableFuture<Void> ended = manager.streamEnd("/api/feed/manager");
            hall.clock.advance(Duration.ofMinutes(61));
            ended.get(15, TimeUnit.SECONDS); // the sweep runs every 5 s
            assertEquals(401, manager.get("/api/hall").status());
        }
    }

    @Test
    void liveFeeds_areCappedPerPageType_andPerAddress() throws Exception {
        try (WebTestHall hall = WebTestHall.configured(data, root -> root.with("web").putObject("feeds")
                .put("board", 3).put("perAddress", 4))) {
            ApiClient c = hall.client();
            for (int i = 0; i < 3; i++) {
                var board = c.stream("/api/feed/board");
                ApiClient.next(board);
            }
            Response fourth = c.get("/api/feed/board");
            assertEquals(503, fourth.status(), fourth.toString());
            assertEquals("TOO_MANY_FEEDS", fourth.text("error"));
            String token = c.login("kiosk").status() == 200
                    ? c.post("/api/tickets", "{\"service\":\"OPEN\"}").body().path("result").path("token").asText() : null;
            var ticket = c.stream("/api/feed/ticket/" + token);
            ApiClient.next(ticket);
            Response overAddress = c.get("/api/feed/ticket/" + token);
            assertEquals(429, overAddress.status(), overAddress.toString());
            assertEquals("TOO_MANY_FEEDS", overAddress.text("error"));
        }
    }

    @Test
    void theCustomerClass_comesFromTheHallsPhoneList_neverFromTheRequest() throws Exception {
        try (WebTestHall hall = WebTestHall.configured(data, WebSecurityTest::withPhoneList)) {
            ApiClient kiosk = hall.client();
            kiosk.login("kiosk");
            hall.hall().submit(new Command.Tick()).join(); // the day has started
            long before = hall.hall().lastSequence();
            Response asked = kiosk.post("/api/tickets", "{\"service\":\"OPEN\",\"customerClass\":\"VIP\"}");
            assertEquals(400, asked.status(), asked.toString());
            assertTrue(asked.text("message").contains("customerClass"), asked.text("message"));
            assertEquals(before, hall.hall().lastSequence());
            Response vip = kiosk.post("/api/tickets", "{\"service\":\"OPEN\",\"phone\":\"13900000001\"}");
            assertEquals(200, vip.status(), vip.toString());
            Response walkIn = kiosk.post("/api/tickets", "{\"service\":\"OPEN\",\"phone\":\"13900000009\"}");
            assertEquals(200, walkIn.status());
            ApiClient manager = hall.client();
            manager.login("manager");
            JsonNode tickets = manager.getUntil("/api/tickets", t -> t.size() >= 2);
            assertEquals("VIP", byNumber(tickets, vip.body().path("result").path("ticket").asText()).path("customerClass").asText());
            assertEquals("WALKIN", byNumber(tickets, walkIn.body().path("result").path("ticket").asText())
                    .path("customerClass").asText());
        }
    }

    @Test
    void aKioskTicketsClass_comesFromCentralFirst_thenTheHallsList_asAtTheDispenser() throws Exception {
        try (WebTestHall hall = WebTestHall.configured(data, WebSecurityTest::withPhoneList)) {
            // central's answers as the MQTT module's lookup hands them over (its MQTT path: CentralLookupIT): it
            // knows a VIP the hall's list does not, and not the list's own VIP
            hall.web.lookUpCentrallyWith(phone -> java.util.concurrent.CompletableFuture.completedFuture(
                    phone.digits().equals("13800000008") ? java.util.Optional.of("VIP") : java.util.Optional.empty()));
            ApiClient kiosk = hall.client();
            kiosk.login("kiosk");
            Response central = kiosk.post("/api/tickets", "{\"service\":\"OPEN\",\"phone\":\"13800000008\"}");
            Response local = kiosk.post("/api/tickets", "{\"service\":\"OPEN\",\"phone\":\"13900000001\"}");
            Response nobody = kiosk.post("/api/tickets", "{\"service\":\"OPEN\",\"phone\":\"13900000009\"}");
            ApiClient manager = hall.client();
            manager.login("manager");
            JsonNode tickets = manager.getUntil("/api/tickets", t -> t.size() >= 3);
            for (var c : java.util.List.of(java.util.Map.entry(central, "VIP"), java.util.Map.entry(local, "VIP"),
                    java.util.Map.entry(nobody, "WALKIN"))) {
                assertEquals(200, c.getKey().status(), c.getKey().toString());
                assertEquals(c.getValue(), byNumber(tickets, c.getKey().body().path("result").path("ticket").asText())
                        .path("customerClass").asText());
            }
        }
    }

    private static JsonNode byNumber(JsonNode tickets, String number) {
        for (JsonNode t : tickets) {
            if (t.path("number").asText().equals(number)) {
                return t;
            }
        }
        throw new AssertionError("no ticket " + number + " in " + tickets);
    }

    static void withPhoneList(ObjectNode root) {
        ObjectNode devices = root.putObject("devices");
        ObjectNode dispenser = devices.putObject("dispenser");
        dispenser.putArray("buttons").addObject().put("service", "OPEN").put("pin", 5).put("led", 6);
        dispenser.putObject("phones").put("13900000001", "VIP");
        devices.putObject("printer").put("usb", "/dev/null");
    }

    @Test
    void ticketsPerLogin_areRateLimited_andARefusalChangesNothing() {
        try (WebTestHall hall = WebTestHall.configured(data, root -> root.with("web").put("ticketsPerMinute", 3))) {
            ApiClient kiosk = hall.client();
            kiosk.login("kiosk");
            for (int i = 0; i < 3; i++) {
                assertEquals(200, kiosk.post("/api/tickets", "{\"service\":\"OPEN\"}").status());
            }
            long before = hall.hall().lastSequence();
            Response fourth = kiosk.post("/api/tickets", "{\"service\":\"OPEN\"}");
            assertEquals(429, fourth.status());
            assertEquals("RATE_LIMITED", fourth.text("error"));
            assertEquals(before, hall.hall().lastSequence());
            hall.clock.advance(Duration.ofSeconds(21));
            assertEquals(200, kiosk.post("/api/tickets", "{\"service\":\"OPEN\"}").status());
        }
    }

    @Test
    void aTicketServedToday_showsServedOnItsMobilePage_andAnUnknownOneIs404() {
        try (WebTestHall hall = WebTestHall.start(data)) {
            ApiClient kiosk = hall.client();
            kiosk.login("kiosk");
            Response t = kiosk.post("/api/tickets", "{\"service\":\"OPEN\"}");
            String token = t.body().path("result").path("token").asText();
            String number = t.body().path("result").path("ticket").asText();
            Response waiting = hall.client().get("/api/mobile/" + token);
            assertEquals(200, waiting.status(), "found at once, before the feed saw the event: " + waiting);
            assertEquals("WAITING", waiting.text("status"));
            ApiClient staff = hall.client();
            staff.login("staff");
            assertEquals(200, staff.post("/api/counters/2/call-next").status());
            assertEquals(200, staff.post("/api/counters/2/finish").status());
            JsonNode done = hall.client().getUntil("/api/mobile/" + token, v -> v.path("status").asText().equals("DONE"));
            assertEquals(number, done.path("ticket").asText());
            Response unknown = hall.client().get("/api/mobile/AAAAAAAAAAAAAAAAAAAAAA");
            assertEquals(404, unknown.status());
            assertEquals("UNKNOWN_TICKET", unknown.text("error"));
            Response feed = hall.client().get("/api/feed/ticket/AAAAAAAAAAAAAAAAAAAAAA");
            assertEquals(404, feed.status());
        }
    }

    @Test
    void smallDefects_feedOfAnUnknownCounterIs404_andANegativeResumePointIs400() {
        try (WebTestHall hall = WebTestHall.start(data)) {
            ApiClient manager = hall.client();
            manager.login("manager");
            Response counter = manager.get("/api/feed/counter/99");
            assertEquals(404, counter.status(), counter.toString());
            assertEquals("UNKNOWN_COUNTER", counter.text("error"));
            Response after = manager.get("/api/events?after=-1");
            assertEquals(400, after.status(), after.toString());
            assertEquals(400, manager.get("/api/events?after=1.5").status());
            assertEquals(400, manager.get("/api/events?after=1&after=2").status());
        }
    }

    @Test
    void anOversizedBody_is413WithAReason() throws Exception {
        try (WebTestHall hall = WebTestHall.start(data)) {
            HttpResponse<String> r = post(hall.url("/api/login"), "{\"user\":\"" + "x".repeat(100_000) + "\"}");
            assertEquals(413, r.statusCode(), r.body());
            assertTrue(r.body().contains("TOO_LARGE"), r.body());
        }
    }

    @Test
    void aCrossSiteRequest_isRefused_evenTheLogin() throws Exception {
        try (WebTestHall hall = WebTestHall.start(data)) {
            HttpResponse<String> r = post(hall.url("/api/login"),
                    "{\"user\":\"manager\",\"password\":\"" + WebTestHall.PASSWORD + "\"}", "Origin", "http://evil.example");
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("CROSS_ORIGIN"), r.body());
            HttpResponse<String> same = post(hall.url("/api/login"),
                    "{\"user\":\"manager\",\"password\":\"" + WebTestHall.PASSWORD + "\"}", "Origin", hall.url(""));
            assertEquals(200, same.statusCode(), same.body());
        }
    }

    @Test
    void journalFiles_areReadableByTheOwnerAlone() throws Exception {
        try (WebTestHall hall = WebTestHall.start(data)) {
            hall.hall().submit(new Command.Tick()).join();
            ApiClient kiosk = hall.client();
            kiosk.login("kiosk");
            assertEquals(200, kiosk.post("/api/tickets", "{\"service\":\"OPEN\"}").status());
        }
        try (Stream<Path> files = Files.walk(data)) {
            List<Path> journal = files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".lock")) // holds no data
                    .toList();
            assertFalse(journal.isEmpty(), "no journal file found under " + data);
            for (Path p : journal) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
            }
        }
    }

    @Test
    void theCustomersListener_servesOnlyTheBoardAndMobilePages_theStaffListenerEverything() throws Exception {
        try (WebTestHall hall = WebTestHall.configured(data, root -> root.with("web").putObject("staffListener")
                .put("bind", "127.0.0.1").put("port", 0))) {
            String customers = "http://127.0.0.1:" + hall.web.port();
            String staff = "http://127.0.0.1:" + hall.web.staffPort();
            assertEquals(404, get(customers + "/api/session").statusCode());
            assertEquals(404, post(customers + "/api/login", "{\"user\":\"manager\",\"password\":\"x\"}").statusCode());
            assertEquals(404, get(customers + "/staff/").statusCode());
            assertEquals(200, get(customers + "/board/").statusCode());
            assertEquals(200, get(customers + "/api/board").statusCode());
            assertEquals(200, get(customers + "/m/AAAAAAAAAAAAAAAAAAAAAA").statusCode());
            assertEquals(200, get(staff + "/staff/").statusCode());
            assertEquals(200, post(staff + "/api/login",
                    "{\"user\":\"manager\",\"password\":\"" + WebTestHall.PASSWORD + "\"}").statusCode());
        }
    }

    @Test
    void underTls_cookiesAreSecure_andPlainHttpIsRedirected() throws Exception {
        Path key = data.resolve("key.pem");
        Path cert = data.resolve("cert.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        int redirectPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            redirectPort = s.getLocalPort();
        }
        try (WebTestHall hall = WebTestHall.configured(data, root -> root.with("web").putObject("tls")
                .put("certFile", cert.toString()).put("keyFile", key.toString()).put("redirectFrom", redirectPort))) {
            java.security.cert.Certificate c = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(Files.newInputStream(cert));
            java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("hall", c);
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(ssl).cookieHandler(new CookieManager()).build();
            String base = "https://127.0.0.1:" + hall.web.port();
            HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"user\":\"manager\",\"password\":\"" + WebTestHall.PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("Secure"), cookie);
            assertTrue(login.headers().firstValue("Strict-Transport-Security").isPresent());
            HttpResponse<String> redirect = get("http://127.0.0.1:" + redirectPort + "/staff/?counter=2");
            assertEquals(301, redirect.statusCode());
            assertEquals(base + "/staff/?counter=2", redirect.headers().firstValue("Location").orElse(null));
            assertEquals(200, https.send(HttpRequest.newBuilder(URI.create(base + "/board/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void demoPasswords_areRefusedByAController_namingTheUser_butNotByTheEmulator() {
        String demo = PasswordHash.hash("manager-demo".toCharArray(), 1000);
        String own = PasswordHash.hash("a-hall's-own".toCharArray(), 1000);
        var root = yaml("web:\n  users:\n    - {name: boss, role: MANAGER, passwordHash: '" + demo + "'}\n"
                + "    - {name: li, role: MANAGER, passwordHash: '" + own + "'}\n");
        var loaded = new io.hallq.controller.config.LoadedConfig(io.hallq.controller.TestHalls.withJournal(
                io.hallq.controller.TestHalls.small(), new io.hallq.controller.config.JournalConfig(data.toString(), 60,
                        2000, 4)), root, Path.of("hall.yaml"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.hallq.controller.config.ConfigException.class,
                () -> WebConfigReader.read(loaded));
        assertTrue(e.getMessage().contains("hall.yaml: web.users[0].passwordHash: user 'boss' has a demo"),
                e.getMessage());
        assertFalse(e.getMessage().contains("'li'"), e.getMessage());
        assertEquals(2, WebConfigReader.readForEmulator(loaded).users().size());
    }

    @Test
    void weakHashes_areRefusedBeyondLoopback_andAcceptedOnLoopback() {
        String weak = PasswordHash.hash("a-hall's-own".toCharArray(), 60_000);
        var local = yaml("web:\n  bind: 127.0.0.1\n  users:\n    - {name: li, role: MANAGER, passwordHash: '" + weak + "'}\n");
        var wide = yaml("web:\n  bind: 0.0.0.0\n  users:\n    - {name: li, role: MANAGER, passwordHash: '" + weak + "'}\n");
        var small = io.hallq.controller.TestHalls.small();
        assertEquals(1, WebConfigReader.read(new io.hallq.controller.config.LoadedConfig(small, local,
                Path.of("hall.yaml"))).users().size());
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.hallq.controller.config.ConfigException.class,
                () -> WebConfigReader.read(new io.hallq.controller.config.LoadedConfig(small, wide, Path.of("hall.yaml"))));
        assertTrue(e.getMessage().contains("user 'li': a hash of 60000 PBKDF2 iterations is too weak"), e.getMessage());
        assertEquals(600_000, PasswordHash.iterations(PasswordHash.hash("x".toCharArray())));
    }

    @Test
    void theExampleHall_isRefusedByAController_forItsDemoUsers() {
        var loaded = io.hallq.controller.config.HallConfigLoader.loadWithRoot(Path.of("..", "config", "example-hall.yaml"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.hallq.controller.config.ConfigException.class,
                () -> WebConfigReader.read(withDataDir(loaded)));
        for (String user : List.of("staff", "manager", "kiosk")) {
            assertTrue(e.getMessage().contains("user '" + user + "' has a demo or guessable password"), e.getMessage());
        }
        assertEquals(3, WebConfigReader.readForEmulator(loaded).users().size());
    }

    private io.hallq.controller.config.LoadedConfig withDataDir(io.hallq.controller.config.LoadedConfig l) {
        var c = l.config();
        return new io.hallq.controller.config.LoadedConfig(io.hallq.controller.TestHalls.withJournal(c,
                new io.hallq.controller.config.JournalConfig(data.toString(), 60, 2000, 4)), l.root(), l.file());
    }

    @Test
    void logText_escapesLineBreaks_soANameCannotForgeALogLine() {
        WebConfig none = new WebConfig(true, "127.0.0.1", 0, null, Duration.ofHours(1), 3, Duration.ofMinutes(1), List.of());
        String forged = LogText.userName("x\r\n2025-01-01 INFO Web login: manager (MANAGER)", none);
        assertFalse(forged.contains("\n") || forged.contains("\r"), forged);
        assertTrue(forged.contains("\\u000d\\u000a"), forged);
        String logged = Submit.describe(new Command.IssueTicket("OPEN", null, "138****5678", "secret-token-123456"));
        assertFalse(logged.contains("secret-token"), logged);
        assertFalse(logged.contains("138"), logged);
    }

    @Test
    void theTwinsRoutes_refuseOtherSites_andOtherHostNames() throws Exception {
        WebRoutes twin = (vertx, router, hall, web) -> router.post("/twin/api/press")
                .handler(ctx -> ctx.response().end("{\"pressed\":true}"));
        try (WebTestHall hall = WebTestHall.start(data, List.of(twin), List.of())) {
            assertEquals(200, post(hall.url("/twin/api/press"), "").statusCode());
            assertEquals(200, post(hall.url("/twin/api/press"), "", "Origin", hall.url("")).statusCode());
            HttpResponse<String> forged = post(hall.url("/twin/api/press"), "", "Origin", "http://evil.example");
            assertEquals(403, forged.statusCode());
            assertTrue(forged.body().contains("CROSS_ORIGIN"), forged.body());
            assertEquals(403, post(hall.url("/twin/api/press"), "", "Sec-Fetch-Site", "cross-site").statusCode());
            // DNS rebinding: a hostile name resolving to 127.0.0.1 is not this machine's name
            java.net.http.HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", hall.web.port())) {
                s.getOutputStream().write(("POST /twin/api/press HTTP/1.1\r\nHost: evil.example:" + hall.web.port()
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
            }
            assertNotNull(raw);
        }
    }

    @Test
    void theTwin_refusesToStartBeyondLoopback() {
        WebRoutes twin = (vertx, router, hall, web) -> { };
        var e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> {
            try (WebTestHall hall = WebTestHall.configuredWith(data, List.of(twin), root -> {
                root.with("web").put("bind", "0.0.0.0");
                root.with("web").remove("users");
            })) {
                assertNull(hall);
            }
        });
        assertTrue(String.valueOf(e.getMessage()).contains("web.bind: the emulator's digital twin has no login")
                || String.valueOf(e.getCause()).contains("web.bind: the emulator's digital twin has no login"), e.toString());
    }

    @Test
    void anIdleConnection_isClosed() throws Exception {
        try (WebTestHall hall = WebTestHall.configured(data, root -> root.with("web").put("idleTimeout", "2s"));
             java.net.Socket idle = new java.net.Socket("127.0.0.1", hall.web.port())) {
            idle.setSoTimeout(15_000);
            // sends nothing (a slowloris holding a connection): the server closes it after 2 s
            assertEquals(-1, idle.getInputStream().read());
        }
    }

    @Test
    void aFullWriterQueue_isAnswered503() {
        assertEquals(503, Submit.status(new io.hallq.controller.queue.Result.Rejected(
                io.hallq.controller.queue.RejectReason.OVERLOADED, "the hall is busy", List.of())));
        assertEquals(409, Submit.status(new io.hallq.controller.queue.Result.Rejected(
                io.hallq.controller.queue.RejectReason.NOBODY_WAITING, "nobody", List.of())));
    }

    private static JsonNode yaml(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
