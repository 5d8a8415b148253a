package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.queue.Command;
import io.hallq.protocol.mqtt.HallBoard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hall side of the board topic against a real Mosquitto: what is published, how often, and when again. */
class BoardPublisherIT extends BrokerAndHall<BoardHalls.Running> {

    private static final String HALL = "board-hall";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private BoardTopicProbe probe;

    @BeforeEach
    void broker() {
        startBroker();
    }

    @AfterEach
    void closeProbe() {
        if (probe != null) {
            probe.close();
        }
    }

    private BoardHalls.Running startHall(boolean web) {
        return boardHall(HALL, web);
    }

    @Test
    void calledTicket_reachesTheRetainedBoardTopic_withItsCounter() {
        hall = startHall(true);
        String ticket = hall.issueAndCall("PAY", 2);
        probe = new BoardTopicProbe(broker.uri(), HALL);
        HallBoard b = probe.await(m -> !m.calls().isEmpty() && m.calls().get(0).ticket().equals(ticket), WAIT);
        assertEquals(2, b.calls().get(0).counter());
        assertEquals(ticket, b.counters().stream().filter(c -> c.number() == 2).findFirst().orElseThrow().ticket());
        assertEquals(HALL, b.hall());
        assertEquals("测试" + HALL, b.hallZh());
    }

    @Test
    void boardTopic_carriesNoPhoneNumberTokenOrCustomerClass() {
        hall = startHall(true);
        String token = "0123456789abcdef0123456789abcdef";
        hall.hall().submit(new Command.IssueTicket("OPEN", "GOTONE", "138****5678", token)).join();
        long last = hall.hall().lastSequence();
        probe = new BoardTopicProbe(broker.uri(), HALL);
        probe.await(m -> m.seq() >= last, WAIT);
        for (BoardTopicProbe.Arrival a : probe.arrivals()) {
            for (String personal : List.of("138", "5678", token, "GOTONE", "phone", "token")) {
                assertFalse(a.json().contains(personal), () -> a.json() + " shows " + personal);
            }
        }
    }

    @Test
    void burstOfChanges_isCoalesced_toAtMostOneMessageEvery250ms_endingWithTheNewest() throws InterruptedException {
        hall = startHall(true);
        probe = new BoardTopicProbe(broker.uri(), HALL);
        probe.await(m -> true, WAIT); // the retained view of the start
        int before = probe.arrivals().size();
        CompletableFuture<?> lastIssued = null;
        for (int i = 0; i < 150; i++) {
            lastIssued = hall.hall().submit(Command.IssueTicket.walkIn(i % 2 == 0 ? "PAY" : "OPEN"));
            if (i % 10 == 0) {
                // pacing, not waiting for anything: the rule under test is a wall-clock rate (one message per
                // 250 ms), so the burst must span several intervals, in separate batches so the feed makes many views
                Thread.sleep(20);
            }
        }
        lastIssued.join();
        long last = hall.hall().lastSequence();
        probe.await(m -> m.seq() == last, WAIT);
        List<BoardTopicProbe.Arrival> burst = probe.arrivals().subList(before, probe.arrivals().size());
        long spanMs = TimeUnit.NANOSECONDS.toMillis(burst.get(burst.size() - 1).nanos() - burst.get(0).nanos());
        assertTrue(burst.size() <= spanMs / BoardPublisher.MIN_INTERVAL_MS + 2,
                burst.size() + " board messages in " + spanMs + " ms: not coalesced");
        assertEquals(last, burst.get(burst.size() - 1).board().seq(), "the last message is the newest view");
    }

    @Test
    void brokerThatLostItsRetainedMessages_getsTheBoardAgainOnReconnect() throws Exception {
        hall = startHall(true);
        String ticket = hall.issueAndCall("OPEN", 3);
        probe = new BoardTopicProbe(broker.uri(), HALL);
        probe.await(m -> !m.calls().isEmpty() && m.calls().get(0).ticket().equals(ticket), WAIT);
        probe.close();
        probe = null;
        broker.stop();
        try (var files = Files.list(dir.resolve("broker"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".db")).toList()) {
                Files.delete(f); // the broker comes back without any retained message
            }
        }
        broker.start();
        probe = new BoardTopicProbe(broker.uri(), HALL);
        HallBoard again = probe.await(m -> !m.calls().isEmpty() && m.calls().get(0).ticket().equals(ticket), WAIT);
        assertEquals(3, again.calls().get(0).counter());
    }

    @Test
    void webServerSwitchedOff_theBoardTopicStillCarriesTheView() {
        hall = startHall(false);
        assertEquals(-1, hall.web().port(), "no web server");
        String ticket = hall.issueAndCall("PAY", 2);
        probe = new BoardTopicProbe(broker.uri(), HALL);
        HallBoard b = probe.await(m -> !m.calls().isEmpty() && m.calls().get(0).ticket().equals(ticket), WAIT);
        assertEquals(2, b.calls().get(0).counter());
    }
}
