package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.web.ApiClient.Event;
import io.hallq.controller.web.ApiClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebApiTest {

    @TempDir
    Path data;
    private WebTestHall hall;
    private ApiClient kiosk;

    @BeforeEach
    void start() {
        hall = WebTestHall.start(data);
        kiosk = hall.client();
        kiosk.login("kiosk");
    }

    @AfterEach
    void stop() {
        hall.close();
    }

    private Response issue(String service) {
        Response r = kiosk.post("/api/tickets", "{\"service\":\"" + service + "\"}");
        assertEquals(200, r.status(), r.toString());
        return r;
    }

    @Test
    void staffCallsNext_getsTheTicket_andTheBoardFeedShowsItNewestFirst() {
        issue("OPEN");
        BlockingQueue<Event> board = hall.client().stream("/api/feed/board");
        ApiClient staff = hall.client();
        staff.login("staff");
        Response call = staff.post("/api/counters/3/call-next");
        assertEquals(200, call.status(), call.toString());
        assertEquals("A001", call.text("result"));
        JsonNode view = ApiClient.until(board, v -> v.path("calls").size() > 0);
        assertEquals("A001", view.path("calls").get(0).path("ticket").asText());
        assertEquals(3, view.path("calls").get(0).path("counter").asInt());
        assertEquals("A001", view.path("counters").get(2).path("ticket").asText());
    }

    @Test
    void boardViews_areHandedToListeners_forAStandaloneBoardOverMqtt() throws Exception {
        var views = new java.util.concurrent.LinkedBlockingQueue<io.hallq.display.board.BoardView>();
        hall.web.onBoardView(views::add);
        issue("PAY");
        io.hallq.display.board.BoardView v;
        do {
            v = views.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        } while (v != null && v.services().stream().noneMatch(s -> s.code().equals("PAY") && s.waiting() == 1));
        assertTrue(v != null, "no board view with the PAY ticket waiting");
        assertEquals(v, io.hallq.display.board.BoardView.fromJson(v.toJson()));
    }

    @Test
    void twoCountersCallingAtTheSameMoment_neverGetTheSameTicket() {
        for (int i = 0; i < 30; i++) {
            issue(i % 2 == 0 ? "OPEN" : "PAY");
        }
        ApiClient two = hall.client();
        two.login("staff");
        Set<String> called = new HashSet<>();
        List<String> all = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            var a = two.postAsync("/api/counters/2/call-next");
            var b = two.postAsync("/api/counters/3/call-next");
            for (Response r : List.of(a.join(), b.join())) {
                assertEquals(200, r.status(), r.toString());
                all.add(r.text("result"));
                called.add(r.text("result"));
            }
        }
        assertEquals(30, all.size());
        assertEquals(30, called.size(), "a ticket was called twice: " + all);
    }

    @Test
    void staffMayNotUseOtherCountersOrManagerActions_andIsToldWhy() {
        ApiClient staff = hall.client();
        staff.login("staff");
        Response other = staff.post("/api/counters/4/call-next");
        assertEquals(403, other.status());
        assertTrue(other.text("message").contains("may not call-next at counter 4"), other.text("message"));
        Response svc = staff.put("/api/services/PAY", "{\"enabled\":false}");
        assertEquals(403, svc.status());
        assertTrue(svc.text("message").contains("needs a manager login"), svc.text("message"));
        assertEquals(403, staff.post("/api/counters/2/close").status());
        assertEquals(403, kiosk.post("/api/counters/2/call-next").status());
        Response anonymous = hall.client().post("/api/counters/2/call-next");
        assertEquals(401, anonymous.status());
    }

    @Test
    void stateChangeWithoutTheCsrfToken_isRefused_andChangesNothing() {
        issue("OPEN");
        ApiClient staff = hall.client();
        staff.login("staff");
        staff.dropCsrf();
        Response r = staff.post("/api/counters/3/call-next");
        assertEquals(403, r.status());
        assertEquals("CSRF", r.text("error"));
        ApiClient manager = hall.client();
        manager.login("manager");
        // the refused call changed nothing: the ticket still waits (the view follows the issue a moment later)
        waitFor(manager, "/api/hall", v -> v.path("services").get(0).path("waiting").asInt() == 1);
        assertEquals(0, hall.hall().query(s -> s.counter(3).current() == null ? 0 : 1).join());
    }

    @Test
    void repeatedFailedLogins_lockTheName_untilTheLockoutRunsOut() {
        ApiClient c = hall.client();
        assertEquals(401, c.login("staff", "wrong").status());
        assertEquals(401, c.login("staff", "wrong").status());
        Response third = c.login("staff", "wrong");
        assertEquals(429, third.status());
        assertEquals("LOCKED", third.text("error"));
        assertEquals(429, c.login("staff", WebTestHall.PASSWORD).status(), "locked even with the right password");
        assertEquals(200, hall.client().login("manager", WebTestHall.PASSWORD).status(), "other names unaffected");
        hall.clock.advance(Duration.ofMinutes(11));
        assertEquals(200, c.login("staff", WebTestHall.PASSWORD).status());
    }

    @Test
    void managerSwitchesAServiceOff_theBoardSaysWhy_andTicketsAreRefusedWithTheMessage() {
        ApiClient manager = hall.client();
        manager.login("manager");
        BlockingQueue<Event> board = hall.client().stream("/api/feed/board");
        Response off = manager.put("/api/services/PAY",
                "{\"enabled\":false,\"messageZh\":\"系统升级\",\"messageEn\":\"System upgrade\"}");
        assertEquals(200, off.status(), off.toString());
        JsonNode view = ApiClient.until(board, v -> v.path("notices").toString().contains("系统升级"));
        assertTrue(view.path("notices").toString().contains("System upgrade"));
        Response refused = kiosk.post("/api/tickets", "{\"service\":\"PAY\"}");
        assertEquals(409, refused.status());
        assertEquals("SERVICE_DISABLED", refused.text("error"));
        assertTrue(refused.text("message").contains("System upgrade"));
        assertTrue(hall.hall().eventsAfter(0, 1000).stream().anyMatch(e -> e.event()
                instanceof io.hallq.protocol.event.HallEvent.ServiceChanged c && !c.enabled()
                && "web:manager".equals(c.by())), "the journal says which manager switched it off");
    }

    @Test
    void managerChangesACounterProfile_andTheCounterTakesOnlyTheNewServices() {
        issue("OPEN");
        issue("PAY");
        ApiClient manager = hall.client();
        manager.login("manager");
        Response p = manager.put("/api/counters/3/profile",
                "{\"profile\":[{\"service\":\"PAY\",\"classes\":[],\"weightSeconds\":60}]}");
        assertEquals(200, p.status(), p.toString());
        assertEquals(List.of("CounterProfileChanged"), List.of(p.body().path("events").get(0).asText()));
        assertEquals("E001", manager.post("/api/counters/3/call-next").text("result"));
        // the manager's view follows the durable event a moment later
        waitFor(manager, "/api/hall", v -> "PAY".equals(v.path("counters").get(2).path("profile").get(0)
                .path("service").asText()));
        Response bad = manager.put("/api/counters/3/profile", "{\"profile\":[{\"service\":\"NOPE\"}]}");
        assertEquals(404, bad.status());
        assertEquals("UNKNOWN_SERVICE", bad.text("error"));
    }

    @Test
    void mobilePage_needsTheToken_followsTheTicket_andShowsNothingPersonal() {
        Response t = kiosk.post("/api/tickets", "{\"service\":\"OPEN\",\"phone\":\"13812345678\"}");
        String token = t.body().path("result").path("token").asText();
        assertTrue(t.body().path("result").path("mobileUrl").asText().endsWith("/m/" + token), t.toString());
        assertTrue(token.length() >= 22, token);
        Response unknown = hall.client().get("/api/mobile/AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(404, unknown.status());
        BlockingQueue<Event> mobile = hall.client().stream("/api/feed/ticket/" + token);
        JsonNode waiting = ApiClient.until(mobile, v -> v.path("status").asText().equals("WAITING"));
        assertEquals("A001", waiting.path("ticket").asText());
        assertFalse(waiting.toString().contains("5678"), "no phone on the mobile page: " + waiting);
        assertFalse(waiting.toString().contains("WALKIN"), "no class on the mobile page: " + waiting);
        ApiClient staff = hall.client();
        staff.login("staff");
        staff.post("/api/counters/2/call-next");
        JsonNode called = ApiClient.until(mobile, v -> v.path("status").asText().equals("CALLED"));
        assertEquals(2, called.path("counter").asInt());
        staff.post("/api/counters/2/finish");
        ApiClient.until(mobile, v -> v.path("status").asText().equals("DONE"));
    }

    @Test
    void staffTerminal_showsTheMaskedPhone_neverTheClearNumber() {
        kiosk.post("/api/tickets", "{\"service\":\"OPEN\",\"phone\":\"13812345678\"}");
        ApiClient staff = hall.client();
        staff.login("staff");
        staff.post("/api/counters/2/call-next");
        BlockingQueue<Event> feed = staff.stream("/api/feed/counter/2");
        JsonNode v = ApiClient.until(feed, x -> !x.path("current").isNull());
        assertEquals("138****5678", v.path("current").path("phoneMasked").asText());
        assertFalse(v.toString().contains("13812345678"));
        assertEquals(1, v.path("today").path("called").asInt());
    }

    @Test
    void rawEventStream_resumesAfterLastEventId_andCarriesNoTokens() {
        issue("OPEN");
        issue("PAY");
        ApiClient manager = hall.client();
        manager.login("manager");
        BlockingQueue<Event> all = manager.stream("/api/events?after=0");
        List<Event> first = new ArrayList<>();
        while (first.size() < 3) {
            first.add(ApiClient.next(all));
        }
        assertEquals("DayStarted", first.get(0).data().path("type").asText());
        assertEquals("TicketIssued", first.get(1).data().path("type").asText());
        assertTrue(first.get(1).data().path("token").isNull(), first.get(1).data().toString());
        long afterFirstTicket = first.get(1).id();
        BlockingQueue<Event> resumed = manager.stream("/api/events?after=" + afterFirstTicket);
        Event next = ApiClient.next(resumed);
        assertEquals(afterFirstTicket + 1, next.id());
        assertEquals("E001", next.data().path("ticket").asText());
        assertEquals(403, kiosk.get("/api/events").status());
    }

    @Test
    void malformedRequests_areRejectedWithAReason_andChangeNothing() {
        ApiClient staff = hall.client();
        staff.login("staff");
        Response notJson = staff.post("/api/counters/2/transfer", "{nope");
        assertEquals(400, notJson.status());
        assertTrue(notJson.text("message").startsWith("the body is not one valid JSON value"), notJson.text("message"));
        assertEquals(400, staff.post("/api/counters/x/call-next").status());
        Response nobody = staff.post("/api/counters/2/call-next");
        assertEquals(409, nobody.status());
        assertEquals("NOBODY_WAITING", nobody.text("error"));
        Response phone = kiosk.post("/api/tickets", "{\"service\":\"OPEN\",\"phone\":\"12\"}");
        assertEquals(400, phone.status());
        assertEquals(404, kiosk.post("/api/tickets", "{\"service\":\"NOPE\"}").status());
        assertEquals("A001", issue("OPEN").body().path("result").path("ticket").asText());
        assertNotEquals(200, hall.client().get("/api/nothing-here").status());
        assertNull(hall.client().get("/api/hall").body().path("services").get(0));
    }

    @Test
    void theBoardsStatedWait_followsAChange_withinTheEstimateInterval_evenWithNoFurtherEvent() {
        ApiClient board = hall.client();
        issue("PAY");
        waitFor(board, "/api/board", v -> pay(v).path("waiting").asInt() == 1 && pay(v).path("waitSeconds").asLong() >= 0);
        hall.hall().submit(new io.hallq.controller.queue.Command.Pause(2)).join();
        hall.hall().submit(new io.hallq.controller.queue.Command.Pause(3)).join();
        // the estimates are computed off the writer at most once a second; the last change is picked up by the
        // computation scheduled after it, not by a later event
        JsonNode after = waitFor(board, "/api/board", v -> pay(v).path("waitSeconds").asLong() == -1);
        assertEquals(1, pay(after).path("waiting").asInt());
    }

    private static JsonNode pay(JsonNode board) {
        for (JsonNode s : board.path("services")) {
            if ("PAY".equals(s.path("code").asText())) {
                return s;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void staffing_withThreeMondaysInTheJournal_isTheStaffingSearchJudgedOnTheHallsOwnProfile() {
        hall.close();
        Path withHistory = data.resolve("three-mondays");
        StaffingHistory.busyMondays(withHistory, 3);
        hall = WebTestHall.start(withHistory);
        hall.hall().submit(new io.hallq.controller.queue.Command.Tick()).join();
        ApiClient manager = hall.client();
        manager.login("manager");
        JsonNode b = waitFor(manager, "/api/staffing", n -> n.get("openNow").asInt() == 4);
        assertEquals("SIMULATION", b.get("method").asText(), b.toString());
        assertEquals(3, b.get("daysObserved").asInt());
        assertEquals(3, b.get("minDays").asInt());
        assertEquals(0.9, b.get("serviceLevel").asDouble());
        assertEquals("2026-11-02", b.get("profileFrom").asText());
        // the same search on a profile written by hand with the same Monday: 12 customers of 10 minutes at 10:00
        var byHand = new io.hallq.protocol.stats.BusyIdleProfile("test-hall", "2026-11-02", "2026-11-16", List.of(
                new io.hallq.protocol.stats.BusyIdleProfile.Slot(java.time.DayOfWeek.MONDAY, 10, 3, 12, 600, 0)));
        var expected = io.hallq.controller.stats.StaffingAdvice.toTarget(hall.hall().config(), byHand,
                java.time.DayOfWeek.MONDAY, 0.9, () -> true);
        JsonNode ten = b.get("hours").get(1);
        assertEquals(10, ten.get("hour").asInt());
        assertTrue(ten.get("judged").asBoolean());
        assertTrue(ten.get("enough").asBoolean());
        assertEquals(expected.get(1).counters(), ten.get("counters").asInt());
        assertEquals(expected.get(1).erlangC(), ten.get("erlangC").asInt());
        assertTrue(ten.get("counters").asInt() >= 3, "2 counters for 2 Erlangs never catch up");
        assertEquals(0, b.get("hours").get(0).get("counters").asInt(), "nobody came at 9:00");
        assertEquals(0, b.get("shortHours").size());
        assertEquals(ten.get("counters").asInt(), b.get("neededNow").asInt());
    }

    @Test
    void staffing_advisesCountersPerHourFromThePastMondays_andAsksForMoreCountersOnEarlyWarning() {
        hall.close();
        Path withHistory = data.resolve("with-history");
        StaffingHistory.busyMondayWeekBefore(withHistory);
        hall = WebTestHall.start(withHistory);
        hall.hall().submit(new io.hallq.controller.queue.Command.Tick()).join(); // today starts
        ApiClient manager = hall.client();
        manager.login("manager");
        JsonNode b = waitFor(manager, "/api/staffing", n -> n.get("openNow").asInt() == 4);
        assertEquals("2026-11-23", b.get("day").asText());
        assertEquals("MONDAY", b.get("weekday").asText());
        assertEquals("2026-11-16", b.get("profileFrom").asText());
        assertEquals(9, b.get("hours").size(), "every opening hour 9:00-18:00");
        JsonNode ten = b.get("hours").get(1);
        assertEquals(10, ten.get("hour").asInt());
        assertEquals(12.0, ten.get("arrivalsPerHour").asDouble());
        assertEquals(600.0, ten.get("handlingSeconds").asDouble());
        assertEquals(900, ten.get("targetSeconds").asInt());
        assertEquals(3, ten.get("counters").asInt());
        assertEquals("ERLANG_C", b.get("method").asText(), "one Monday is too few for the search");
        assertEquals(1, b.get("daysObserved").asInt());
        assertEquals(0.8, b.get("serviceLevel").asDouble());
        assertFalse(ten.get("judged").asBoolean());
        assertEquals(4, ten.get("hallRoster").asInt());
        assertEquals("[{\"fromHour\":9,\"toHour\":10,\"counters\":0},{\"fromHour\":10,\"toHour\":11,\"counters\":3},"
                + "{\"fromHour\":11,\"toHour\":18,\"counters\":0}]", b.get("roster").toString());
        assertEquals(10, b.get("currentHour").asInt());
        assertEquals(3, b.get("neededNow").asInt());
        assertEquals(4, b.get("openNow").asInt());
        assertTrue(b.get("openMore").isNull(), "no early warning yet");

        StaffingHistory.earlyWarning(hall);
        JsonNode warned = waitFor(manager, "/api/staffing", n -> !n.get("openMore").isNull());
        assertEquals(2, warned.get("openNow").asInt());
        assertEquals(1, warned.get("openMore").get("counters").asInt());
        assertEquals(5, warned.get("openMore").get("waiting").asInt());
        assertEquals("请再开 1 个窗口", warned.get("openMore").get("messageZh").asText());
        assertEquals("Open 1 more counter", warned.get("openMore").get("messageEn").asText());

        // the line follows the queue, not the figure frozen in the alarm when it was raised
        for (int i = 0; i < 3; i++) {
            hall.hall().submit(io.hallq.controller.queue.Command.IssueTicket.walkIn("PAY")).join();
        }
        JsonNode longer = waitFor(manager, "/api/staffing", n -> n.get("openMore").get("waiting").asInt() == 8);
        assertEquals(2, longer.get("openMore").get("counters").asInt(), longer.toString());
        assertEquals(200, manager.post("/api/counters/1/open").status());
        JsonNode opened = waitFor(manager, "/api/staffing", n -> n.get("openNow").asInt() == 3);
        assertEquals(1, opened.get("openMore").get("counters").asInt(), opened.toString());
        assertEquals(3, opened.get("openMore").get("openCounters").asInt());
    }

    @Test
    void staffing_isForManagersOnly_andRejectsWeeksOutOfRangeNamingIt() {
        ApiClient staff = hall.client();
        staff.login("staff");
        assertEquals(403, staff.get("/api/staffing").status());
        ApiClient manager = hall.client();
        manager.login("manager");
        Response bad = manager.get("/api/staffing?weeks=0");
        assertEquals(400, bad.status());
        assertTrue(bad.text("message").contains("weeks"), bad.toString());
        Response empty = manager.get("/api/staffing?weeks=2");
        assertEquals(200, empty.status(), "a hall without history gets zero advice, not an error");
        assertTrue(empty.body().get("profileFrom").isNull());
        assertEquals(2, empty.body().get("weeks").asInt());
        assertEquals(5, manager.get("/api/staffing").body().get("weeks").asInt(),
                "by default the weeks of journal.profileWeeks, as the profile published on MQTT");
    }

    private static JsonNode waitFor(ApiClient c, String path, Predicate<JsonNode> ok) {
        return c.getUntil(path, ok);
    }
}
