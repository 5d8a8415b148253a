package io.hallq.controller.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.journal.Journal;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.*;
import io.hallq.protocol.stats.DailyStatistics;
import io.hallq.protocol.stats.DailyStatistics.CounterDay;
import io.hallq.protocol.stats.DailyStatistics.ServiceHour;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HallStatisticsTest {

    static final HallConfig HALL = TestHalls.small();
    static final Instant NINE = TestHalls.MONDAY_10AM.minusSeconds(3600);

    static Instant at(int hour, int minute) {
        return NINE.plusSeconds((hour - 9) * 3600L + minute * 60L);
    }

    static TicketIssued issued(Instant at, String ticket, String service) {
        return new TicketIssued(at, ticket, service, "WALKIN", at, 0, 0, false, false, null, null);
    }

    /** A small Monday worked out by hand in the test names' figures. */
    static List<HallEvent> smallDay() {
        return List.of(
                new DayStarted(at(9, 0), "2026-03-02"),
                issued(at(9, 0), "A001", "OPEN"),
                issued(at(9, 5), "E001", "PAY"),
                new TicketCalled(at(9, 6), "A001", 2),
                issued(at(9, 10), "E002", "PAY"),
                new TicketCalled(at(9, 12), "E001", 3),
                new TicketNoShow(at(9, 14), "E001", 3, true),
                new TicketCalled(at(9, 15), "E001", 3),
                new TicketServed(at(9, 16), "A001", 2, 600),
                new TicketCalled(at(9, 16), "E002", 2),
                new TicketTransferred(at(9, 17), "E001", 3, "PAY", "OPEN", at(9, 5)),
                new TicketServed(at(9, 18), "E002", 2, 120),
                new ServiceRated(at(9, 18), "E002", 2, 4),
                new CounterChanged(at(9, 20), 3, CounterStatus.CLOSED),
                issued(at(10, 0), "A002", "OPEN"),
                new TicketCalled(at(10, 5), "E001", 2),
                new TicketServed(at(10, 15), "E001", 2, 600),
                new ServiceRated(at(10, 16), "E001", 2, 1),
                new CounterChanged(at(10, 30), 2, CounterStatus.CLOSED));
    }

    @Test
    void serviceHours_countArrivalsAndWaitsByIssueHour_andHandlingByCallHour() {
        DailyStatistics day = HallStatistics.of(HALL, smallDay()).getFirst();
        assertEquals("2026-03-02", day.day());
        assertEquals(List.of(
                new ServiceHour("OPEN", 9, 1, 1, 360, 360, 1, 600, 0, 0, 0, 0),
                new ServiceHour("OPEN", 10, 1, 0, 0, 0, 1, 600, 0, 0, 1, 1),
                new ServiceHour("PAY", 9, 2, 2, 390, 420, 1, 120, 1, 1, 1, 4)), day.serviceHours());
    }

    @Test
    void counters_measureOpenAndBusyTime_untilTheLastEvent() {
        List<CounterDay> counters = HallStatistics.of(HALL, smallDay()).getFirst().counters();
        assertEquals(List.of(
                new CounterDay(1, 0, 5400, 0, 0, 0, 0, 0),
                new CounterDay(2, 3, 5400, 1320, 1320.0 / 5400, 440, 2, 2.5),
                new CounterDay(3, 0, 1200, 240, 0.2, 0, 0, 0),
                new CounterDay(4, 0, 5400, 0, 0, 0, 0, 0)), counters);
    }

    @Test
    void csv_hasOneLinePerServiceHour_withDotDecimals() {
        String csv = StatisticsCsv.serviceHours(HallStatistics.of(HALL, smallDay()));
        assertEquals(List.of(
                "hall,day,service,hour,arrivals,called,mean_wait_s,p90_wait_s,served,mean_handling_s,no_shows,"
                        + "transfers_out,ratings,mean_rating",
                "test-hall,2026-03-02,OPEN,9,1,1,360.0,360.0,1,600.0,0,0,0,0.00",
                "test-hall,2026-03-02,OPEN,10,1,0,0.0,0.0,1,600.0,0,0,1,1.00",
                "test-hall,2026-03-02,PAY,9,2,2,390.0,420.0,1,120.0,1,1,1,4.00"), csv.lines().toList());
    }

    @Test
    void journal_givesTheSameFiguresAsTheEventList(@TempDir Path dir) {
        try (Journal journal = Journal.open(dir)) {
            journal.startSegment("2026-03-02");
            journal.append(smallDay().stream().map(EventCodec::encode).toList());
            assertEquals(HallStatistics.of(HALL, smallDay()),
                    HallStatistics.fromJournal(HALL, journal, journal.days()));
        }
    }

    @Test
    void lastWeeks_readsOnlyTheRecentDaysOfTheJournal(@TempDir Path dir) {
        try (Journal journal = Journal.open(dir)) {
            for (String day : List.of("2026-02-02", "2026-02-23", "2026-03-02")) {
                Instant nine = java.time.LocalDate.parse(day).atTime(9, 0).atZone(TestHalls.ZONE).toInstant();
                journal.startSegment(day);
                journal.append(List.of(EventCodec.encode(new DayStarted(nine, day)),
                        EventCodec.encode(issued(nine.plusSeconds(60), "A001", "OPEN"))));
            }
            assertEquals(List.of("2026-02-23", "2026-03-02"),
                    HallStatistics.lastWeeks(HALL, journal, 2).stream().map(DailyStatistics::day).toList());
        }
    }

    @Test
    void twoDays_giveTwoEntries_andTheProfileAveragesArrivalsPerWeekday() {
        List<HallEvent> week = new java.util.ArrayList<>(smallDay());
        Instant next = at(9, 0).plusSeconds(7 * 86400);
        week.add(new DayStarted(next, "2026-03-09"));
        week.add(issued(next.plusSeconds(60), "A001", "OPEN"));
        week.add(issued(next.plusSeconds(120), "A002", "OPEN"));
        week.add(issued(next.plusSeconds(180), "A003", "OPEN"));
        List<DailyStatistics> days = HallStatistics.of(HALL, week);
        assertEquals(2, days.size());
        var profile = ProfileBuilder.build("test-hall", days);
        assertEquals("2026-03-02", profile.fromDay());
        assertEquals("2026-03-09", profile.toDay());
        var monday9 = profile.slots().getFirst();
        assertEquals(java.time.DayOfWeek.MONDAY, monday9.weekday());
        assertEquals(9, monday9.hour());
        assertEquals(2, monday9.daysObserved());
        assertEquals((3 + 3) / 2.0, monday9.arrivalsPerHour());
        assertEquals((600 + 120) / 2.0, monday9.meanHandlingSeconds());
    }

    @Test
    void runningDay_afterEveryEvent_equalsTheStatisticsOfTheEventsSoFar_andRestartsAtDayStarted() {
        RunningDay running = new RunningDay(HALL);
        List<HallEvent> day = smallDay();
        for (int i = 0; i < day.size(); i++) {
            running.add(i + 1, day.get(i), "unused");
            assertEquals(HallStatistics.of(HALL, day.subList(0, i + 1)).getFirst(), running.statistics().orElseThrow());
        }
        assertEquals(false, running.add(3, day.get(2), "unused"), "an event already added is ignored");
        Instant next = at(9, 0).plusSeconds(86400);
        running.add(day.size() + 1, new DayStarted(next, "2026-03-03"), "unused");
        assertEquals("2026-03-03", running.day().orElseThrow());
        assertEquals(List.of(), running.statistics().orElseThrow().serviceHours());
    }
}
