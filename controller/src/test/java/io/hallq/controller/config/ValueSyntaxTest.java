package io.hallq.controller.config;

import static io.hallq.controller.config.TestHall.inFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How durations, times of day, booleans and texts are written. */
class ValueSyntaxTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"90s, PT1M30S", "5m, PT5M", "1h, PT1H", "1h30m, PT1H30M", "1h0m15s, PT1H15S", "PT5M, PT5M",
        "pt2h, PT2H", "0m, PT0S", "3M, PT3M", "PT1.5S, PT1.5S", "800ms, PT0.8S", "1s500ms, PT1.5S",
        "1h30m15s250ms, PT1H30M15.25S", "20MS, PT0.02S", "PT0.8S, PT0.8S"})
    void durations_acceptShortAndIsoForms(String written, String expected) {
        assertEquals(Duration.parse(expected), Durations.parse(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "m", "5 min", "1.5h", "5m1h", "-5m", "P", "PT", "1d", "99999999999999999999h",
        "1.5s", "0.05m", "5 ms", "ms", "500ms1s", "1s 500ms", "-800ms", "99999999999999999999ms"})
    void durations_refuseOtherForms(String written) {
        assertEquals(null, Durations.parse(written));
    }

    @ParameterizedTest(name = "{1} is written {0}")
    @CsvSource({"0s, PT0S", "10s, PT10S", "800ms, PT0.8S", "1h30m, PT1H30M", "1m1s1ms, PT1M1.001S", "25h, PT25H"})
    void durations_areShownInTheShortForm_andReadBackAsTheSame(String written, String value) {
        assertEquals(written, Durations.format(Duration.parse(value)));
        assertEquals(Duration.parse(value), Durations.parse(written));
    }

    @Test
    void bareNumberAsDuration_asksForAUnit() {
        assertEquals(inFile("alarms.escalationAfter: expected a duration of 0 or more, got 5;"
                        + " a bare number has no unit: write e.g. '5m' for minutes or '5s' for seconds"),
                TestHall.minimal().with("alarms", "escalationAfter: 5").errors());
    }

    @Test
    void unreadableDuration_showsTheAcceptedForms() {
        assertEquals(inFile("alarms.escalationAfter: expected a duration of 0 or more, got '5 minutes';"
                        + " write it like 250ms, 90s, 5m, 1h30m or PT5M"),
                TestHall.minimal().with("alarms", "escalationAfter: 5 minutes").errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9am", "24:00", "12:60", "0900", "9.30", "12:00:00"})
    void timesOfDay_mustBeHoursAndMinutes(String written) {
        assertEquals(inFile("hours.open: expected a time of day HH:MM, got '" + written + "'"),
                TestHall.minimal().with("hours", "open: \"" + written + "\"\nclose: \"18:00\"").errors());
    }

    @Test
    void timeOfDay_mayBeUnquotedAndHaveOneHourDigit() {
        HallConfig c = TestHall.minimal().with("hours", "open: 9:30\nclose: 18:00").load();
        assertEquals(LocalTime.of(9, 30), c.hours().open());
        assertEquals(LocalTime.of(18, 0), c.hours().close());
    }

    @Test
    void wrongBoolean_saysWhatWasExpectedAndFound() {
        assertEquals(inFile("rules.noShowRequeue: expected a boolean (true or false), got 'yes please'"),
                TestHall.minimal().with("rules", "noShowRequeue: yes please").errors());
    }

    @Test
    void mappingWhereAValueBelongs_isNamedAsSuch() {
        assertEquals(inFile("rules.recallLimit: expected a whole number from 0 to 9, got a mapping"),
                TestHall.minimal().with("rules", "recallLimit: { times: 2 }").errors());
    }

    @Test
    void textReadAsNumberByYaml_suggestsQuotes() {
        assertEquals(inFile("hall.nameEn: expected a non-blank text, got 2024"
                        + " (put it in quotes if it is meant as text)"),
                TestHall.minimal().with("hall", "id: h\nnameZh: 厅\nnameEn: 2024").errors());
    }

    @Test
    void longValues_areShortenedInMessages() {
        String longName = "x".repeat(100);
        assertEquals(inFile("hall.id: expected a hall id of 1 to 32 characters a-z, 0-9 and '-', got '"
                        + "x".repeat(60) + "...'"),
                TestHall.minimal().with("hall", "id: " + longName + "\nnameZh: 厅\nnameEn: Hall").errors());
    }

    @Test
    void misspeltKey_isSuggestedOnlyWhenClose() {
        assertEquals(List.of("handlingTime"),
                KeySuggestion.closest("handlingTme", List.of("code", "handlingTime")).stream().toList());
        assertEquals(List.of("from"), KeySuggestion.closest("form", List.of("days", "from", "to")).stream().toList());
        assertEquals(List.of("nameZh"), KeySuggestion.closest("namezh", List.of("nameZh", "nameEn")).stream().toList());
        assertEquals(List.of(), KeySuggestion.closest("id", List.of("to")).stream().toList());
        assertEquals(List.of(), KeySuggestion.closest("colour", List.of("code", "prefix")).stream().toList());
    }
}
