package io.hallq.display.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.display.board.BoardView.CallLine;
import io.hallq.display.board.BoardView.CounterLine;
import io.hallq.display.board.BoardView.Notice;
import io.hallq.display.board.BoardView.ServiceLine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoardServerTest {

    private static BoardView view(long seq, String ticket) {
        return new BoardView(seq, Instant.parse("2026-11-23T02:00:00Z"), "测试厅", "Test Hall",
                List.of(new CounterLine(3, "3号窗口", "Counter 3", "OPEN", ticket)),
                List.of(new CallLine(ticket, 3, false, seq)),
                List.of(new ServiceLine("PAY", "充值缴费", "Top-up", true, 2, 240, "", "")),
                List.of(new Notice("今日较空闲时段 11:00-15:00", "Quieter hours today: 11:00-15:00")));
    }

    @Test
    void standaloneBoard_servesThePageAndTheLatestView_andIgnoresOlderOnes() throws Exception {
        try (BoardServer server = BoardServer.start("127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            assertEquals(503, get(http, base + "/api/board").statusCode(), "no view yet");
            server.show(view(10, "E001"));
            server.show(view(12, "E002"));
            server.show(view(11, "E001")); // a late, older view
            HttpResponse<String> r = get(http, base + "/api/board");
            assertEquals(200, r.statusCode());
            assertEquals(view(12, "E002"), BoardView.fromJson(r.body()));
            HttpResponse<String> page = get(http, base + "/board/");
            assertTrue(page.body().contains("/api/feed/board") || page.body().contains("board.js"), page.body());
        }
    }

    @Test
    void standaloneBoard_tellsThePageHowItsLinkToTheHallStands_overTheBoardFeed() throws Exception {
        try (BoardServer server = BoardServer.start("127.0.0.1", 0)) {
            server.upstream(BoardServer.Upstream.CONNECTING);
            server.show(view(7, "E001"));
            server.upstream(BoardServer.Upstream.OFFLINE);
            HttpResponse<java.util.stream.Stream<String>> feed = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/feed/board")).build(),
                    HttpResponse.BodyHandlers.ofLines()).get(10, java.util.concurrent.TimeUnit.SECONDS);
            java.util.List<String> seen = new java.util.ArrayList<>();
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                java.util.Iterator<String> lines = feed.body().iterator();
                String event = "";
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        seen.add(event + " " + line.substring(6));
                        if (seen.size() == 2) {
                            return;
                        }
                    }
                }
            }).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(seen.contains("upstream {\"state\":\"OFFLINE\"}"), seen.toString());
            assertTrue(seen.stream().anyMatch(l -> l.startsWith("board {") && l.contains("\"E001\"")), seen.toString());
            assertEquals(BoardServer.Upstream.OFFLINE, server.upstream());
        }
    }

    @Test
    void replacedView_isShownThoughItsSequenceIsLower_andLaterViewsFollowIt() throws Exception {
        try (BoardServer server = BoardServer.start("127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            server.show(view(120, "E042"));
            server.replace(view(3, "E001")); // the hall's journal began again
            assertEquals(view(3, "E001"), BoardView.fromJson(get(http, base + "/api/board").body()));
            server.show(view(2, "E009")); // older than the new journal's view
            server.show(view(4, "E002"));
            assertEquals(view(4, "E002"), BoardView.fromJson(get(http, base + "/api/board").body()));
        }
    }

    @Test
    void refusedUpstream_carriesItsDetail_toThePage() throws Exception {
        try (BoardServer server = BoardServer.start("127.0.0.1", 0)) {
            server.upstream(BoardServer.Upstream.REFUSED, "hallq/v1/h/board: reason code 0x87 \"not\" authorized");
            HttpResponse<java.util.stream.Stream<String>> feed = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/feed/board")).build(),
                    HttpResponse.BodyHandlers.ofLines()).get(10, java.util.concurrent.TimeUnit.SECONDS);
            String data = java.util.concurrent.CompletableFuture.supplyAsync(() -> feed.body()
                    .filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("{\"state\":\"REFUSED\",\"detail\":\"hallq/v1/h/board: reason code 0x87 \\\"not\\\" authorized\"}",
                    data);
            assertEquals(BoardServer.Upstream.REFUSED, server.upstream());
        }
    }

    @Test
    void liveFeeds_beyondTheCaps_areRefusedWithTheReason_perAddressAndInTotal_andASlotComesBackOnClose()
            throws Exception {
        try (BoardServer server = BoardServer.start("127.0.0.1", 0, new BoardServer.FeedLimits(3, 2))) {
            server.show(view(1, "E001"));
            String feed = "http://127.0.0.1:" + server.port() + "/api/feed/board";
            // every 127.x.y.z is this machine: each client below comes from an address of its own
            HttpClient one = client("127.0.0.1");
            HttpClient two = client("127.0.0.2");
            HttpClient three = client("127.0.0.3");
            HttpResponse<java.util.stream.Stream<String>> first = openFeed(one, feed);
            openFeed(one, feed);
            HttpResponse<String> overAddress = one.sendAsync(HttpRequest.newBuilder(URI.create(feed)).build(),
                    HttpResponse.BodyHandlers.ofString()).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(429, overAddress.statusCode(), overAddress.body());
            assertEquals("{\"error\":\"TOO_MANY_FEEDS\",\"message\":\"this address has 2 live feeds open; close one"
                    + " first\"}", overAddress.body());
            assertEquals("30", overAddress.headers().firstValue("Retry-After").orElse(""));

            openFeed(two, feed); // another address: still room in total
            HttpResponse<String> overTotal = three.sendAsync(HttpRequest.newBuilder(URI.create(feed)).build(),
                    HttpResponse.BodyHandlers.ofString()).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(503, overTotal.statusCode(), overTotal.body());
            assertTrue(overTotal.body().contains("\"error\":\"TOO_MANY_FEEDS\"")
                    && overTotal.body().contains("3 board feeds at once"), overTotal.body());
            assertEquals(3, server.openFeeds(), "the refused ones hold no slot");

            first.body().close(); // the client goes away: its slot comes back
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (server.openFeeds() > 2 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000); // polls the condition
            }
            assertEquals(2, server.openFeeds(), "the closed feed's slot is given back");
            openFeed(three, feed);
            assertEquals(3, server.openFeeds());
        }
    }

    /** Opens the board feed and waits for its first view, so the server has counted it. */
    private static HttpResponse<java.util.stream.Stream<String>> openFeed(HttpClient http, String url)
            throws Exception {
        HttpResponse<java.util.stream.Stream<String>> r = http.sendAsync(HttpRequest.newBuilder(URI.create(url))
                .build(), HttpResponse.BodyHandlers.ofLines()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        java.util.Iterator<String> lines = r.body().iterator();
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            while (lines.hasNext() && !lines.next().startsWith("data: ")) {
                // until the first view
            }
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        return r;
    }

    private static HttpClient client(String from) throws Exception {
        return HttpClient.newBuilder().localAddress(java.net.InetAddress.getByName(from)).build();
    }

    @Test
    void boardView_survivesItsJsonRoundTrip() {
        assertEquals(view(5, "A001"), BoardView.fromJson(view(5, "A001").toJson()));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
