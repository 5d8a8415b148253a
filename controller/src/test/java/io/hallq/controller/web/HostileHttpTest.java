package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.hallq.controller.queue.Command;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12: hundreds of hostile HTTP requests against a running hall. Each must get a 4xx with a reason (a JSON
 * error with a code and a message, as the contract's Error schema says), never a 5xx; none may change the
 * journal; the server must answer normally afterwards.
 */
class HostileHttpTest {

    @TempDir
    Path data;

    /** One hostile request: who sends it (a client with a session, or none) and what. */
    private record Hostile(String what, Client who, String method, String path, byte[] body, String contentType) {}

    private enum Client { NONE, STAFF, MANAGER, KIOSK, STAFF_NO_CSRF, STAFF_WRONG_CSRF }

    private final List<Hostile> requests = new ArrayList<>();

    private void add(String what, Client who, String method, String path, String body) {
        add(what, who, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private void add(String what, Client who, String method, String path, byte[] body, String contentType) {
        requests.add(new Hostile(what, who, method, path, body, contentType));
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void hostileRequests_getA4xxWithAReason_changeNothing_andTheServerLivesOn() throws Exception {
        try (WebTestHall hall = WebTestHall.start(data)) {
            hall.hall().submit(new Command.Tick()).join(); // the day has started: nothing else is journaled
            ApiClient kiosk = hall.client();
            kiosk.login("kiosk");
            String token = kiosk.post("/api/tickets", "{\"service\":\"OPEN\"}").body().path("result").path("token").asText();
            HttpClient staff = loggedIn(hall, "staff");
            HttpClient manager = loggedIn(hall, "manager");
            HttpClient kioskHttp = loggedIn(hall, "kiosk");
            build(token);
            ApiContract contract = ApiContract.load();
            JsonSchema errorSchema = contract.responseSchema(io.vertx.core.http.HttpMethod.GET, "/api/session", 401);
            long before = hall.hall().lastSequence();
            HttpClient none = client();
            int n = 0;
            for (Hostile h : requests) {
                HttpClient c = switch (h.who()) {
                    case NONE -> none;
                    case STAFF, STAFF_NO_CSRF, STAFF_WRONG_CSRF -> staff;
                    case MANAGER -> manager;
                    case KIOSK -> kioskHttp;
                };
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hall.url("") + h.path()))
                        .timeout(Duration.ofSeconds(30))
                        .method(h.method(), h.body() == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(h.body()));
                if (h.contentType() != null) {
                    b.header("Content-Type", h.contentType());
                }
                String csrf = switch (h.who()) {
                    case STAFF -> tokens.get("staff");
                    case MANAGER -> tokens.get("manager");
                    case KIOSK -> tokens.get("kiosk");
                    case STAFF_WRONG_CSRF -> "not-the-token";
                    default -> null;
                };
                if (csrf != null) {
                    b.header("X-CSRF-Token", csrf);
                }
                check(h, c.send(b.build(), HttpResponse.BodyHandlers.ofString()), errorSchema);
                n++;
            }
            // floods: logins of random names and token guesses in parallel
            List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                flood.add(none.sendAsync(HttpRequest.newBuilder(URI.create(hall.url("/api/login")))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"user\":\"flood" + i + "\",\"password\":\"x\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()));
                flood.add(none.sendAsync(HttpRequest.newBuilder(URI.create(hall.url("/api/mobile/" + randomToken())))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : flood) {
                check(new Hostile("flood", Client.NONE, "POST", "/api/login or /api/mobile", null, null), f.join(),
                        errorSchema);
                n++;
            }
            assertTrue(n >= 150, n + " hostile requests");
            assertEquals(before, hall.hall().lastSequence(), "a hostile request changed the journal");
            // alive: the board answers, and a real request still works
            assertEquals(200, hall.client().get("/api/board").status());
            assertEquals(200, kiosk.post("/api/tickets", "{\"service\":\"PAY\"}").status());
        }
    }

    private static void check(Hostile h, HttpResponse<String> r, JsonSchema errorSchema) {
        String where = h.what() + " (" + h.method() + " " + h.path() + ") -> " + r.statusCode() + " " + r.body();
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, where);
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("no JSON reason: " + where);
        }
        assertTrue(body.path("error").isTextual() && !body.path("error").asText().isBlank(), where);
        assertTrue(body.path("message").isTextual() && !body.path("message").asText().isBlank(), where);
        assertEquals("", ApiContract.problems(errorSchema, body), where);
    }

    private void build(String liveToken) {
        List<String[]> bodyRoutes = List.of(
                new String[] {"POST", "/api/login", "{\"user\":\"manager\",\"password\":\"x\"}", "NONE"},
                new String[] {"POST", "/api/tickets", "{\"service\":\"OPEN\"}", "KIOSK"},
                new String[] {"POST", "/api/counters/2/transfer", "{\"service\":\"PAY\"}", "STAFF"},
                new String[] {"POST", "/api/counters/2/call", "{\"ticket\":\"A001\"}", "STAFF"},
                new String[] {"PUT", "/api/counters/2/profile", "{\"profile\":[{\"service\":\"PAY\"}]}", "MANAGER"},
                new String[] {"PUT", "/api/services/PAY", "{\"enabled\":false}", "MANAGER"},
                new String[] {"PUT", "/api/notice", "{\"textZh\":\"通知\",\"textEn\":\"Notice\",\"minutes\":5}", "MANAGER"});
        String deep = "[".repeat(200) + "]".repeat(200);
        for (String[] r : bodyRoutes) {
            Client who = Client.valueOf(r[3]);
            String valid = r[2];
            add("not JSON", who, r[0], r[1], "{nope");
            add("trailing garbage", who, r[0], r[1], valid + " garbage");
            add("two values", who, r[0], r[1], valid + valid);
            add("an array", who, r[0], r[1], "[]");
            add("null", who, r[0], r[1], "null");
            add("a string", who, r[0], r[1], "\"text\"");
            add("a key twice", who, r[0], r[1], valid.replaceFirst("\\{", "{\"x\":1,\"x\":2,"));
            add("deep nesting", who, r[0], r[1], "{\"a\":" + deep + "}");
            add("invalid UTF-8", who, r[0], r[1], new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                    "application/json");
            add("an empty body", who, r[0], r[1], "");
            add("an unknown field", who, r[0], r[1], valid.replaceFirst("\\{", "{\"admin\":true,"));
            add("10 MB body", who, r[0], r[1], ("{\"x\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}")
                    .getBytes(StandardCharsets.UTF_8), "application/json");
            add("text/plain", who, r[0], r[1], valid.getBytes(StandardCharsets.UTF_8), "text/plain");
            add("a form", who, r[0], r[1], "service=OPEN".getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded");
            add("no content type", who, r[0], r[1], valid.getBytes(StandardCharsets.UTF_8), null);
        }
        // wrong types, out-of-range values, coercion the contract refuses
        for (String body : List.of("{\"service\":1}", "{\"service\":\"OPEN\",\"phone\":13800000000}",
                "{\"service\":\"OPEN\",\"phone\":\"12\"}", "{\"service\":\"OPEN\",\"customerClass\":\"VIP\"}",
                "{\"service\":\"\"}", "{\"service\":\"" + "A".repeat(40) + "\"}", "{\"service\":\"NOPE\"}",
                "{\"service\":null}", "{\"service\":[\"OPEN\"]}", "{\"service\":\"OPEN\",\"phone\":\"1380000000\\u0000\"}")) {
            add("ticket " + body, Client.KIOSK, "POST", "/api/tickets", body);
        }
        for (String body : List.of("{\"profile\":[{\"service\":\"PAY\",\"weightSeconds\":1.5}]}",
                "{\"profile\":[{\"service\":\"PAY\",\"weightSeconds\":\"60\"}]}",
                "{\"profile\":[{\"service\":\"PAY\",\"weightSeconds\":7201}]}",
                "{\"profile\":[{\"service\":\"PAY\",\"weightSeconds\":60.0}]}",
                "{\"profile\":[{\"service\":\"PAY\",\"weightSeconds\":1e3}]}",
                "{\"profile\":[{\"service\":\"PAY\",\"weightSeconds\":-1}]}",
                "{\"profile\":[{\"service\":\"PAY\",\"classes\":[\"VIP\",\"VIP\"]}]}",
                "{\"profile\":[{\"service\":\"PAY\",\"classes\":[5]}]}", "{\"profile\":[]}", "{\"profile\":{}}",
                "{\"profile\":[{\"service\":\"NOPE\"}]}", "{\"profile\":[{\"service\":\"PAY\"},{\"service\":\"PAY\"}]}")) {
            add("profile " + body, Client.MANAGER, "PUT", "/api/counters/2/profile", body);
        }
        for (String body : List.of("{\"textZh\":\"a\",\"textEn\":\"b\",\"minutes\":\"60\"}",
                "{\"textZh\":\"a\",\"textEn\":\"b\",\"minutes\":1.5}",
                "{\"textZh\":\"a\",\"textEn\":\"b\",\"minutes\":5.0}", "{\"textZh\":\"a\",\"textEn\":\"b\",\"minutes\":0}",
                "{\"textZh\":\"a\",\"textEn\":\"b\",\"minutes\":1441}", "{\"textZh\":\"\\u0000\",\"textEn\":\"b\",\"minutes\":5}",
                "{\"textZh\":5,\"textEn\":\"b\",\"minutes\":5}", "{\"textZh\":\"" + "字".repeat(201) + "\",\"textEn\":\"b\",\"minutes\":5}",
                "{\"textZh\":\"a\\nb\",\"textEn\":\"b\",\"minutes\":5}")) {
            add("notice " + body, Client.MANAGER, "PUT", "/api/notice", body);
        }
        for (String body : List.of("{\"enabled\":\"false\"}", "{\"enabled\":0}", "{\"enabled\":false,\"messageZh\":5}",
                "{}")) {
            add("service " + body, Client.MANAGER, "PUT", "/api/services/PAY", body);
        }
        add("unknown service", Client.MANAGER, "PUT", "/api/services/NOPE", "{\"enabled\":false}");
        add("service code with a slash", Client.MANAGER, "PUT", "/api/services/PA%2FY", "{\"enabled\":false}");
        add("counter as text", Client.STAFF, "POST", "/api/counters/two/call-next", null);
        add("counter 1.5", Client.STAFF, "POST", "/api/counters/1.5/call-next", null);
        add("counter 0", Client.MANAGER, "POST", "/api/counters/0/call-next", null);
        add("counter -1", Client.MANAGER, "POST", "/api/counters/-1/call-next", null);
        add("counter 99", Client.MANAGER, "POST", "/api/counters/99/call-next", null);
        add("counter 1000", Client.MANAGER, "POST", "/api/counters/1000/call-next", null);
        add("counter 99 view", Client.MANAGER, "GET", "/api/counters/99", null);
        add("counter 99 feed", Client.MANAGER, "GET", "/api/feed/counter/99", null);
        add("unknown key", Client.STAFF, "POST", "/api/counters/2/explode", null);
        add("unknown ticket", Client.STAFF, "POST", "/api/counters/2/call", "{\"ticket\":\"Z999\"}");
        add("transfer to unknown", Client.STAFF, "POST", "/api/counters/2/transfer", "{\"service\":\"NOPE\"}");
        add("a body where none is taken", Client.STAFF, "POST", "/api/counters/2/call-next", "{\"force\":true}");
        add("events after -1", Client.MANAGER, "GET", "/api/events?after=-1", null);
        add("events after text", Client.MANAGER, "GET", "/api/events?after=abc", null);
        add("staffing weeks 0", Client.MANAGER, "GET", "/api/staffing?weeks=0", null);
        add("staffing weeks 1.5", Client.MANAGER, "GET", "/api/staffing?weeks=1.5", null);
        // staff acting on counters that are not theirs (staff works 2 and 3)
        for (int counter : List.of(1, 4, 5)) {
            for (String key : List.of("call-next", "recall", "no-show", "finish", "pause", "resume")) {
                add("staff at counter " + counter, Client.STAFF, "POST", "/api/counters/" + counter + "/" + key, null);
            }
            add("staff transfer at " + counter, Client.STAFF, "POST", "/api/counters/" + counter + "/transfer",
                    "{\"service\":\"PAY\"}");
            add("staff follows " + counter, Client.STAFF, "GET", "/api/feed/counter/" + counter, null);
        }
        add("staff opens", Client.STAFF, "POST", "/api/counters/2/open", null);
        add("staff closes", Client.STAFF, "POST", "/api/counters/2/close", null);
        add("staff profile", Client.STAFF, "PUT", "/api/counters/2/profile", "{\"profile\":[{\"service\":\"PAY\"}]}");
        add("staff service", Client.STAFF, "PUT", "/api/services/PAY", "{\"enabled\":false}");
        add("staff notice", Client.STAFF, "DELETE", "/api/notice", null);
        add("kiosk calls", Client.KIOSK, "POST", "/api/counters/2/call-next", null);
        add("kiosk sees the hall", Client.KIOSK, "GET", "/api/hall", null);
        add("kiosk events", Client.KIOSK, "GET", "/api/events", null);
        // no session, no CSRF, a wrong CSRF token
        for (String[] r : List.of(new String[] {"POST", "/api/tickets"}, new String[] {"POST", "/api/counters/2/call-next"},
                new String[] {"PUT", "/api/services/PAY"}, new String[] {"PUT", "/api/notice"},
                new String[] {"DELETE", "/api/notice"}, new String[] {"POST", "/api/counters/2/open"},
                new String[] {"PUT", "/api/counters/2/profile"}, new String[] {"POST", "/api/counters/2/transfer"})) {
            add("no session", Client.NONE, r[0], r[1], null);
            add("no CSRF token", Client.STAFF_NO_CSRF, r[0], r[1], null);
            add("wrong CSRF token", Client.STAFF_WRONG_CSRF, r[0], r[1], null);
        }
        for (String path : List.of("/api/hall", "/api/tickets", "/api/counters", "/api/alarms", "/api/statistics",
                "/api/staffing", "/api/events", "/api/feed/manager", "/api/feed/counter/2", "/api/services")) {
            add("no session", Client.NONE, "GET", path, null);
        }
        // encoded path traversal and odd paths
        for (String path : List.of("/api/mobile/..%2F..%2F..%2Fetc%2Fpasswd", "/api/mobile/%2e%2e%2f%2e%2e%2fpom.xml",
                "/api/feed/ticket/..%2F..%2Fetc%2Fpasswd", "/staff/..%2F..%2Fpom.xml", "/staff/%2e%2e/%2e%2e/pom.xml",
                "/mobile/..%252F..%252Fpom.xml", "/board/%2e%2e%2f%2e%2e%2fetc/passwd", "/common/%00.js",
                "/api/counters/%2e%2e/call-next", "/api/mobile/" + "A".repeat(300), "/api/%2e%2e/%2e%2e/etc/passwd",
                "/no-such-page", "/WEB-INF/web.xml")) {
            add("path " + path, Client.NONE, "GET", path, null);
        }
        // methods the contract does not have
        add("DELETE tickets", Client.MANAGER, "DELETE", "/api/tickets", null);
        add("PATCH services", Client.MANAGER, "PATCH", "/api/services/PAY", "{\"enabled\":false}");
        add("GET login", Client.NONE, "GET", "/api/login", null);
        add("PUT board", Client.NONE, "PUT", "/api/board", "{}");
        // token enumeration
        for (int i = 0; i < 30; i++) {
            add("guessed token", Client.NONE, "GET", "/api/mobile/" + randomToken(), null);
            add("guessed feed token", Client.NONE, "GET", "/api/feed/ticket/" + randomToken(), null);
        }
        add("token with a character too many", Client.NONE, "GET", "/api/mobile/" + liveToken + "x".repeat(60), null);
        // logins with odd names: CR/LF, huge, control characters
        for (String user : List.of("a\\r\\nINFO Web login: manager", "\\u0000", "manager\\n", "x".repeat(65))) {
            add("login " + user.length(), Client.NONE, "POST", "/api/login", "{\"user\":\"" + user + "\",\"password\":\"x\"}");
        }
    }

    private static String randomToken() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The CSRF token of each logged-in client. */
    private final java.util.Map<String, String> tokens = new java.util.HashMap<>();

    private HttpClient loggedIn(WebTestHall hall, String user) throws Exception {
        HttpClient c = client();
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(hall.url("/api/login")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user\":\"" + user + "\",\"password\":\"" + WebTestHall.PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        tokens.put(user, Json.MAPPER.readTree(r.body()).path("csrfToken").asText());
        return c;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }
}
