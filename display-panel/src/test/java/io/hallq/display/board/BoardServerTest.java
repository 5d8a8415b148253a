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
    void boardView_survivesItsJsonRoundTrip() {
        assertEquals(view(5, "A001"), BoardView.fromJson(view(5, "A001").toJson()));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
