package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagesServedTest {

    @TempDir
    Path data;

    @Test
    void everyPageAndItsAssets_areServedFromTheClassPath() throws Exception {
        try (WebTestHall hall = WebTestHall.start(data)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : new String[] {"/board/", "/board/board.js", "/staff/", "/staff/staff.js",
                "/manager/", "/common/hallq.js", "/m/0123456789abcdef0123456789abcdef", "/mobile/mobile.js",
                "/openapi.yaml", "/", "/book/", "/book/book.js", "/book/book.css"}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hall.url(path))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), path + ": " + r.body());
                assertTrue(r.body().length() > 100, path);
            }
        }
    }

    @Test
    void aClientAskingForCleartextHttp2_isAnsweredInHttp11() throws Exception {
        try (WebTestHall hall = WebTestHall.start(data)) {
            // the JDK client's default: HTTP/2, which on plain http means "Upgrade: h2c" on the first request
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hall.url("/board/"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(HttpClient.Version.HTTP_1_1, r.version(), "request " + (i + 1));
            }
        }
    }
}
