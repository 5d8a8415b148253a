package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import io.hallq.controller.stats.HallStatistics;
import io.hallq.protocol.mqtt.DailyStats;
import io.hallq.protocol.mqtt.HallProfile;
import io.hallq.protocol.mqtt.Topics;
import io.hallq.protocol.stats.BusyIdleProfile;
import io.hallq.protocol.stats.DailyStatistics;
import io.hallq.protocol.stats.DailyStatistics.CounterDay;
import io.hallq.protocol.stats.DailyStatistics.ServiceHour;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics topics against a real Mosquitto: day roll, broker down at the roll, the retained profile. */
class StatsSyncIT extends BrokerAndHall<SyncHalls.Running> {

    private static final String HALL = "hall-s";
    private static final String MONDAY = "2026-11-23";

    private SyncHalls.Running startHall() {
        return syncHall(HALL);
    }

    /** Shanghai local time on Monday 23 November 2026. */
    private static Instant monday(int hour, int minute) {
        return TestHalls.MONDAY_10AM.plusSeconds((hour - 10) * 3600L + minute * 60L);
    }

    private void at(Instant t, Command c) {
        clock.set(t);
        hall.runtime().hall().submit(c).join();
    }

    /**
     * Monday from 10:00: A001 (OPEN) at 10:00 and E001 (PAY) at 10:02; counter 3 calls A001 at 10:06 (waited
     * 360 s), counter 2 calls E001 at 10:08 (360 s); E001 done at 10:10 (120 s), A001 at 10:16 (600 s); E002 (PAY)
     * at 10:20 is never called; all four counters close at 18:00 after 8 hours open.
     */
    private void scriptedMonday() {
        at(monday(10, 0), Command.IssueTicket.walkIn("OPEN"));
        at(monday(10, 2), Command.IssueTicket.walkIn("PAY"));
        at(monday(10, 6), new Command.CallTicket(3, "A001"));
        at(monday(10, 8), new Command.CallTicket(2, "E001"));
        at(monday(10, 10), new Command.Finish(2));
        at(monday(10, 16), new Command.Finish(3));
        at(monday(10, 20), Command.IssueTicket.walkIn("PAY"));
        for (int c = 1; c <= 4; c++) {
            at(monday(18, 0), new Command.CloseCounter(c));
        }
    }

    /** The same figures worked out by hand. */
    private static DailyStatistics expectedMonday() {
        return new DailyStatistics(HALL, MONDAY, List.of(
                new ServiceHour("OPEN", 10, 1, 1, 360, 360, 1, 600, 0, 0, 0, 0),
                new ServiceHour("PAY", 10, 2, 1, 360, 360, 1, 120, 0, 0, 0, 0)), List.of(
                new CounterDay(1, 0, 28800, 0, 0, 0, 0, 0),
                new CounterDay(2, 1, 28800, 120, 120 / 28800.0, 120, 0, 0),
                new CounterDay(3, 1, 28800, 600, 600 / 28800.0, 600, 0, 0),
                new CounterDay(4, 0, 28800, 0, 0, 0, 0, 0)));
    }

    /** The next business day starts at the first command after the 04:00 rollover, outside opening hours. */
    private void rollTo(String day) {
        at(LocalDate.parse(day).atTime(8, 0).atZone(TestHalls.ZONE).toInstant(), new Command.Tick());
        assertEquals(day, hall.runtime().hall().currentDay().orElseThrow());
    }

    private DailyStats closedDay(String day) {
        return Retained.await(broker.uri(), Topics.statsDaily(HALL), DailyStats.class, d -> d.day().equals(day));
    }

    @Test
    void dayRollsOver_theClosedDaysStatisticsArriveOnStatsDaily_withTheHandCheckedFigures() {
        startBroker();
        hall = startHall();
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        scriptedMonday();
        DailyStats soFar = Retained.await(broker.uri(), Topics.stats(HALL), DailyStats.class,
                d -> d.lastSeq() == hall.runtime().hall().lastSequence());
        assertFalse(soFar.closed());
        assertEquals(expectedMonday(), soFar.statistics(), "the day so far, from the same tally");

        rollTo("2026-11-24");
        DailyStats closed = closedDay(MONDAY);
        assertTrue(closed.closed());
        assertEquals(HALL, closed.hall());
        assertEquals(expectedMonday(), closed.statistics());
        DailyStats tuesday = Retained.await(broker.uri(), Topics.stats(HALL), DailyStats.class,
                d -> d.day().equals("2026-11-24"));
        assertFalse(tuesday.closed());
        assertEquals(List.of(), tuesday.statistics().serviceHours(), "the new day starts from nothing");
    }

    @Test
    void brokerDownAtTheRoll_andControllerRestartedMeanwhile_theClosedDayArrivesAfterReconnect_exactlyAsComputed()
            throws Exception {
        startBroker();
        hall = startHall();
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        scriptedMonday();
        broker.stop();
        rollTo("2026-11-24");
        hall.close();
        hall = startHall();
        at(clock.instant().plusSeconds(60), Command.IssueTicket.walkIn("PAY"));
        assertFalse(hall.mqtt().connected());
        assertFalse(Files.exists(dir.resolve(HALL).resolve("mqtt-stats-daily.cursor")), "nothing acknowledged yet");

        broker.start();
        DailyStats closed = closedDay(MONDAY);
        assertTrue(closed.closed());
        HallController h = hall.runtime().hall();
        assertEquals(HallStatistics.ofDay(h, MONDAY).orElseThrow(), closed.statistics());
        assertEquals(expectedMonday(), closed.statistics());
        assertTrue(CentralRecorder.await(() -> Files.exists(dir.resolve(HALL).resolve("mqtt-stats-daily.cursor")),
                10_000), "the acknowledged day is remembered, so it is not sent again");
        assertEquals(LocalDate.parse(MONDAY).toEpochDay(),
                Long.parseLong(Files.readString(dir.resolve(HALL).resolve("mqtt-stats-daily.cursor")).trim()));
    }

    @Test
    void profile_isRetained_andALateSubscriberReadsItAfterTheHallWentAway() {
        startBroker();
        hall = startHall();
        assertTrue(CentralRecorder.await(hall.mqtt()::connected, 10_000));
        scriptedMonday();
        rollTo("2026-11-30"); // the next Monday: the profile covers the closed days of the four weeks before
        Retained.await(broker.uri(), Topics.profile(HALL), HallProfile.class, p -> !p.profile().slots().isEmpty());
        hall.close();
        hall = null;

        HallProfile late = Retained.await(broker.uri(), Topics.profile(HALL), HallProfile.class, p -> true);
        assertEquals(4, late.weeks(), "journal.profileWeeks defaults to 4");
        assertEquals(MONDAY, late.profile().fromDay());
        assertEquals(MONDAY, late.profile().toDay());
        // Monday 10:00: 3 arrivals on the one Monday; handling (600 + 120) / 2; waits of the called (360, 360)
        assertEquals(List.of(new BusyIdleProfile.Slot(DayOfWeek.MONDAY, 10, 1, 3, 360, 360)), late.profile().slots());
    }
}
