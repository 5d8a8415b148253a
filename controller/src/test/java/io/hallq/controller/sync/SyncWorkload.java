package io.hallq.controller.sync;

import io.hallq.controller.Await;
import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Forked by {@link KillDuringOutageIT}: runs hall "hall-k" with MQTT and issues a ticket every few
 * milliseconds, printing "DURABLE n" as events become durable, until killed. With "drain" it stops issuing
 * after {@code count} tickets, waits until the broker has everything, prints "DRAINED n" and exits.
 */
public final class SyncWorkload {

    private SyncWorkload() {}

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        String uri = args[1];
        int count = Integer.parseInt(args[2]);
        boolean drain = args.length > 3 && args[3].equals("drain");
        SyncHalls.Running hall = SyncHalls.start(SyncHalls.loaded("hall-k", dir, SyncHalls.mqtt(uri, "")),
                new MutableClock(TestHalls.MONDAY_10AM));
        HallController h = hall.runtime().hall();
        System.out.println("READY " + h.lastSequence());
        for (int i = 0; i < count; i++) {
            h.submit(Command.IssueTicket.walkIn(i % 2 == 0 ? "PAY" : "BILL")).join();
            System.out.println("DURABLE " + h.lastSequence());
            // pacing, not waiting: a hall's tickets come over time, so the test's kill lands mid-stream
            Thread.sleep(5);
        }
        if (drain) {
            Await.until("the outbox drained", Duration.ofMinutes(5),
                    () -> hall.mqtt().publishedSequence() >= h.lastSequence());
            System.out.println("DRAINED " + h.lastSequence());
            hall.close();
        } else {
            Thread.currentThread().join(); // until the test kills this process
        }
    }
}
