package io.hallq.emulator.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.web.WebTestHall;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In headless Debian Chromium: the manager posts a board notice, the board shows it, the manager withdraws it. */
class ManagerNoticeIT {

    @TempDir
    Path dir;

    @Test
    void managerPostsANoticeOnThePage_theBoardScrollsIt_andWithdrawingRemovesIt() {
        try (WebTestHall hall = WebTestHall.withBoardNotices(dir);
             Browser manager = new Browser(1366, 768); Browser board = new Browser(1920, 1080)) {
            board.open(hall.url("/board/"));
            manager.open(hall.url("/manager/"));
            manager.login("manager", WebTestHall.PASSWORD);
            manager.until(d -> manager.text("#notice-now").contains("no notice on the board"));

            manager.find("#notice-zh").sendKeys("系统升级,16点后暂停开户");
            manager.find("#notice-en").sendKeys("System upgrade: no new accounts after 16:00");
            manager.find("#notice-post").click();
            manager.until(d -> manager.text("#notice-now").contains("web:manager"));
            assertTrue(manager.text("#notice-now").contains("系统升级,16点后暂停开户"), manager.text("#notice-now"));
            board.until(d -> board.text("#notices").contains("系统升级,16点后暂停开户")
                    && board.text("#notices").contains("System upgrade: no new accounts after 16:00"));

            manager.until(d -> manager.find("#notice-withdraw").isDisplayed());
            manager.find("#notice-withdraw").click();
            manager.until(d -> manager.text("#notice-now").contains("no notice on the board"));
            board.until(d -> !board.text("#notices").contains("System upgrade"));
        }
    }
}
