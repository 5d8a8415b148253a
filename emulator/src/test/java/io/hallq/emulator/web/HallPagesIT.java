package io.hallq.emulator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;

/**
 * The whole path in a real browser: a customer presses PAY on the twin's dispenser (a virtual GPIO button),
 * the virtual printer prints the ticket with its QR link, counter 4 calls it from the staff terminal with
 * the keyboard, and the hall board and the customer's phone page, both already open, show the call without
 * reloading. Screenshots of every page at the size it is used at.
 */
class HallPagesIT {

    private static final Pattern TICKET = Pattern.compile("\\b(E\\d{3})\\b");

    @TempDir
    Path dir;

    private static byte[] get(String url) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), url);
            assertEquals("image/png", response.headers().firstValue("Content-Type").orElse(""));
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void ticketFromTheTwin_calledAtTheStaffTerminal_showsOnTheBoardAndThePhone() {
        try (TwinHall hall = new TwinHall(dir); Browser b = new Browser(1920, 1080)) {
            String twinTab = b.open(hall.url("/twin/")).driver.getWindowHandle();
            b.until(d -> !b.driver.findElements(By.cssSelector("button.svc[data-service=PAY]:not([disabled])")).isEmpty());
            b.find("button.svc[data-service=PAY]").click();
            b.until(d -> !d.findElements(By.cssSelector(".slip.newest a.mobile")).isEmpty());
            String slip = b.text(".slip.newest");
            Matcher m = TICKET.matcher(slip);
            assertTrue(m.find(), "no ticket number on the printed slip: " + slip);
            String ticket = m.group(1);
            String mobilePath = b.find(".slip.newest a.mobile").getDomAttribute("href");
            // the twin shows the ticket as the printer drew it, and its QR code scans to this ticket's page
            b.until(d -> Long.valueOf(0).compareTo((Long) b.js(
                    "var i = document.querySelector('.slip.newest img.ticket-image'); return i ? i.naturalWidth : 0;")) < 0);
            String image = b.find(".slip.newest img.ticket-image").getDomAttribute("src");
            String scanned = io.hallq.emulator.devices.QrScan.of(get(hall.url(image))).text();
            assertTrue(scanned.endsWith(mobilePath), scanned + " does not open " + mobilePath);
            b.screenshot("twin-1920x1080");

            String boardTab = tab(b, hall.url("/board/"));
            b.until(d -> b.js("return document.body.dataset.seq") != null);
            String phoneTab = tab(b, hall.url(mobilePath));
            b.size(390, 844);
            b.until(d -> ticket.equals(b.text("#ticket")));
            assertEquals("WAITING", b.js("return document.body.dataset.status"));
            b.screenshot("mobile-waiting-390x844");

            tab(b, hall.url("/staff/?counter=4"));
            b.size(1366, 768);
            login(b, "staff", "staff-demo");
            b.until(d -> b.find("#k-call").isEnabled());
            b.until(d -> "OPEN".equals(b.find("#status").getDomAttribute("class").replace("status ", "")));
            new Actions(b.driver).sendKeys("c").perform(); // the keyboard shortcut for call next
            try {
                b.until(d -> ticket.equals(b.text("#c-ticket")));
            } catch (AssertionError e) {
                b.screenshot("failed-staff");
                throw new AssertionError("staff page says: " + b.text("#message"), e);
            }
            assertTrue(b.text("#c-service").contains("充值缴费"), b.text("#c-service"));
            b.screenshot("staff-1366x768");

            b.driver.switchTo().window(boardTab);
            b.size(1920, 1080);
            b.until(d -> ticket.equals(b.find("#newest").getDomAttribute("data-ticket")));
            assertEquals("4", b.find("#newest").getDomAttribute("data-counter"));
            assertTrue(b.find("#newest").getDomAttribute("class").contains("blink"), "the newest call blinks");
            assertEquals(ticket, b.text(".counter[data-counter='4'] .ticket"));
            // a steady frame: the blinking ends (the notice line scrolls on)
            b.js("document.getAnimations().forEach(function (a) { try { a.finish(); } catch (e) { } });");
            b.screenshot("board-1920x1080");

            b.driver.switchTo().window(phoneTab);
            b.size(390, 844);
            b.until(d -> "CALLED".equals(b.js("return document.body.dataset.status")));
            assertTrue(b.text("#state-zh").contains("4 号窗口"), b.text("#state-zh"));
            assertTrue(b.text("#state-en").contains("Go to counter 4 now"), b.text("#state-en"));
            assertFalse(b.driver.getPageSource().contains("****"), "no phone number on the phone page");
            b.screenshot("mobile-called-390x844");

            b.driver.switchTo().window(twinTab);
            b.size(1920, 1080);
            b.until(d -> b.text(".counter[data-counter-card='4']").contains(ticket));
            b.screenshot("twin-called-1920x1080");
        }
    }

    @Test
    void whileTheEarlyWarningIsOn_theBoardShowsThePreCallOfTheBusyService_andDropsItWhenTheWarningClears() {
        try (TwinHall hall = new TwinHall(dir); Browser b = new Browser(1920, 1080)) {
            b.open(hall.url("/board/"));
            b.until(d -> b.js("return document.body.dataset.seq") != null);
            assertTrue(b.driver.findElements(By.cssSelector(".precall")).isEmpty());
            // 10 waiting at the 4 counters open at the start: more than 2 per counter, the early warning
            for (int i = 0; i < 10; i++) {
                hall.runtime.hall().submit(io.hallq.controller.queue.Command.IssueTicket.walkIn("PAY")).join();
            }
            b.until(d -> !d.findElements(By.cssSelector(".precall[data-service=PAY]")).isEmpty());
            String line = b.find(".precall[data-service=PAY]").getDomProperty("textContent");
            assertTrue(line.contains("请 E001、E002 号准备") && line.contains("E001, E002 please get ready"), line);
            assertEquals(1, b.driver.findElements(By.cssSelector(".precall")).size(), "only PAY is busy");
            // counter 5 opens: 10 waiting at 5 counters, the warning clears and so does the pre-call
            hall.runtime.hall().submit(new io.hallq.controller.queue.Command.OpenCounter(5)).join();
            b.until(d -> d.findElements(By.cssSelector(".precall")).isEmpty());
            assertEquals("true", String.valueOf(b.js("return document.getElementById('precalls').hidden")));
        }
    }

    @Test
    void managerSwitchesAServiceOff_andTheBoardAndTwinShowItAtOnce() {
        try (TwinHall hall = new TwinHall(dir); Browser b = new Browser(1366, 768)) {
            String boardTab = b.open(hall.url("/board/")).driver.getWindowHandle();
            b.until(d -> b.js("return document.body.dataset.seq") != null);
            tab(b, hall.url("/manager/"));
            login(b, "manager", "manager-demo");
            b.until(d -> !d.findElements(By.cssSelector("tr[data-service=PROMO] button[data-off]")).isEmpty());
            b.find("input[data-zh=PROMO]").sendKeys("活动已结束");
            b.find("input[data-en=PROMO]").sendKeys("Campaign over");
            b.find("button[data-off=PROMO]").click();
            b.until(d -> !d.findElements(By.cssSelector("tr.off[data-service=PROMO]")).isEmpty());
            b.find("button[data-open='5']").click();
            b.until(d -> b.text("tr[data-counter='5']").contains("Open"));
            b.js("window.scrollTo(0, 0);");
            b.screenshot("manager-1366x768");
            b.driver.switchTo().window(boardTab);
            b.until(d -> b.text("#notices").contains("Campaign over"));
            assertTrue(b.find(".service[data-service=PROMO]").getDomProperty("textContent").contains("活动已结束"));
            assertTrue(b.find(".service[data-service=PROMO]").getDomAttribute("class").contains("off"));
        }
    }

    @Test
    void wrongPasswords_lockTheStaffLogin_andThePageSaysSo() {
        try (TwinHall hall = new TwinHall(dir); Browser b = new Browser(1366, 768)) {
            b.open(hall.url("/staff/"));
            for (int i = 0; i < 5; i++) {
                login(b, "staff", "guess-" + i);
                int attempt = i;
                b.until(d -> !b.text("#login-error").isEmpty() && (attempt < 4 || b.text("#login-error").contains("锁定")));
            }
            assertTrue(b.text("#login-error").contains("try again in"), b.text("#login-error"));
            login(b, "staff", "staff-demo");
            b.until(d -> b.text("#login-error").contains("锁定"));
            assertTrue(b.find("#terminal").getDomAttribute("class").contains("hidden"), "still locked out");
        }
    }

    private static String tab(Browser b, String url) {
        b.driver.switchTo().newWindow(WindowType.TAB);
        b.driver.get(url);
        return b.driver.getWindowHandle();
    }

    private static void login(Browser b, String user, String password) {
        b.login(user, password);
    }
}
