package io.hallq.controller.notify;

import static io.hallq.controller.notify.SmppNotificationsIT.CUSTOMER;
import static io.hallq.controller.notify.SmppNotificationsIT.await;
import static io.hallq.controller.notify.SmppNotificationsIT.loaded;
import static io.hallq.controller.notify.SmppNotificationsIT.of;
import static io.hallq.controller.notify.SmppNotificationsIT.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.protocol.PhoneNumber;
import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overdue apology (reminder-overdue) when the TICKET_OVERDUE alarm is journaled while the notification module
 * is not running (the process down, or stopped between the alarm and the request): it is requested and sent after
 * the restart, once, and never again on a later restart. Real SMPP server in process, a controlled clock.
 */
class OverdueApologyRestartIT {

    @TempDir
    Path dir;

    private static List<HallEvent.NotificationRequested> apologies(HallRuntime rt) {
        return of(rt, HallEvent.NotificationRequested.class).stream()
                .filter(r -> r.purpose().equals(Purpose.OVERDUE)).toList();
    }

    /** What the customer's phone got (the duty manager gets an alert of the overdue ticket too). */
    private static List<SmsCentre.Received> toCustomer(SmsCentre centre) {
        return centre.inbox.stream().filter(r -> r.to().equals(CUSTOMER)).toList();
    }

    @Test
    void anOverdueAlarmRaisedWhileNotificationsWereDown_sendsTheApologyOnceAfterTheRestart_andNotAgain()
            throws Exception {
        int port = SmsCentre.freePort();
        MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
        String config = yaml(port, "");
        try (SmsCentre centre = new SmsCentre(port, "hallq", "secret")) {
            // 1. a customer types a number; 3 are ahead (the "2 ahead" reminder is not due), nobody is called
            NotifyModule first = new NotifyModule(s -> s, clock);
            try (HallRuntime rt = HallRuntime.start(loaded(dir, config), clock, List.of(first))) {
                for (int i = 0; i < 3; i++) {
                    rt.hall().submit(Command.IssueTicket.walkIn("PAY")).join();
                }
                first.keepPhone("tok-late", PhoneNumber.parse(CUSTOMER));
                rt.hall().submit(new Command.IssueTicket("PAY", null, "138****5678", "tok-late")).join();
                await(() -> first.follows("E004"), "the typed number kept and its ticket followed");
            }

            // 2. the hall runs on without the notification module while the wait passes the 15-minute target: the
            //    alarm is journaled, no apology is requested (the process that would ask for it is down)
            clock.advance(Duration.ofMinutes(20));
            try (HallRuntime rt = HallRuntime.start(loaded(dir, config), clock, List.of())) {
                rt.hall().submit(new Command.Tick()).join();
                assertTrue(of(rt, HallEvent.AlarmRaised.class).stream()
                        .anyMatch(a -> a.alarmId().equals("TICKET_OVERDUE:E004")), "the overdue alarm is journaled");
                assertEquals(List.of(), apologies(rt));
            }

            // 3. back with notifications: the apology for the alarm it missed goes out
            NotifyModule second = new NotifyModule(s -> s, clock);
            try (HallRuntime rt = HallRuntime.start(loaded(dir, config), clock, List.of(second))) {
                await(() -> toCustomer(centre).size() == 1, () -> "the apology after the restart; inbox "
                        + centre.inbox);
                SmsCentre.Received sms = toCustomer(centre).get(0);
                assertTrue(sms.text().contains("E004") && sms.text().contains("20") && sms.text().contains("3"),
                        sms.text());
                await(() -> of(rt, HallEvent.NotificationSent.class).stream()
                        .anyMatch(x -> x.id().equals(apologies(rt).get(0).id())), "the send journaled");
                List<HallEvent.NotificationRequested> asked = apologies(rt);
                assertEquals(1, asked.size(), asked.toString());
                assertEquals("138****5678", asked.get(0).to());
                assertEquals("E004", asked.get(0).ticket());
            }

            // 4. another restart: the apology is known from the journal, so it is neither asked for nor sent again
            NotifyModule third = new NotifyModule(s -> s, clock);
            try (HallRuntime rt = HallRuntime.start(loaded(dir, config), clock, List.of(third))) {
                await(() -> third.snapshot().lines().stream().anyMatch(l -> Purpose.OVERDUE.equals(l.purpose())),
                        "the worker's first round after the restart");
                third.wake();
                await(() -> third.snapshot().pending() == 0, "a round with nothing pending");
                assertEquals(1, apologies(rt).size(), apologies(rt).toString());
                String id = apologies(rt).get(0).id();
                assertEquals(1, of(rt, HallEvent.NotificationSent.class).stream().filter(x -> x.id().equals(id))
                        .count());
                assertEquals(1, toCustomer(centre).size(), centre.inbox.toString());
            }
        }
    }
}
