package io.hallq.controller.sync.bench;

import io.hallq.controller.Await;
import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.queue.Command;
import io.hallq.controller.sync.Mosquitto;
import io.hallq.controller.sync.SyncHalls;
import io.hallq.protocol.mqtt.EventMessage;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One hall late in a busy day: {@code events} events already journaled today (and published: the outbox cursor
 * is at the end), then the same measurements as {@link MqttBench} for that one hall: durable event to central at
 * a fixed offered rate (p50, p99), and the closed-loop rate. Baseline in the same run: one bare Paho client with
 * payloads of the same size. Only public API and test helpers, so the same file (with {@link RawBaseline},
 * {@link Loads} and {@link Probe} beside it) runs against an older build.
 * Usage: OutboxBusyDayBench [events=25000] [latencySeconds=15] [ratePerSecond=20] [throughputSeconds=10].
 */
public final class OutboxBusyDayBench {

    private OutboxBusyDayBench() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 25_000;
        int latencySec = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        int throughputSec = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path dir = Files.createTempDirectory("hallq-busy-day-bench");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"))) {
            System.out.printf("one hall, %d events journaled today, offered %.0f ev/s, latency %ds, throughput %ds%n",
                    events, rate, latencySec, throughputSec);
            double[] raw = raw(broker.uri(), rate, latencySec, throughputSec);
            double[] hall = hall(broker.uri(), dir, events, rate, latencySec, throughputSec);
            System.out.printf("%-26s %10s %10s %14s%n", "", "p50 ms", "p99 ms", "max ev/s");
            System.out.printf("%-26s %10.2f %10.2f %14.0f%n", "raw Paho baseline", raw[0], raw[1], raw[3]);
            System.out.printf("%-26s %10.2f %10.2f %14.0f%n", "hallq, late in a busy day", hall[0], hall[1], hall[3]);
            System.out.printf("ratio hallq/raw: p50 x%.2f, p99 x%.2f, rate x%.3f%n", hall[0] / raw[0],
                    hall[1] / raw[1], hall[3] / raw[3]);
        }
        System.exit(0);
    }

    private static double[] raw(String uri, double rate, int latencySec, int throughputSec) throws Exception {
        try (RawBaseline raw = new RawBaseline(uri, 1)) {
            Loads.Sender send = raw::send;
            double[] lat = Loads.open(raw.probe(), 1, rate, latencySec, send);
            return new double[] {lat[0], lat[1], lat[2], Loads.closed(raw.probe(), 1, throughputSec, send)};
        }
    }

    private static double[] hall(String uri, Path dir, int events, double rate, int latencySec, int throughputSec)
            throws Exception {
        MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
        LoadedConfig loaded = SyncHalls.loaded("busy", dir.resolve("busy"), SyncHalls.mqtt(uri, ""));
        long t0 = System.nanoTime();
        long journaled = journalDay(loaded.config(), clock, events);
        System.out.printf("journaled %d events in %d ms%n", journaled, (System.nanoTime() - t0) / 1_000_000);
        try (SyncHalls.Running running = SyncHalls.start(loaded, clock);
             Probe probe = new Probe(uri, Topics.events("busy"), (t, p) -> {
                 EventMessage m = MqttCodec.decodeOrThrow(p, EventMessage.class);
                 return m.hall() + "/" + m.seq();
             })) {
            Await.until("the hall connected", Duration.ofMinutes(1), running.mqtt()::connected);
            HallController h = running.runtime().hall();
            long[] n = {0};
            Loads.Sender send = only -> h.submit(command((int) ++n[0])).thenAccept(o -> {
                long now = System.nanoTime();
                for (JournaledEvent e : o.events()) {
                    probe.sent("busy/" + e.sequence(), now);
                }
            });
            double[] lat = Loads.open(probe, 1, rate, latencySec, send);
            double max = Loads.closed(probe, 1, throughputSec, send);
            System.out.printf("events journaled at the end: %d%n", h.lastSequence());
            return new double[] {lat[0], lat[1], lat[2], max};
        }
    }

    /**
     * Journals {@code events} events of today in the hall of {@code config} ({@link #command}s, submitted in rounds
     * of 500) and marks them all published: the outbox cursor at the end, as for a hall late in its day. Returns
     * the last sequence.
     */
    static long journalDay(HallConfig config, Clock clock, int events) throws Exception {
        long last;
        try (HallController h = HallController.start(config, clock, Duration.ZERO)) {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            for (int i = 0; h.lastSequence() < events; i++) {
                pending.add(h.submit(command(i)));
                if (pending.size() == 500) {
                    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                    pending.clear();
                }
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            last = h.lastSequence();
        }
        Files.writeString(Path.of(config.journal().dataDir()).resolve("mqtt-outbox.cursor"), last + "\n");
        return last;
    }

    /**
     * Pauses and reopens a service, with a walk-in ticket every 25th command (about 1,000 waiting at the end of
     * the day, so the engine's cost stays small beside the outbox's): one event each, or a rejection.
     */
    static Command command(int i) {
        boolean on = (i & 1) == 0;
        return i % 25 == 0 ? Command.IssueTicket.walkIn(i % 2 == 0 ? "PAY" : "BILL")
                : new Command.SetService("OPEN", on, on ? null : "暂停", on ? null : "Paused");
    }
}
