package io.hallq.controller.notify;

import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.event.HallEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Run by {@link NotifyCrashIT} in a JVM of its own, to be killed with SIGKILL: a hall with the notification
 * module; with "faults" it raises 5 device alarms (5 staff SMS). It prints "STATUS requested sent delivered"
 * about every 50 ms, counting the journal's notification events.
 */
public final class NotifyCrashWorkload {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        boolean faults = args.length > 2 && args[2].equals("faults");
        NotifyModule notify = new NotifyModule();
        HallRuntime rt = HallRuntime.start(SmppNotificationsIT.loaded(dir, SmppNotificationsIT.yaml(port, "")),
                Clock.systemUTC(), List.of(notify));
        if (faults) {
            for (int i = 1; i <= 5; i++) {
                rt.hall().submit(new Command.DeviceFault("dev-" + i, "设备" + i + "故障", "Device " + i + " fault"))
                        .join();
            }
        }
        while (true) {
            List<HallEvent> events = rt.hall().eventsAfter(0, 100_000).stream().map(JournaledEvent::event).toList();
            System.out.println("STATUS " + count(events, HallEvent.NotificationRequested.class) + " "
                    + count(events, HallEvent.NotificationSent.class) + " "
                    + count(events, HallEvent.NotificationDelivered.class));
            System.out.flush();
            Thread.sleep(50); // pacing of this process's report (20 a second) to the test that reads and kills it
        }
    }

    private static long count(List<HallEvent> events, Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }
}
