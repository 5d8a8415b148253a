package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallq.controller.web.ApiClient.Event;
import io.hallq.controller.web.ApiClient.Response;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager posts and withdraws the board notice; it is journaled with the manager's name. */
class BoardNoticeWebTest {

    private static final String NOTICE = "{\"textZh\":\"今日16点后暂停开户\",\"textEn\":\"No new accounts after 16:00\","
            + "\"minutes\":30}";

    @TempDir
    Path data;

    @Test
    void managerPostsANotice_theBoardShowsIt_andItIsJournaledWithTheManagersName() {
        try (WebTestHall hall = WebTestHall.withBoardNotices(data)) {
            ApiClient manager = hall.client();
            manager.login("manager");
            BlockingQueue<Event> board = hall.client().stream("/api/feed/board");
            Response posted = manager.put("/api/notice", NOTICE);
            assertEquals(200, posted.status(), posted.toString());
            assertTrue(posted.body().path("events").toString().contains("NoticePosted"), posted.toString());
            ApiClient.until(board, v -> v.path("notices").toString().contains("今日16点后暂停开户")
                    && v.path("notices").toString().contains("No new accounts after 16:00"));
            JsonNode notice = manager.getUntil("/api/hall", v -> !v.path("notice").isNull()).path("notice");
            assertEquals("web:manager", notice.path("by").asText());
            assertEquals("No new accounts after 16:00", notice.path("textEn").asText());

            Response withdrawn = manager.delete("/api/notice");
            assertEquals(200, withdrawn.status(), withdrawn.toString());
            ApiClient.until(board, v -> !v.path("notices").toString().contains("16:00"));
            manager.getUntil("/api/hall", v -> v.path("notice").isNull());
            assertEquals(409, manager.delete("/api/notice").status(), "nothing left to withdraw");
        }
    }

    @Test
    void notice_isBackAfterARestart() {
        try (WebTestHall hall = WebTestHall.withBoardNotices(data)) {
            ApiClient manager = hall.client();
            manager.login("manager");
            assertEquals(200, manager.put("/api/notice", NOTICE).status());
        }
        try (WebTestHall hall = WebTestHall.withBoardNotices(data)) {
            ApiClient manager = hall.client();
            manager.login("manager");
            assertEquals("No new accounts after 16:00",
                    manager.get("/api/hall").body().path("notice").path("textEn").asText());
            ApiClient.until(hall.client().stream("/api/feed/board"), v -> v.path("notices").toString().contains("16:00"));
        }
    }

    @Test
    void badNotices_andOtherRoles_areRefusedWithAReason_andChangeNothing() {
        try (WebTestHall hall = WebTestHall.withBoardNotices(data)) {
            ApiClient staff = hall.client();
            staff.login("staff");
            assertEquals(403, staff.put("/api/notice", NOTICE).status());
            ApiClient manager = hall.client();
            manager.login("manager");
            hall.hall().submit(new io.hallq.controller.queue.Command.Tick()).join(); // the day starts first
            long before = hall.hall().lastSequence();
            Response noMinutes = manager.put("/api/notice", "{\"textZh\":\"通知\",\"textEn\":\"Notice\"}");
            assertEquals(400, noMinutes.status());
            assertTrue(noMinutes.text("message").contains("'minutes'"), noMinutes.toString());
            Response tooLong = manager.put("/api/notice",
                    "{\"textZh\":\"通知\",\"textEn\":\"Notice\",\"minutes\":1441}");
            assertEquals(400, tooLong.status());
            Response empty = manager.put("/api/notice", "{\"textZh\":\" \",\"textEn\":\"Notice\",\"minutes\":5}");
            assertEquals(400, empty.status());
            assertEquals("INVALID", empty.text("error"));
            assertTrue(empty.text("message").contains("textZh"), empty.toString());
            assertEquals(before, hall.hall().lastSequence(), "nothing was journaled");
            assertTrue(manager.get("/api/hall").body().path("notice").isNull());
        }
    }
}
