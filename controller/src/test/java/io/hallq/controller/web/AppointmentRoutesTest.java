package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hallq.controller.notify.NotifyModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The booking API where it meets the rest of the web server: listeners, cross-site requests, no SMS centre. */
class AppointmentRoutesTest {

    @TempDir
    Path data;

    private static HttpResponse<String> send(String url, String method, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutAnSmsCentre_noCodeIsPromised_andTheHallStillAnswers() throws Exception {
        // notifications not started (no notify section): the hall cannot text, so it cannot confirm a phone
        try (WebTestHall hall = WebTestHall.start(data, List.of(new AppointmentRoutes(new NotifyModule())), List.of())) {
            HttpResponse<String> r = send(hall.url("/api/public/codes"), "POST", "{\"phone\":\"13812345678\"}");
            assertEquals(409, r.statusCode(), r.body());
            assertEquals("SMS_OFF", Json.MAPPER.readTree(r.body()).path("error").asText());
            HttpResponse<String> h = send(hall.url("/api/public/hall"), "GET", null);
            assertEquals(200, h.statusCode(), h.body());
            assertEquals("[]", Json.MAPPER.readTree(h.body()).path("bookingDays").toString(), "bookings are off here");
            assertFalse(h.body().contains("\"bookable\":true"), h.body());
        }
    }

    @Test
    void thePublicApi_isOnTheCustomersListener_theManagersDayOnlyOnTheStaffListener() throws Exception {
        try (WebTestHall hall = WebTestHall.configuredWith(data, List.of(new AppointmentRoutes(new NotifyModule())),
                root -> root.with("web").putObject("staffListener").put("bind", "127.0.0.1").put("port", 0))) {
            String customers = "http://127.0.0.1:" + hall.web.port();
            String staff = "http://127.0.0.1:" + hall.web.staffPort();
            assertEquals(200, send(customers + "/api/public/hall", "GET", null).statusCode());
            assertEquals(200, send(customers + "/book/", "GET", null).statusCode());
            assertEquals(409, send(customers + "/api/public/codes", "POST", "{\"phone\":\"13812345678\"}").statusCode(),
                    "no CSRF token is needed: the public API has no session (here: no SMS centre)");
            assertEquals(404, send(customers + "/api/bookings", "GET", null).statusCode());
            assertEquals(401, send(staff + "/api/bookings", "GET", null).statusCode());
        }
    }

    @Test
    void aRequestFromAnotherSite_isRefused_beforeAnyCodeIsSent() throws Exception {
        try (WebTestHall hall = WebTestHall.start(data, List.of(new AppointmentRoutes(new NotifyModule())), List.of())) {
            HttpResponse<String> r = send(hall.url("/api/public/codes"), "POST", "{\"phone\":\"13812345678\"}",
                    "Origin", "https://evil.example");
            assertEquals(403, r.statusCode(), r.body());
            assertEquals("CROSS_ORIGIN", Json.MAPPER.readTree(r.body()).path("error").asText());
            HttpResponse<String> s = send(hall.url("/api/public/remote"), "POST", "{\"service\":\"PAY\"}",
                    "Sec-Fetch-Site", "cross-site", AppointmentRoutes.TOKEN_HEADER, "AAAAAAAAAAAAAAAAAAAAAA");
            assertEquals(403, s.statusCode(), s.body());
        }
    }
}
