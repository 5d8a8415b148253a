package io.hallq.controller.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.hallq.controller.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client of the hall's REST API with its own cookie jar, sending the CSRF token once logged in. */
public final class ApiClient {

    /** A response: status and the JSON body (NullNode when empty). */
    public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        public Response(int status, JsonNode body) {
            this(status, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }

        public String text(String field) {
            return body.path(field).asText(null);
        }

        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** One Server-Sent Event. */
    public record Event(long id, String name, JsonNode data) {}

    private static final java.util.concurrent.Executor READERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sse-reader");
        t.setDaemon(true);
        return t;
    });

    private final String base;
    private final HttpClient http;
    private String csrf;
    private final java.util.Map<String, String> extraHeaders = new java.util.LinkedHashMap<>();

    ApiClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Response login(String user, String password) {
        Response r = post("/api/login", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        if (r.status() == 200) {
            csrf = r.text("csrfToken");
        }
        return r;
    }

    public Response login(String user) {
        Response r = login(user, WebTestHall.PASSWORD);
        if (r.status() != 200) {
            throw new AssertionError("login of " + user + " failed: " + r);
        }
        return r;
    }

    /** Sends {@code name: value} with every later request (e.g. the booking page's customer token). */
    public void header(String name, String value) {
        extraHeaders.put(name, value);
    }

    /** A header set with {@link #header}, or null. */
    public String extraHeader(String name) {
        return extraHeaders.get(name);
    }

    /** Forgets the CSRF token (the session cookie stays), as a forged cross-site request would lack it. */
    public void dropCsrf() {
        csrf = null;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).POST(json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path) {
        return post(path, null);
    }

    public Response put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Sends without waiting, for racing requests. */
    public CompletableFuture<Response> postAsync(String path) {
        return http.sendAsync(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).thenApply(ApiClient::parse);
    }

    /** Opens an event stream; events arrive in the returned queue until the test ends. */
    public BlockingQueue<Event> stream(String path) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpRequest req = request(path).header("Accept", "text/event-stream").GET().build();
        // async: the reading blocks for as long as the stream is open
        http.sendAsync(req, HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> {
            String[] event = {null, null};
            StringBuilder data = new StringBuilder();
            r.body().forEach(line -> {
                if (line.startsWith("id: ")) {
                    event[0] = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event[1] = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                } else if (line.isEmpty() && event[1] != null) {
                    events.add(new Event(Long.parseLong(event[0]), event[1], readJson(data.toString())));
                    event[1] = null;
                    data.setLength(0);
                }
            });
        }, READERS);
        return events;
    }

    /**
     * Opens an event stream, waits for its first event, and returns what completes when the server ends it.
     */
    public CompletableFuture<Void> streamEnd(String path) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        HttpRequest req = request(path).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<Void> ended = http.sendAsync(req, HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> {
            if (r.statusCode() != 200) {
                started.completeExceptionally(new AssertionError(path + " answered " + r.statusCode()));
            }
            r.body().forEach(line -> {
                if (line.startsWith("event: ")) {
                    started.complete(null);
                }
            });
        }, READERS);
        started.orTimeout(10, TimeUnit.SECONDS).join();
        return ended;
    }

    /** The pages' view follows durable events a moment later: GETs {@code path} until its body matches (10 s). */
    public JsonNode getUntil(String path, java.util.function.Predicate<JsonNode> ok) {
        java.util.concurrent.atomic.AtomicReference<Response> last = new java.util.concurrent.atomic.AtomicReference<>();
        Await.until(() -> "never true: " + last.get(), Duration.ofSeconds(10), () -> {
            Response r = get(path);
            last.set(r);
            return r.status() == 200 && ok.test(r.body());
        });
        return last.get().body();
    }

    /** Waits for the first event of the stream whose data matches (each event within 10 s of the last). */
    public static JsonNode until(BlockingQueue<Event> events, java.util.function.Predicate<JsonNode> matches) {
        while (true) {
            Event e = next(events);
            if (matches.test(e.data())) {
                return e.data();
            }
        }
    }

    public static Event next(BlockingQueue<Event> events) {
        try {
            Event e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no event within 10 s");
            }
            return e;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json");
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        extraHeaders.forEach(b::header);
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            return parse(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response parse(HttpResponse<String> r) {
        return new Response(r.statusCode(), r.body().isEmpty() ? NullNode.instance : readJson(r.body()), r.headers());
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return Json.MAPPER.getNodeFactory().textNode(text);
        }
    }
}
