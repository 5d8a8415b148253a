package io.hallq.emulator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.queue.Command;
import io.hallq.controller.web.StaffingHistory;
import io.hallq.controller.web.WebTestHall;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager page's staffing advice in headless Debian Chromium: counters needed per hour today from last
 * Monday's profile beside the counters open now, and the "open N more counters" line once the early warning is
 * raised, without reloading the page.
 */
class ManagerStaffingIT {

    @TempDir
    Path dir;

    @Test
    void manager_seesTheAdvicePerHour_andTheOpenMoreLine_whenTheEarlyWarningIsRaised() {
        StaffingHistory.busyMondayWeekBefore(dir);
        try (WebTestHall hall = WebTestHall.start(dir); Browser b = new Browser(1366, 768)) {
            hall.hall().submit(new Command.Tick()).join(); // Monday 23 November 10:00 starts
            b.open(hall.url("/manager/"));
            b.login("manager", WebTestHall.PASSWORD);

            // last Monday 10:00-11:00: 12 customers of 10 minutes -> 3 counters; the current hour is marked
            b.until(d -> "3".equals(b.text("#staffing td.now[data-hour='10']")));
            assertEquals("0", b.text("#staffing td[data-hour='14']"));
            assertEquals("4", b.find("#staffing-now").getDomAttribute("data-open"));
            assertEquals("3", b.find("#staffing-now").getDomAttribute("data-needed"));
            assertTrue(b.text("#staffing-card").contains("建议窗口数"), b.text("#staffing-card"));
            assertTrue(b.text("#staffing-card").contains("Counters needed"), b.text("#staffing-card"));
            assertTrue(b.text("#roster").contains("10:00–11:00 3 个窗口"), b.text("#roster"));
            assertTrue(b.text("#staffing-basis").contains("2026-11-16"), b.text("#staffing-basis"));
            assertTrue(!b.find("#open-more").isDisplayed(), "no early warning yet");
            // one Monday is too few for the search: Erlang C, and the page says so; the hall's roster beside it
            assertEquals("ERLANG_C", b.find("#staffing-basis").getDomAttribute("data-method"));
            assertTrue(b.text("#staffing-basis").contains("Erlang C estimate (1 days of this weekday; the simulation"
                    + " needs 3)"), b.text("#staffing-basis"));
            assertEquals("4", b.text("#staffing td[data-roster-hour='10']"));
            assertTrue(!b.find("#staffing-short").isDisplayed());

            StaffingHistory.earlyWarning(hall); // counters 1 and 4 closed, 5 waiting at 2 open counters
            b.until(d -> b.find("#open-more").isDisplayed());
            assertTrue(b.text("#open-more").contains("请再开 1 个窗口"), b.text("#open-more"));
            assertTrue(b.text("#open-more").contains("Open 1 more counter"), b.text("#open-more"));
            assertEquals("1", b.find("#open-more").getDomAttribute("data-counters"));
            b.until(d -> "2".equals(b.find("#staffing-now").getDomAttribute("data-open")));
            assertTrue(b.find("#staffing td.now[data-hour='10']").getDomAttribute("class").contains("short"),
                    "3 needed, 2 open: the hour is marked short");
            b.js("window.scrollTo(0, 0);");
            b.screenshot("manager-staffing-1366x768");
        }
    }

    @Test
    void manager_seesTheSearchOnTheHallsOwnMondays_andWhereEvenEveryCounterIsNotEnough() {
        StaffingHistory.overloadedMondays(dir, 3);
        try (WebTestHall hall = WebTestHall.start(dir); Browser b = new Browser(1366, 768)) {
            hall.hall().submit(new Command.Tick()).join();
            b.open(hall.url("/manager/"));
            b.login("manager", WebTestHall.PASSWORD);

            b.until(d -> "SIMULATION".equals(b.find("#staffing-basis").getDomAttribute("data-method")));
            assertTrue(b.text("#staffing-basis").contains("simulating the hall's own profile (3 days of this weekday)"),
                    b.text("#staffing-basis"));
            // 10 Erlangs at 10:00 and 4 counters: all 4 advised, marked, and named below the table
            assertEquals("4!", b.text("#staffing td[data-hour='10']"));
            assertEquals("false", b.find("#staffing td[data-hour='10']").getDomAttribute("data-enough"));
            assertEquals("0", b.text("#staffing td[data-hour='9']"));
            assertEquals("4", b.text("#staffing td[data-roster-hour='10']"));
            assertTrue(b.find("#staffing-short").isDisplayed());
            assertTrue(b.text("#staffing-short").contains("Not enough even with all 4 counters open at 10:00"),
                    b.text("#staffing-short"));
            assertTrue(b.text("#staffing-short").contains("全部 4 个窗口开放仍达不到等候目标"), b.text("#staffing-short"));
            b.screenshot("manager-staffing-short-1366x768");
        }
    }
}
