package io.hallq.controller.config;

import static io.hallq.controller.config.TestHall.inFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HallAndHoursRulesTest {

    private static TestHall hall(String body) {
        return TestHall.minimal().with("hall", body);
    }

    private static TestHall hours(String body) {
        return TestHall.minimal().with("hours", body);
    }

    @Test
    void hallIdAndNames_areRequired() {
        assertEquals(inFile("hall.id: missing; expected a hall id of 1 to 32 characters a-z, 0-9 and '-'",
                "hall.nameZh: missing; expected a non-blank text",
                "hall.nameEn: empty; expected a non-blank text"), hall("nameEn: \"\"").errors());
    }

    @Test
    void blankName_isRefused() {
        assertEquals(inFile("hall.nameZh: expected a non-blank text, got '   '"),
                hall("id: h\nnameZh: \"   \"\nnameEn: Hall").errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SH-01", "sh_01", "sh 01", "abcdefghij-abcdefghij-abcdefghij1"})
    void hallId_mustBeAShortTopicSegment(String id) {
        assertEquals(inFile("hall.id: expected a hall id of 1 to 32 characters a-z, 0-9 and '-', got '" + id + "'"),
                hall("id: " + id + "\nnameZh: 厅\nnameEn: Hall").errors());
    }

    @Test
    void hallId_ofThirtyTwoCharacters_isAccepted() {
        String id = "a".repeat(30) + "-1";
        assertEquals(id, hall("id: " + id + "\nnameZh: 厅\nnameEn: Hall").load().hall().id());
    }

    @Test
    void zone_mustBeAKnownTimeZone() {
        assertEquals(inFile("hall.zone: expected a time zone id such as Asia/Shanghai, got 'Asia/Beijing'"),
                hall("id: h\nnameZh: 厅\nnameEn: Hall\nzone: Asia/Beijing").errors());
        assertEquals(ZoneId.of("Asia/Urumqi"),
                hall("id: h\nnameZh: 厅\nnameEn: Hall\nzone: Asia/Urumqi").load().hall().zone());
    }

    @Test
    void unknownKeyInHall_isReported() {
        assertEquals(inFile("hall.name: unknown key, did you mean 'nameZh'? (known: id, nameZh, nameEn, zone)"),
                hall("id: h\nnameZh: 厅\nnameEn: Hall\nname: Hall").errors());
    }

    @Test
    void openAndClose_areRequired() {
        assertEquals(inFile("hours.open: missing; expected a time of day HH:MM",
                "hours.close: missing; expected a time of day HH:MM"), hours("busyPeriods: []").errors());
    }

    @Test
    void close_mustComeAfterOpen() {
        assertEquals(inFile("hours.close: expected a time of day after the opening time 09:00, got '09:00'"),
                hours("open: \"09:00\"\nclose: \"09:00\"").errors());
    }

    @Test
    void dayRollover_mustLieOutsideOpeningHours() {
        assertEquals(inFile("hours.dayRollover: expected a time of day outside the opening hours 09:00-18:00,"
                + " got '09:00'"), hours("open: \"09:00\"\nclose: \"18:00\"\ndayRollover: \"09:00\"").errors());
    }

    @Test
    void dayRollover_atClosingTimeIsAllowed() {
        assertEquals(LocalTime.of(18, 0),
                hours("open: \"09:00\"\nclose: \"18:00\"\ndayRollover: \"18:00\"").load().hours().dayRollover());
    }

    @Test
    void defaultDayRollover_insideOpeningHours_asksForOne() {
        assertEquals(inFile("hours.dayRollover: the default 04:00 lies within the opening hours 03:00-12:00;"
                + " set a dayRollover outside them"), hours("open: \"03:00\"\nclose: \"12:00\"").errors());
    }

    @Test
    void busyPeriod_mustEndAfterItStarts() {
        assertEquals(inFile("hours.busyPeriods[0].to: expected a time of day after from (11:00), got '10:00'"),
                hours("open: \"09:00\"\nclose: \"18:00\"\nbusyPeriods: [{ from: \"11:00\", to: \"10:00\" }]")
                        .errors());
    }

    @Test
    void busyPeriod_needsFromAndTo() {
        assertEquals(inFile("hours.busyPeriods[0].from: missing; expected a time of day HH:MM",
                "hours.busyPeriods[0].to: missing; expected a time of day HH:MM"),
                hours("open: \"09:00\"\nclose: \"18:00\"\nbusyPeriods: [{ days: [MON] }]").errors());
    }

    @Test
    void busyPeriodDays_mustBeNonEmptyKnownAndDistinct() {
        assertEquals(inFile(
                "hours.busyPeriods[0].days: expected a non-empty list of days, got an empty list",
                "hours.busyPeriods[1].days[1]: expected a day MON, TUE, WED, THU, FRI, SAT or SUN, got 'MONDAY'",
                "hours.busyPeriods[1].days[2]: duplicate day TUE",
                "hours.busyPeriods[2].days: expected a list of days, got 'MON'"), hours("""
                open: "09:00"
                close: "18:00"
                busyPeriods:
                  - { days: [], from: "09:00", to: "10:00" }
                  - { days: [TUE, MONDAY, TUE], from: "09:00", to: "10:00" }
                  - { days: MON, from: "09:00", to: "10:00" }
                """).errors());
    }

    @Test
    void busyPeriodDays_areCaseInsensitive() {
        assertEquals(java.util.List.of(java.time.DayOfWeek.SATURDAY), hours(
                "open: \"09:00\"\nclose: \"18:00\"\nbusyPeriods: [{ days: [sat], from: \"09:00\", to: \"10:00\" }]")
                .load().hours().busyPeriods().get(0).days());
    }
}
