package io.hallq.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.controller.notify.SmppNotificationsIT;
import io.hallq.controller.notify.SmsCentre;
import io.hallq.controller.queue.Command;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mobile page's reminder request and the manager's SMS list, over HTTP, with a real SMPP centre. */
class NotifyRoutesIT {

    private static final String TOKEN = "abcdefghijklmnop1234";

    @TempDir
    Path dir;

    @Test
    void aCustomerAsksOnTheMobilePage_getsTheReminder_andTheManagerSeesItMasked() throws Exception {
        int port = SmsCentre.freePort();
        try (SmsCentre centre = new SmsCentre(port, "hallq", "secret")) {
            NotifyModule notify = new NotifyModule();
            WebModule web = new WebModule(List.of(new NotifyRoutes(notify)));
            String yaml = WebTestHall.smppHallYaml(port, "staff", "STAFF", ", counters: [2]");
            try (HallRuntime rt = HallRuntime.start(SmppNotificationsIT.loaded(dir, yaml),
                    TestHalls.runningFrom(TestHalls.MONDAY_10AM), List.of(notify, web))) {
                for (int i = 0; i < 5; i++) {
                    rt.hall().submit(Command.IssueTicket.walkIn("PAY")).join();
                }
                rt.hall().submit(new Command.IssueTicket("PAY", null, null, TOKEN)).join();
                ApiClient phone = new ApiClient("http://127.0.0.1:" + web.port());
                assertEquals(400, phone.post("/m/" + TOKEN + "/reminders", "{\"phone\":\"12345\"}").status());
                assertEquals(400, phone.post("/m/" + TOKEN + "/reminders", "{\"phone\":13812345678}").status());
                assertEquals(404, phone.post("/m/zzzzzzzzzzzzzzzzzzzzzz/reminders",
                        "{\"phone\":\"13812345678\"}").status());
                ApiClient.Response ok = phone.post("/m/" + TOKEN + "/reminders", "{\"phone\":\"13812345678\"}");
                assertEquals(200, ok.status(), ok.toString());
                assertEquals("138****5678", ok.text("phoneMasked"));

                for (int i = 0; i < 3; i++) {
                    rt.hall().submit(new Command.CallNext(3)).join();
                }
                SmppNotificationsIT.await(() -> centre.inbox.size() == 1, "the reminder");
                assertEquals("13812345678", centre.inbox.get(0).to());

                ApiClient staff = new ApiClient("http://127.0.0.1:" + web.port());
                staff.login("staff");
                assertEquals(403, staff.get("/api/notifications").status());
                ApiClient manager = new ApiClient("http://127.0.0.1:" + web.port());
                manager.login("manager");
                ApiClient.Response list = manager.get("/api/notifications");
                assertEquals(200, list.status());
                String body = list.body().toString();
                assertTrue(body.contains("138****5678") && body.contains("reminder-ahead"), body);
                assertFalse(body.contains("13812345678"), body);

                // the link is the key, and anyone who sees the QR code has it: 3 numbers an hour per ticket
                assertEquals(200, phone.post("/m/" + TOKEN + "/reminders", "{\"phone\":\"13912345678\"}").status());
                assertEquals(200, phone.post("/m/" + TOKEN + "/reminders", "{\"phone\":\"13712345678\"}").status());
                ApiClient.Response limited = phone.post("/m/" + TOKEN + "/reminders", "{\"phone\":\"13612345678\"}");
                assertEquals(429, limited.status(), limited.toString());
                assertEquals("RATE_LIMITED", limited.text("error"), limited.toString());
                assertTrue(limited.header("Retry-After").isPresent(), limited.toString());
            }
        }
    }
}
