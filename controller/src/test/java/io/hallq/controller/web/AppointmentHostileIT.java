package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests against the public booking API (as {@link HostileHttpTest} does for the rest): each gets a 4xx
 * with a JSON reason matching the contract's Error schema, none changes the journal, the server answers afterwards.
 * With a real SMPP centre, so that a confirmed phone's token is real too.
 */
class AppointmentHostileIT {

    @TempDir
    Path dir;

    private record Hostile(String what, boolean withToken, String method, String path, byte[] body,
                           String contentType, String token) {}

    private final List<Hostile> requests = new ArrayList<>();

    private void add(String what, boolean withToken, String method, String path, String body) {
        requests.add(new Hostile(what, withToken, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                "application/json", null));
    }

    private void build(String bookingOfAnother, String slot) {
        String[][] bodyRoutes = {
            {"POST", "/api/public/codes", "{\"phone\":\"13800000000\"}", "no"},
            {"POST", "/api/public/sessions", "{\"phone\":\"13800000000\",\"code\":\"123456\"}", "no"},
            {"POST", "/api/public/bookings", "{\"service\":\"OPEN\",\"start\":\"" + slot + "\"}", "yes"},
            {"POST", "/api/public/remote", "{\"service\":\"PAY\"}", "yes"}};
        String deep = "[".repeat(200) + "]".repeat(200);
        for (String[] r : bodyRoutes) {
            boolean tok = r[3].equals("yes");
            String valid = r[2];
            add("not JSON", tok, r[0], r[1], "{nope");
            add("trailing garbage", tok, r[0], r[1], valid + " garbage");
            add("two values", tok, r[0], r[1], valid + valid);
            add("an array", tok, r[0], r[1], "[]");
            add("null", tok, r[0], r[1], "null");
            add("a string", tok, r[0], r[1], "\"x\"");
            add("empty object", tok, r[0], r[1], "{}");
            add("deep nesting", tok, r[0], r[1], deep);
            add("duplicate key", tok, r[0], r[1], valid.replaceFirst("\\{", "{\"x\":1,\"x\":2,"));
            add("unknown field", tok, r[0], r[1], valid.replaceFirst("\\{", "{\"customerClass\":\"VIP\","));
            add("empty body", tok, r[0], r[1], "");
            requests.add(new Hostile("10 MB body", tok, r[0], r[1], new byte[10 * 1024 * 1024], "application/json", null));
            requests.add(new Hostile("form body", tok, r[0], r[1], "phone=13800000000".getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded", null));
            requests.add(new Hostile("no content type", tok, r[0], r[1], valid.getBytes(StandardCharsets.UTF_8), null, null));
        }
        // phone numbers and codes that are not what the contract says
        for (String phone : new String[] {"12345", "23800000000", "138000000001", "1380000000a", "+8613800000000",
            "138 0000 0000", "１３８００００００００", "13800000000\n", "", "' OR 1=1 --"}) {
            add("phone " + phone, false, "POST", "/api/public/codes", "{\"phone\":" + jsonString(phone) + "}");
        }
        add("phone as a number", false, "POST", "/api/public/codes", "{\"phone\":13800000000}");
        add("phone as an array", false, "POST", "/api/public/codes", "{\"phone\":[\"13800000000\"]}");
        for (String code : new String[] {"12345", "1234567", "12345a", "", "123 456", "１２３４５６"}) {
            add("code " + code, false, "POST", "/api/public/sessions", "{\"phone\":\"13800000000\",\"code\":"
                    + jsonString(code) + "}");
        }
        add("code as a number", false, "POST", "/api/public/sessions", "{\"phone\":\"13800000000\",\"code\":123456}");
        add("a code nobody asked for", false, "POST", "/api/public/sessions", "{\"phone\":\"13700000000\",\"code\":\"123456\"}");
        // no or bad customer tokens
        add("bookings without a token", false, "GET", "/api/public/bookings", null);
        add("book without a token", false, "POST", "/api/public/bookings", "{\"service\":\"OPEN\",\"start\":\"" + slot + "\"}");
        add("join without a token", false, "POST", "/api/public/remote", "{\"service\":\"PAY\"}");
        add("cancel without a token", false, "DELETE", "/api/public/bookings/B000001", null);
        for (String t : new String[] {"short", "x".repeat(65), "../../etc/passwd", "AAAAAAAAAAAAAAAAAAAAAA", "a b c d e f g h i j k"}) {
            requests.add(new Hostile("token " + t, false, "GET", "/api/public/bookings", null, null, t));
        }
        // with a real token: wrong services, slots, ids
        add("book an unknown service", true, "POST", "/api/public/bookings", "{\"service\":\"NOPE\",\"start\":\"" + slot + "\"}");
        add("book a lower-case service", true, "POST", "/api/public/bookings", "{\"service\":\"open\",\"start\":\"" + slot + "\"}");
        add("book a direct-queue service", true, "POST", "/api/public/bookings", "{\"service\":\"DIRECT\",\"start\":\"" + slot + "\"}");
        add("book a service without bookings", true, "POST", "/api/public/bookings", "{\"service\":\"BILL\",\"start\":\"" + slot + "\"}");
        add("book off the slot grid", true, "POST", "/api/public/bookings", "{\"service\":\"OPEN\",\"start\":\"2026-11-23T03:07:00Z\"}");
        add("book in the past", true, "POST", "/api/public/bookings", "{\"service\":\"OPEN\",\"start\":\"2026-11-22T02:00:00Z\"}");
        add("book at night", true, "POST", "/api/public/bookings", "{\"service\":\"OPEN\",\"start\":\"2026-11-23T18:00:00Z\"}");
        add("book a year ahead", true, "POST", "/api/public/bookings", "{\"service\":\"OPEN\",\"start\":\"2027-11-23T02:00:00Z\"}");
        add("book a time that is not a time", true, "POST", "/api/public/bookings", "{\"service\":\"OPEN\",\"start\":\"tomorrow\"}");
        add("book a time as a number", true, "POST", "/api/public/bookings", "{\"service\":\"OPEN\",\"start\":1764122400}");
        add("join an unknown service", true, "POST", "/api/public/remote", "{\"service\":\"NOPE\"}");
        add("join a service without remote tickets", true, "POST", "/api/public/remote", "{\"service\":\"BILL\"}");
        add("join with a class", true, "POST", "/api/public/remote", "{\"service\":\"PAY\",\"customerClass\":\"VIP\"}");
        add("cancel another phone's booking", true, "DELETE", "/api/public/bookings/" + bookingOfAnother, null);
        add("cancel an unknown booking", true, "DELETE", "/api/public/bookings/B999999", null);
        add("cancel a path", true, "DELETE", "/api/public/bookings/..%2F..%2Fetc", null);
        add("cancel with a body", true, "DELETE", "/api/public/bookings/B999999", "{\"x\":1}");
        for (String q : new String[] {"", "?service=OPEN", "?day=2026-11-23", "?service=OPEN&day=tomorrow",
            "?service=OPEN&day=2026-13-40", "?service=NOPE&day=2026-11-23", "?service=OPEN&day=2027-11-23",
            "?service=OPEN&day=2026-11-22", "?service=OPEN&service=PAY&day=2026-11-23", "?service=%3Cscript%3E&day=2026-11-23"}) {
            add("slots " + q, false, "GET", "/api/public/slots" + q, null);
        }
        add("manager's bookings without a login", false, "GET", "/api/bookings", null);
        add("PUT on bookings", true, "PUT", "/api/public/bookings", "{}");
        add("unknown public route", false, "GET", "/api/public/nope", null);
    }

    private static String jsonString(String s) {
        return Json.write(s);
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void hostileRequests_getA4xxWithAReason_changeNothing_andTheServerLivesOn() throws Exception {
        try (AppointmentRoutesIT.Hall hall = new AppointmentRoutesIT.Hall(dir)) {
            ApiClient other = hall.verified(AppointmentRoutesIT.OTHER, 1);
            String slot = firstSlot(hall);
            ApiClient.Response booked = other.post("/api/public/bookings", "{\"service\":\"OPEN\",\"start\":\"" + slot + "\"}");
            assertEquals(200, booked.status(), booked.toString());
            ApiClient me = hall.verified(AppointmentRoutesIT.PHONE, 1);
            String token = me.extraHeader(AppointmentRoutes.TOKEN_HEADER);
            build(booked.text("id"), slot);
            // the hall's answers to the codes above are journaled (NotificationSent after them): settle first
            io.hallq.controller.notify.SmppNotificationsIT.await(() -> AppointmentRoutesIT.events(hall.rt).stream()
                    .filter(io.hallq.protocol.event.HallEvent.NotificationSent.class::isInstance).count() == 2,
                    "both codes sent and journaled");
            JsonSchema errorSchema = ApiContract.load().responseSchema(io.vertx.core.http.HttpMethod.GET, "/api/session", 401);
            long before = hall.rt.hall().lastSequence();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            int n = 0;
            for (Hostile h : requests) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hall.web.port() + h.path()))
                        .timeout(Duration.ofSeconds(30))
                        .method(h.method(), h.body() == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(h.body()));
                if (h.contentType() != null) {
                    b.header("Content-Type", h.contentType());
                }
                String t = h.withToken() ? token : h.token();
                if (t != null) {
                    b.header(AppointmentRoutes.TOKEN_HEADER, t);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                String where = h.what() + " (" + h.method() + " " + h.path() + ") -> " + r.statusCode() + " " + r.body();
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, where);
                JsonNode body = Json.MAPPER.readTree(r.body());
                assertTrue(body.path("error").isTextual() && !body.path("error").asText().isBlank(), where);
                assertTrue(body.path("message").isTextual() && !body.path("message").asText().isBlank(), where);
                assertEquals("", ApiContract.problems(errorSchema, body), where);
                n++;
            }
            assertTrue(n >= 100, n + " hostile requests");
            // the hall journals things of its own meanwhile (its booking capacity plan, made on a thread of its own
            // at start; notification bookkeeping): what no hostile request may have journaled is what a request can
            List<io.hallq.protocol.event.HallEvent> after = hall.rt.hall().eventsAfter(before, 1000).stream()
                    .map(io.hallq.controller.hall.JournaledEvent::event).toList();
            assertTrue(after.stream().noneMatch(e -> e instanceof io.hallq.protocol.event.HallEvent.BookingMade
                    || e instanceof io.hallq.protocol.event.HallEvent.BookingCancelled
                    || e instanceof io.hallq.protocol.event.HallEvent.TicketIssued
                    || e instanceof io.hallq.protocol.event.HallEvent.NotificationRequested),
                    () -> "a hostile request changed the journal: " + after);
            assertEquals(200, hall.phone().get("/api/public/hall").status());
            assertEquals(200, me.post("/api/public/remote", "{\"service\":\"PAY\"}").status(), "the real thing still works");
        }
    }

    private static String firstSlot(AppointmentRoutesIT.Hall hall) {
        for (JsonNode s : hall.phone().get("/api/public/slots?service=OPEN&day=2026-11-23").body().path("slots")) {
            if (s.path("left").asInt() > 0) {
                return s.path("start").asText();
            }
        }
        throw new AssertionError("no slot with room");
    }
}
