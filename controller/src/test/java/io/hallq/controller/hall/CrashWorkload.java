package io.hallq.controller.hall;

import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.Command.*;
import io.hallq.protocol.event.HallEvent;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process {@code CrashIT} kills: it recovers the hall from {@code args[0]}, prints {@code READY <lastSeq>},
 * then runs random commands from four threads forever, printing {@code ACK <seq> <event type> <ticket>} for
 * every event only after its command's future completed, i.e. after the events were durable.
 */
public final class CrashWorkload {

    private static final PrintStream OUT = new PrintStream(System.out, false, StandardCharsets.UTF_8);

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        HallConfig config = TestHalls.withJournal(TestHalls.small(), new JournalConfig(dir.toString(), 60, 300));
        AtomicLong ticks = new AtomicLong();
        HallController hall = HallController.start(config, new StepClock(ticks), Duration.ZERO);
        ticks.set(hall.recovery().lastSequence());
        print("READY " + hall.recovery().lastSequence() + " " + hall.recovery().millis());
        for (int t = 0; t < 4; t++) {
            Random random = new Random(seed * 31 + t);
            Thread th = new Thread(() -> drive(hall, random), "driver-" + t);
            th.start();
        }
        Thread.currentThread().join(); // until the test kills this process
    }

    private static void drive(HallController hall, Random random) {
        while (true) {
            Outcome o = hall.submit(randomCommand(random)).orTimeout(30, TimeUnit.SECONDS).join();
            ack(o);
            for (JournaledEvent e : o.events()) {
                // the "printer" confirms most paper tickets; a kill before it does leaves one to void at restart
                if (e.event() instanceof HallEvent.TicketIssued t && t.paper() && random.nextInt(10) < 8) {
                    ack(hall.submit(new MarkPrinted(t.ticket())).orTimeout(30, TimeUnit.SECONDS).join());
                }
            }
        }
    }

    private static void ack(Outcome o) {
        StringBuilder b = new StringBuilder();
        for (JournaledEvent e : o.events()) {
            b.append("ACK ").append(e.sequence()).append(' ').append(e.event().getClass().getSimpleName())
                    .append(' ').append(ticketOf(e.event())).append('\n');
        }
        if (!b.isEmpty()) {
            print(b.toString().trim());
        }
    }

    private static synchronized void print(String lines) {
        OUT.println(lines);
        OUT.flush();
    }

    static Command randomCommand(Random r) {
        int counter = 1 + r.nextInt(4);
        int p = r.nextInt(100);
        if (p < 40) {
            String[] services = {"OPEN", "PAY", "BILL", "DIRECT"};
            String[] classes = {null, null, "VIP", "GOTONE"};
            return new IssueTicket(services[r.nextInt(4)], classes[r.nextInt(4)], null, null, r.nextBoolean());
        }
        if (p < 70) {
            return new CallNext(counter);
        }
        if (p < 80) {
            return new Finish(counter);
        }
        return switch (p % 10) {
            case 0 -> new Recall(counter);
            case 1, 2 -> new NoShow(counter);
            case 3 -> new Transfer(counter, "BILL");
            case 4 -> new Pause(counter);
            case 5 -> new Resume(counter);
            case 6 -> new ServeDirect(4, "DIRECT");
            case 7 -> new CloseCounter(counter);
            case 8 -> new OpenCounter(counter);
            default -> new Tick();
        };
    }

    static String ticketOf(HallEvent e) {
        return switch (e) {
            case HallEvent.TicketIssued x -> x.ticket();
            case HallEvent.TicketCalled x -> x.ticket();
            case HallEvent.TicketRecalled x -> x.ticket();
            case HallEvent.TicketNoShow x -> x.ticket();
            case HallEvent.TicketServed x -> x.ticket();
            case HallEvent.TicketTransferred x -> x.ticket();
            case HallEvent.TicketVoided x -> x.ticket();
            case HallEvent.TicketPrinted x -> x.ticket();
            case HallEvent.DayStarted x -> x.day();
            default -> "-";
        };
    }

    /**
     * Time moves 20 s per command, counted from the journal's length, so a long crash run crosses business
     * days (and nights, when leftovers are voided) the same way on every machine.
     */
    private static final class StepClock extends Clock {
        private static final Instant START = TestHalls.MONDAY_10AM;
        private final AtomicLong ticks;

        StepClock(AtomicLong ticks) {
            this.ticks = ticks;
        }

        @Override
        public Instant instant() {
            return START.plusSeconds(20 * ticks.incrementAndGet());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
