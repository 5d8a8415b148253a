package io.hallq.emulator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.controller.web.AppointmentRoutes;
import io.hallq.controller.web.NotifyRoutes;
import io.hallq.controller.web.WebModule;
import io.hallq.emulator.devices.EmulatedDevices;
import io.hallq.emulator.sms.SmsTwinRoutes;
import io.hallq.emulator.sms.VirtualSmsCentre;
import io.hallq.emulator.twin.TwinRoutes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue #15 in a real browser, on a phone-sized Chromium: a customer confirms a phone with the code the emulator's
 * virtual SMS centre received over SMPP, books a slot, sees it in "my bookings", cancels it and books again; at the
 * twin's dispenser the customer types the number and presses the service: the booking is checked in (an appointment
 * ticket prints). Another customer joins a queue from the page; the ticket's mobile page asks for the check-in until
 * the number is typed at the twin's dispenser. The manager page lists the day's bookings per slot.
 */
class BookingPagesIT {

    private static final String PHONE_A = "13812345678";
    private static final String PHONE_B = "13987654321";
    private static final Pattern CODE = Pattern.compile("验证码 ([0-9]{6})");

    @TempDir
    Path dir;

    /** The example hall with its devices emulated, the virtual SMS centre, notifications and the booking page. */
    static final class BookingHall implements AutoCloseable { // package-visible for tests
        final HallRuntime runtime;
        final EmulatedDevices devices = new EmulatedDevices();
        final VirtualSmsCentre sms = new VirtualSmsCentre();
        final WebModule web;

        BookingHall(Path dir) throws Exception {
            String yaml = Files.readString(Path.of("..", "config", "example-hall.yaml"))
                    .replace("dataDir: ../data/sh-pudong-01", "dataDir: data")
                    .replace("\n  port: 8080", "\n  port: 0")
                    // no public URL: the page's links to the mobile ticket are relative (to this test server)
                    .replaceFirst("\n  publicUrl: [^\n]*", "")
                    // the phone keypad shares the buttons' press interval on this branch, which drops a digit typed
                    // again within it (1381...): typed numbers reach the ticket only without it (fixed on branch rest)
                    .replace("pressInterval: 2s", "pressInterval: 0s");
            // the hall file's appointments section, as this test needs it: OPEN and PAY, 10-minute slots, check-in from
            // 2 hours before (the first slots with room are open for check-in at once)
            yaml = yaml.replaceFirst("(?s)\nappointments:.*?\n(?=[a-z])", "\n");
            yaml += "\nappointments:\n  enabled: true\n  remoteTickets: true\n  services: [OPEN, PAY]\n"
                    + "  slotLength: 10m\n  checkInBefore: 2h\n";
            Path file = dir.resolve("hall.yaml");
            Files.writeString(file, yaml);
            NotifyModule notify = new NotifyModule(sms::redirect, null);
            devices.keepPhonesWith(notify.phoneKeeper());
            web = new WebModule(List.of(new TwinRoutes(devices, dir.resolve("data").resolve("announcements")),
                    new NotifyRoutes(notify), new AppointmentRoutes(notify), new SmsTwinRoutes(sms, notify)), true);
            runtime = HallRuntime.start(HallConfigLoader.loadWithRoot(file),
                    io.hallq.controller.TestHalls.runningFrom(io.hallq.controller.TestHalls.MONDAY_10AM),
                    List.<HallModule>of(devices, sms, notify, web));
        }

        String url(String path) {
            return "http://127.0.0.1:" + web.port() + path;
        }

        /** The newest code the virtual SMS centre holds for {@code phone}, waiting for its {@code n}th message. */
        String code(Browser b, String phone, int n) {
            return b.until(d -> {
                List<VirtualSmsCentre.Message> box = sms.inboxes().getOrDefault(phone, List.of());
                if (box.size() < n) {
                    return null;
                }
                Matcher m = CODE.matcher(box.get(n - 1).text());
                return m.find() ? m.group(1) : null;
            });
        }

        @Override
        public void close() {
            runtime.close();
        }
    }

    /** Confirms {@code phone} on the booking page open in the front tab. */
    private static void confirm(BookingHall hall, Browser b, String phone) {
        b.until(d -> !d.findElements(By.cssSelector("#services li")).isEmpty());
        b.find("#phone").sendKeys(phone);
        b.find("#send-code").click();
        b.until(d -> b.find("#code-form").isDisplayed());
        b.find("#code").sendKeys(hall.code(b, phone, 1));
        b.find("#verify").click();
        b.until(d -> "yes".equals(b.js("return document.body.dataset.verified")));
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), b.text("#who-phone"));
    }

    /**
     * Types {@code phone} and '#' on the twin's phone keypad (the virtual keypad's matrix, through the twin's own API, all
     * digits in one request so they are typed in order: the twin page's key buttons post one request per key, and
     * the twin runs those unordered), then presses the service's button on the twin page.
     */
    private static void checkInAtTheTwin(Browser b, String phone, String service) {
        Object status = ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch('/twin/api/phone/' + encodeURIComponent(arguments[0] + '#'), { method: 'POST' })"
                        + ".then(function (r) { done(r.status); }, function (e) { done(String(e)); });", phone);
        assertEquals(200L, status, "the twin typed the number");
        b.find("button.svc[data-service=" + service + "]").click();
    }

    /**
     * Opens the twin in a new tab and waits for its first view (up to 30 s: the build machine is shared). Once in
     * four clean-clone runs (2026-12-06) the tab's feed delivered no view at all in 30 s (the page's body had no
     * {@code data-seq}: its EventSource never got the 'twin' event) while the same run's other feeds worked; the
     * cause is not found yet. So after 15 s without a view the tab is reloaded once, as a person at the twin would,
     * and that is reported on stderr, so the symptom stays visible in the test output.
     */
    private static void openTwin(BookingHall hall, Browser b, String service) {
        b.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        b.size(1920, 1080);
        b.open(hall.url("/twin/"));
        if (twinShows(b, service, 15)) {
            return;
        }
        System.err.println("BookingPagesIT: the twin's feed showed no view in 15 s, reloading once: " + b.state());
        b.driver.navigate().refresh();
        if (!twinShows(b, service, 30)) {
            throw new AssertionError("the twin showed no dispenser in 15 s, nor in 30 s after a reload: " + b.state());
        }
    }

    private static boolean twinShows(Browser b, String service, int seconds) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(seconds))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !d.findElements(By.cssSelector("button.svc[data-service=" + service + "]:not([disabled])"))
                            .isEmpty());
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    private static WebElement booking(Browser b) {
        return b.until(d -> d.findElements(By.cssSelector("#bookings li[data-booking]")).stream().findFirst()
                .orElse(null));
    }

    @Test
    void aCustomerBooksCancelsAndBooksAgain_thenChecksInAtTheDispenser_andTheManagerSeesTheSlot() throws Exception {
        try (BookingHall hall = new BookingHall(dir); Browser b = new Browser(390, 844)) {
            b.open(hall.url("/book/"));
            confirm(hall, b, PHONE_A);
            b.until(d -> b.find("#book-service").getDomProperty("value").length() > 0);
            new org.openqa.selenium.support.ui.Select(b.find("#book-service")).selectByValue("OPEN");
            WebElement slot = b.until(d -> d.findElements(By.cssSelector("#slots li[data-start] button.book:not([disabled])"))
                    .stream().findFirst().orElse(null));
            slot.click();
            b.until(d -> "BOOKED".equals(booking(b).getDomAttribute("data-status")));
            assertTrue(b.text("#message").contains("已预约"), b.text("#message"));
            b.screenshot("book-booked-390x844");
            assertFalse(b.driver.getPageSource().contains(PHONE_A), "the page shows the number masked only");

            booking(b).findElement(By.cssSelector("button.cancel")).click();
            b.until(d -> "CANCELLED".equals(booking(b).getDomAttribute("data-status")));
            assertTrue(b.text("#message").contains("已取消"), b.text("#message"));

            b.until(d -> d.findElements(By.cssSelector("#slots li[data-start] button.book:not([disabled])")).stream()
                    .findFirst().orElse(null)).click();
            b.until(d -> d.findElements(By.cssSelector("#bookings li[data-status=BOOKED]")).size() == 1);
            String id = b.find("#bookings li[data-status=BOOKED]").getDomAttribute("data-booking");

            // the manager's page: today's bookings per slot, the masked number under its slot
            String bookTab = b.driver.getWindowHandle();
            b.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            b.size(1366, 768);
            b.open(hall.url("/manager/"));
            b.login("manager", "manager-demo");
            b.until(d -> b.text("#bookings").contains("138****5678"));
            assertTrue(b.text("#bookings-sum").contains("1"), b.text("#bookings-sum"));
            b.js("document.getElementById('bookings-card').scrollIntoView();");
            b.screenshot("manager-bookings-1366x768");
            String managerTab = b.driver.getWindowHandle();

            // at the dispenser: the number typed on the twin's keypad and the service pressed check the booking in
            openTwin(hall, b, "OPEN");
            checkInAtTheTwin(b, PHONE_A, "OPEN");
            b.until(d -> b.text(".slip.newest").contains("预约"));
            assertTrue(b.text(".slip.newest").contains("Appointment"), b.text(".slip.newest"));

            b.driver.switchTo().window(managerTab);
            b.until(d -> !d.findElements(By.cssSelector("#bookings .who.CHECKED_IN")).isEmpty());
            b.driver.switchTo().window(bookTab);
            b.driver.navigate().refresh();
            b.until(d -> !d.findElements(By.cssSelector("#bookings li[data-status=CHECKED_IN]")).isEmpty());
            assertEquals(id, b.find("#bookings li[data-status=CHECKED_IN]").getDomAttribute("data-booking"));
        }
    }

    @Test
    void aCustomerJoinsFromThePhone_andTheMobilePageAsksForTheCheckInUntilTheNumberIsTypedAtTheDispenser()
            throws Exception {
        try (BookingHall hall = new BookingHall(dir); Browser b = new Browser(390, 844)) {
            b.open(hall.url("/book/"));
            confirm(hall, b, PHONE_B);
            b.until(d -> !d.findElements(By.cssSelector("#services li[data-service=PAY] button.join:not([disabled])"))
                    .isEmpty());
            b.find("#services li[data-service=PAY] button.join").click();
            b.until(d -> b.find("#remote").getDomAttribute("data-ticket") != null);
            String ticket = b.find("#remote").getDomAttribute("data-ticket");
            assertTrue(b.text("#remote").contains("签到"), b.text("#remote"));
            b.screenshot("book-joined-390x844");
            // one live remote ticket per phone
            b.find("#services li[data-service=OPEN] button.join").click();
            b.until(d -> b.text("#message").contains("已有一个线上排队号"));

            b.find("#remote a.follow").click();
            b.until(d -> ticket.equals(b.text("#ticket")));
            b.until(d -> "no".equals(b.js("return document.body.dataset.checkedIn")));
            assertTrue(b.text("#state-zh").contains("签到"), b.text("#state-zh"));
            assertTrue(b.text("#state-en").contains("check in"), b.text("#state-en"));
            b.screenshot("mobile-remote-390x844");
            String phoneTab = b.driver.getWindowHandle();

            openTwin(hall, b, "PAY");
            checkInAtTheTwin(b, PHONE_B, "PAY");
            b.until(d -> b.text(".slip.newest").contains("线上取号"));
            assertTrue(b.text(".slip.newest").contains(ticket), b.text(".slip.newest"));

            b.driver.switchTo().window(phoneTab);
            b.until(d -> "yes".equals(b.js("return document.body.dataset.checkedIn")));
            assertEquals("WAITING", b.js("return document.body.dataset.status"));
            assertEquals(ticket, b.text("#ticket"), "the ticket keeps its number and place");
        }
    }
}
