package io.hallq.controller.config;

import static io.hallq.controller.config.TestHall.inFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.controller.config.QueueRules.TransferMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The optional sections alarms, rules and journal. */
class SettingsRulesTest {

    @Test
    void alarms_areRead() {
        assertEquals(new AlarmConfig(1.5, 4, Duration.ZERO, false), TestHall.minimal().with("alarms", """
                earlyWarningPerCounter: 1.5
                escalationPerCounter: 4
                escalationAfter: 0s
                ticketOverdue: false
                """).load().alarms());
    }

    @Test
    void alarmThresholds_mustBePositive() {
        assertEquals(inFile("alarms.earlyWarningPerCounter: expected a number more than 0, got 0",
                "alarms.escalationPerCounter: expected a number more than 0, got -1",
                "alarms.escalationAfter: expected a duration of 0 or more, got '-PT1M'",
                "alarms.ticketOverdue: expected a boolean (true or false), got 'sometimes'"),
                TestHall.minimal().with("alarms", """
                        earlyWarningPerCounter: 0
                        escalationPerCounter: -1
                        escalationAfter: -PT1M
                        ticketOverdue: sometimes
                        """).errors());
    }

    @Test
    void thePreCallRule_isReadUnderAlarms() {
        assertEquals(new PreCallConfig(false, 4, 6, java.util.List.of(
                        new PreCallConfig.Window(java.time.LocalTime.of(12, 0), java.time.LocalTime.of(14, 0)),
                        new PreCallConfig.Window(java.time.LocalTime.of(20, 0), java.time.LocalTime.of(8, 0)))),
                TestHall.minimal().with("alarms", """
                        precall:
                          enabled: false
                          count: 4
                          minWaiting: 6
                          quietHours:
                            - { from: "12:00", to: "14:00" }
                            - { from: "20:00", to: "08:00" }
                        """).load().alarms().precall());
        assertEquals(PreCallConfig.DEFAULT, TestHall.minimal().load().alarms().precall());
    }

    @Test
    void thePreCallRule_reportsEveryMistakeWithItsKey() {
        assertEquals(inFile("alarms.precall.when: unknown key (known: enabled, count, minWaiting, quietHours)",
                "alarms.precall.quietHours[0].from: expected a time of day HH:MM, got '25:00'",
                "alarms.precall.quietHours[1].to: expected a time other than 'from' (12:00)",
                "alarms.precall.count: expected a whole number from 1 to 10, got 11",
                "alarms.precall.minWaiting: expected a whole number from 1 to 10000, got 0"),
                TestHall.minimal().with("alarms", """
                        precall:
                          when: crowded
                          count: 11
                          minWaiting: 0
                          quietHours:
                            - { from: "25:00", to: "14:00" }
                            - { from: "12:00", to: "12:00" }
                        """).errors());
    }

    @Test
    void rules_areRead() {
        assertEquals(new QueueRules(0, false, TransferMode.RAISED_PRIORITY, Duration.ofMinutes(15), false, 500,
                        QueueRules.SelectionPolicy.STRICT_PRIORITY),
                TestHall.minimal().with("rules", """
                        recallLimit: 0
                        noShowRequeue: false
                        transferMode: RAISED_PRIORITY
                        transferPriority: 15m
                        vipRoomOverflow: false
                        estimateWindow: 500
                        selection: STRICT_PRIORITY
                        """).load().rules());
    }

    @Test
    void selection_defaultsToAgeing_andNamesTheChoicesWhenWrong() {
        assertEquals(QueueRules.SelectionPolicy.AGEING, TestHall.minimal().load().rules().selection());
        assertEquals(inFile("rules.selection: expected AGEING or FCFS or STRICT_PRIORITY, got 'LIFO'"),
                TestHall.minimal().with("rules", "selection: LIFO").errors());
    }

    @Test
    void ruleValues_mustLieInTheirRanges() {
        assertEquals(inFile("rules.recallLimit: expected a whole number from 0 to 9, got 10",
                "rules.transferMode: expected KEEP_ARRIVAL or RAISED_PRIORITY, got 'keep_arrival'",
                "rules.transferPriority: expected a duration from 0 to 2h, got '3h'",
                "rules.estimateWindow: expected a whole number from 1 to 500, got 0"),
                TestHall.minimal().with("rules", """
                        recallLimit: 10
                        transferMode: keep_arrival
                        transferPriority: 3h
                        estimateWindow: 0
                        """).errors());
    }

    @Test
    void journalDataDir_isResolvedAgainstTheConfigFolder() {
        assertEquals("/halls/journal/a", TestHall.minimal().with("journal", "dataDir: ../journal/./a")
                .load().journal().dataDir());
        assertEquals("/var/lib/hallq", TestHall.minimal().with("journal", "dataDir: /var/lib/hallq")
                .load().journal().dataDir());
    }

    @Test
    void journalLimits_mustLieInTheirRanges() {
        assertEquals(inFile("journal.dataDir: expected a directory path, got '  '",
                "journal.retentionDays: expected a whole number from 1 to 3650, got 3651",
                "journal.snapshotEvery: expected a whole number from 100 to 1000000, got 99"),
                TestHall.minimal().with("journal", """
                        dataDir: "  "
                        retentionDays: 3651
                        snapshotEvery: 99
                        """).errors());
    }

    @Test
    void journal_isRead() {
        assertEquals(new JournalConfig("/halls/test/j", 1, 1_000_000, 1), TestHall.minimal().with("journal", """
                dataDir: j
                retentionDays: 1
                snapshotEvery: 1000000
                """).load().journal(), "left out, the profile weeks are cut to the history kept");
        assertEquals(8, TestHall.minimal().with("journal", "retentionDays: 60\nprofileWeeks: 8").load().journal()
                .profileWeeks());
    }

    @Test
    void profileWeeks_longerThanTheJournalKeeps_isRejectedNamingBothKeys() {
        assertEquals(inFile("journal.profileWeeks: expected at most 4 (the journal keeps 30 days,"
                        + " journal.retentionDays), got 5"),
                TestHall.minimal().with("journal", "retentionDays: 30\nprofileWeeks: 5").errors());
    }

    @Test
    void oneProfileWeek_isAllowedWithLessThanAWeekKept_asWhenLeftOut() {
        assertEquals(1, TestHall.minimal().with("journal", "retentionDays: 3\nprofileWeeks: 1").load().journal()
                .profileWeeks());
    }

    @Test
    void unknownKeyInOptionalSection_isReported() {
        assertEquals(inFile("alarms.escalateAfter: unknown key, did you mean 'escalationAfter'? (known:"
                        + " earlyWarningPerCounter, escalationPerCounter, escalationAfter, ticketOverdue, precall)"),
                TestHall.minimal().with("alarms", "escalateAfter: 5m").errors());
    }

    @Test
    void sectionOfTheWrongShape_isReportedOnce() {
        assertEquals(inFile("rules: expected a mapping with recallLimit, noShowRequeue, transferMode,"
                + " transferPriority, vipRoomOverflow, estimateWindow, selection, got a list"),
                TestHall.minimal().with("rules", "- recallLimit: 2").errors());
    }
}
