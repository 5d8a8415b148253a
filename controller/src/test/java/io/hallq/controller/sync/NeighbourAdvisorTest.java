package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.protocol.mqtt.HallOnline;
import io.hallq.protocol.mqtt.HallStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeighbourAdvisorTest {

    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");
    private final MutableClock clock = new MutableClock(T);
    private final NeighbourAdvisor advisor = new NeighbourAdvisor(List.of(
            new MqttSettings.Neighbour("hall-b", "乙厅", "Hall B", 800, Duration.ofMinutes(10)),
            new MqttSettings.Neighbour("hall-c", "丙厅", "Hall C", 300, Duration.ofMinutes(10))),
            Duration.ofMinutes(1), clock);

    private static HallStatus status(String hall, long openWait, boolean enabled) {
        return new HallStatus(1, hall, "厅", "Hall", T, 1, 2, HallStatus.BusyLevel.NORMAL,
                Map.of("OPEN", new HallStatus.ServiceStatus(enabled, 3, Map.of(), openWait)), List.of(), null);
    }

    @Test
    void suggestsOnlyWhenTheWaitThereIsShorterByMoreThanTheMargin() {
        advisor.localStatus(status("hall-a", 1200, true));
        advisor.neighbourStatus("hall-b", status("hall-b", 700, true));
        assertTrue(advisor.suggestionFor("OPEN").isEmpty(), "500 s shorter is within the 600 s margin");
        advisor.neighbourStatus("hall-b", status("hall-b", 500, true));
        NeighbourAdvisor.Suggestion s = advisor.suggestionFor("OPEN").orElseThrow();
        assertEquals(new NeighbourAdvisor.Suggestion("hall-b", "乙厅", "Hall B", 500, 800, 1200), s);
    }

    @Test
    void picksTheShortestWait_andSkipsOfflineStaleOrClosedHalls() {
        advisor.localStatus(status("hall-a", 3000, true));
        advisor.neighbourStatus("hall-b", status("hall-b", 600, true));
        advisor.neighbourStatus("hall-c", status("hall-c", 300, true));
        assertEquals("hall-c", advisor.suggestionFor("OPEN").orElseThrow().hall());
        advisor.neighbourOnline("hall-c", new HallOnline(1, "hall-c", false, 3, T));
        assertEquals("hall-b", advisor.suggestionFor("OPEN").orElseThrow().hall());
        advisor.neighbourStatus("hall-b", status("hall-b", 600, false));
        assertTrue(advisor.suggestionFor("OPEN").isEmpty());
        advisor.neighbourStatus("hall-b", status("hall-b", 600, true));
        clock.advance(Duration.ofMinutes(2));
        assertTrue(advisor.suggestionFor("OPEN").isEmpty(), "a status older than staleAfter is ignored");
    }

    @Test
    void nearbyHall_isTheSuggestionAsTheTicketPrintsIt() {
        advisor.localStatus(status("hall-a", 3000, true));
        assertTrue(advisor.nearbyHall("OPEN").isEmpty(), "no neighbour status yet");
        advisor.neighbourStatus("hall-b", status("hall-b", 600, true));
        assertEquals(new io.hallq.controller.ticket.NearbyHall("乙厅", "Hall B", 600, 800),
                advisor.nearbyHall("OPEN").orElseThrow());
    }

    @Test
    void whenNoCounterHereTakesTheService_anyOpenNeighbourIsSuggested() {
        advisor.localStatus(status("hall-a", -1, true));
        advisor.neighbourStatus("hall-b", status("hall-b", 2400, true));
        assertEquals(-1, advisor.suggestionFor("OPEN").orElseThrow().localWaitSeconds());
    }

    @Test
    void aTicketGoesByTheSameRule_withItsOwnWait_marginIncluded() {
        advisor.localStatus(status("hall-a", 1200, true));
        advisor.neighbourStatus("hall-b", status("hall-b", 500, true));
        NeighbourAdvisor.Suggestion board = advisor.suggestionFor("OPEN").orElseThrow();
        assertEquals(new io.hallq.controller.ticket.NearbyHall("乙厅", "Hall B", 500, 800),
                advisor.nearbyHall("OPEN", 1200).orElseThrow(), "a walk-in's ticket says what the board says");
        assertEquals("hall-b", board.hall());
        assertTrue(advisor.nearbyHall("OPEN", 1000).isEmpty(), "500 s shorter is within the margin, on a ticket too");
        assertTrue(advisor.nearbyHall("OPEN", 290).isEmpty(), "a VIP head start: no reason to go");
        assertTrue(advisor.nearbyHall("OPEN", -1).isPresent(), "no counter serves it here today");
    }

    @Test
    void whileNobodyHereServesTheService_boardAndTicketBothSuggest_whateverTheTicketEstimatesForLater() {
        advisor.localStatus(status("hall-a", -1, true));
        advisor.neighbourStatus("hall-b", status("hall-b", 2400, true));
        assertTrue(advisor.nearbyHall("OPEN").isPresent(), "the board");
        assertEquals(advisor.nearbyHall("OPEN"), advisor.nearbyHall("OPEN", 0),
                "a ticket estimating 0 s for when the closed counters open");
        advisor.localStatus(status("hall-a", 0, true));
        assertTrue(advisor.nearbyHall("OPEN").isEmpty());
        assertTrue(advisor.nearbyHall("OPEN", 0).isEmpty());
    }

    @Test
    void beforeTheHallsOwnStatus_neitherBoardNorTicketSuggests() {
        advisor.neighbourStatus("hall-b", status("hall-b", 60, true));
        assertTrue(advisor.nearbyHall("OPEN").isEmpty());
        assertTrue(advisor.nearbyHall("OPEN", 3000).isEmpty());
    }

    @Test
    void hallsNotConfiguredAsNeighbours_andUnknownServices_areIgnored() {
        advisor.localStatus(status("hall-a", 3000, true));
        advisor.neighbourStatus("hall-z", status("hall-z", 10, true));
        assertTrue(advisor.suggestionFor("OPEN").isEmpty());
        assertTrue(advisor.suggestionFor("NOPE").isEmpty());
    }

    @Test
    void aStatusOnOneHallsTopicNamingAnotherHall_isFiledNowhere() {
        advisor.localStatus(status("hall-a", 3000, true));
        advisor.neighbourStatus("hall-c", status("hall-b", 10, true)); // hall-c posing as hall-b
        assertTrue(advisor.suggestionFor("OPEN").isEmpty());
        advisor.neighbourOnline("hall-c", new HallOnline(1, "hall-b", false, 9, T));
        advisor.neighbourStatus("hall-b", status("hall-b", 10, true));
        assertEquals("hall-b", advisor.suggestionFor("OPEN").orElseThrow().hall(), "hall-c could not take hall-b offline");
    }

    @Test
    void aStatusStampedFarInTheFuture_goesStaleLikeAnyOther() {
        advisor.localStatus(status("hall-a", 3000, true));
        HallStatus future = new HallStatus(1, "hall-b", "厅", "Hall", T.plus(Duration.ofDays(365)), 1, 2,
                HallStatus.BusyLevel.NORMAL, Map.of("OPEN", new HallStatus.ServiceStatus(true, 3, Map.of(), 10)),
                List.of(), null);
        advisor.neighbourStatus("hall-b", future);
        assertTrue(advisor.suggestionFor("OPEN").isPresent());
        clock.advance(Duration.ofMinutes(2)); // staleAfter is 1 minute
        assertTrue(advisor.suggestionFor("OPEN").isEmpty(), "a status dated next year must not stay fresh");
    }
}
