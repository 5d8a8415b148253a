package io.hallq.controller;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training start's HTTP/1.1 requests to its own server on 127.0.0.1: a few lines over a socket, so that no
 * HTTP client library's classes go into the class-data-sharing archive of a controller that never uses one.
 */
final class TrainingHttp {

    private static final int TIMEOUT_MS = 30_000;
    private static final int MAX_ANSWER = 1 << 20;

    private TrainingHttp() {}

    /** An answer: its status line's code, its head and its body as text. */
    record Answer(String status, String head, String body) {

        /** The value of the cookie {@code name} the answer sets, as {@code name=value}; null without one. */
        String cookie(String name) {
            Matcher m = Pattern.compile("(?im)^set-cookie:\\s*(" + Pattern.quote(name) + "=[^;\\r\\n]*)").matcher(head);
            return m.find() ? m.group(1) : null;
        }

        /** A string field of the JSON body, found by name; null without one. */
        String jsonString(String field) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    static Answer get(int port, String path) throws IOException {
        return get(port, path, null);
    }

    /** A GET with the session cookie, if given. */
    static Answer get(int port, String path, String cookie) throws IOException {
        return send(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "Connection: close\r\n\r\n");
    }

    /** A POST with a JSON body, or none when {@code json} is null; with the session cookie and CSRF token if given. */
    static Answer post(int port, String path, String cookie, String csrf, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (cookie != null) {
            request.append("Cookie: ").append(cookie).append("\r\n");
        }
        if (csrf != null) {
            request.append("X-CSRF-Token: ").append(csrf).append("\r\n");
        }
        if (json != null) {
            request.append("Content-Type: application/json\r\n");
        }
        request.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        return send(port, request + new String(body, StandardCharsets.UTF_8));
    }

    /** Opens a Server-Sent Events feed, reads up to its first event and closes it: "event" or what came instead. */
    static String firstEvent(int port, String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(TIMEOUT_MS);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while (seen.size() < MAX_ANSWER && (n = in.read(buffer)) >= 0) {
                seen.write(buffer, 0, n);
                if (seen.toString(StandardCharsets.UTF_8).contains("\ndata:")) {
                    return "event";
                }
            }
            String text = seen.toString(StandardCharsets.UTF_8);
            return "no event: " + text.lines().findFirst().orElse("(nothing)");
        }
    }

    private static Answer send(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(TIMEOUT_MS);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            byte[] all = s.getInputStream().readNBytes(MAX_ANSWER); // the server closes: Connection: close
            String text = new String(all, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] statusLine = head.lines().findFirst().orElse("").split(" ");
            return new Answer(statusLine.length > 1 ? statusLine[1] : "none", head, body);
        }
    }
}
