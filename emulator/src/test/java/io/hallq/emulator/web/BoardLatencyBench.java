package io.hallq.emulator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.controller.web.ApiClient;
import io.hallq.controller.web.WebTestHall;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test (run on demand, see docs/web.md): from a counter's call key (REST call-next) to the
 * hall board's DOM showing the call in headless Chromium. Baselines in the same run: the HTTP round trip of
 * a rejected key press (no journal write, no push), and of the accepted call itself (journal fsync
 * included). Times are wall-clock microseconds on one machine: Java's Instant and the page's
 * performance.timeOrigin + performance.now().
 */
class BoardLatencyBench {

    static final int CALLS = Integer.getInteger("bench.calls", 200);
    static final int WARMUP = 20;

    @TempDir
    Path data;

    @Test
    void callKeyToHallBoard() {
        try (WebTestHall hall = WebTestHall.start(data); Browser b = new Browser(1920, 1080)) {
            ApiClient kiosk = hall.client();
            kiosk.login("kiosk");
            for (int i = 0; i < CALLS + WARMUP; i++) {
                assertEquals(200, kiosk.post("/api/tickets", "{\"service\":\"" + (i % 2 == 0 ? "OPEN" : "PAY") + "\"}")
                        .status());
            }
            ApiClient staff = hall.client();
            staff.login("staff");
            ApiClient other = hall.client();
            other.login("staff4");
            b.open(hall.url("/board/"));
            b.until(d -> b.js("return document.body.dataset.seq") != null);
            b.js("window.__seen = {};"
                    + "new MutationObserver(function () { window.__seen[document.body.dataset.seq] ="
                    + " performance.timeOrigin + performance.now(); })"
                    + ".observe(document.body, {attributes: true, attributeFilter: ['data-seq']});");
            List<Double> rejected = new ArrayList<>();
            List<Double> accepted = new ArrayList<>();
            List<Double> board = new ArrayList<>();
            for (int i = 0; i < CALLS + WARMUP; i++) {
                double r0 = micros();
                assertEquals(409, other.post("/api/counters/4/call-next").status()); // nobody waits for DIRECT
                double r1 = micros();
                double t0 = micros();
                ApiClient.Response call = staff.post("/api/counters/" + (2 + i % 2) + "/call-next");
                double t1 = micros();
                long seq = call.body().path("seq").asLong();
                double shown = seenAt(b, seq);
                if (i >= WARMUP) {
                    rejected.add((r1 - r0) / 1000);
                    accepted.add((t1 - t0) / 1000);
                    board.add(shown / 1000 - t0 / 1000);
                }
            }
            report(rejected, accepted, board);
        }
    }

    private static double micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1e6 + now.getNano() / 1e3;
    }

    /** When the board's DOM first showed a view at or after {@code seq}, in epoch microseconds. */
    private static double seenAt(Browser b, long seq) {
        Object at = b.until(d -> b.js("var best = null; for (var k in window.__seen) { if (+k >= arguments[0]"
                + " && (best === null || window.__seen[k] < best)) best = window.__seen[k]; } return best;", seq));
        return ((Number) at).doubleValue() * 1000;
    }

    private static void report(List<Double> rejected, List<Double> accepted, List<Double> board) {
        System.out.printf("%n## Call key -> hall board (%d calls, headless Chromium, 1920x1080)%n", board.size());
        System.out.println("| path | p50 ms | p99 ms | p50 / accepted call |");
        System.out.println("|---|---|---|---|");
        double base = pct(accepted, 50);
        line("rejected key press, HTTP round trip (baseline)", rejected, base);
        line("accepted call-next, HTTP round trip incl. journal fsync (baseline)", accepted, base);
        line("call key -> board DOM updated", board, base);
    }

    private static void line(String name, List<Double> v, double base) {
        System.out.printf("| %s | %.2f | %.2f | %.2f |%n", name, pct(v, 50), pct(v, 99), pct(v, 50) / base);
    }

    private static double pct(List<Double> values, int p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
}
