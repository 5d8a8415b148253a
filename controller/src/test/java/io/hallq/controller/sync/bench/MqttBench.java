package io.hallq.controller.sync.bench;

import io.hallq.controller.Await;
import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.hall.Outcome;
import io.hallq.controller.queue.Command;
import io.hallq.controller.sync.Mosquitto;
import io.hallq.controller.sync.SyncHalls;
import io.hallq.protocol.mqtt.EventMessage;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * 200 halls on one Mosquitto with a central subscriber. For the hallq path (controller + journal + outbox +
 * Paho) and for a raw baseline (bare Paho clients publishing payloads of the same size), in the same run:
 * publish-to-central latency at a fixed offered rate, and the highest sustained rate (closed loop).
 * Usage: MqttBench [halls=200] [latencySeconds=15] [throughputSeconds=10] [ratePerHall=2].
 */
public final class MqttBench {

    private MqttBench() {}

    public static void main(String[] args) throws Exception {
        int halls = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int latencySec = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int throughputSec = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        double perHall = args.length > 3 ? Double.parseDouble(args[3]) : 2;
        Path dir = Files.createTempDirectory("hallq-mqtt-bench");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"))) {
            System.out.printf("halls=%d offered=%.0f ev/s latency=%ds throughput=%ds mosquitto=%s%n", halls,
                    halls * perHall, latencySec, throughputSec, broker.uri());
            double[] raw = raw(broker.uri(), halls, perHall, latencySec, throughputSec);
            double[] hallq = hallq(broker.uri(), dir, halls, perHall, latencySec, throughputSec);
            System.out.printf("%-22s %10s %10s %14s%n", "", "p50 ms", "p99 ms", "max ev/s");
            System.out.printf("%-22s %10.2f %10.2f %14.0f%n", "raw Paho baseline", raw[0], raw[1], raw[3]);
            System.out.printf("%-22s %10.2f %10.2f %14.0f%n", "hallq (journal+outbox)", hallq[0], hallq[1], hallq[3]);
            System.out.printf("ratio hallq/raw: p50 x%.2f, p99 x%.2f, rate x%.2f%n", hallq[0] / raw[0],
                    hallq[1] / raw[1], hallq[3] / raw[3]);
        }
        System.exit(0);
    }

    /** {p50, p99, samples, maxRate} for bare Paho clients. */
    private static double[] raw(String uri, int halls, double perHall, int latencySec, int throughputSec)
            throws Exception {
        try (RawBaseline raw = new RawBaseline(uri, halls)) {
            Loads.Sender send = raw::send;
            double[] lat = Loads.open(raw.probe(), halls, perHall, latencySec, send);
            double rate = Loads.closed(raw.probe(), halls, throughputSec, send);
            return new double[] {lat[0], lat[1], lat[2], rate};
        }
    }

    /** {p50, p99, samples, maxRate} for full halls. */
    private static double[] hallq(String uri, Path dir, int halls, double perHall, int latencySec, int throughputSec)
            throws Exception {
        List<SyncHalls.Running> running = new ArrayList<>();
        MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
        for (int i = 0; i < halls; i++) {
            String id = "bench-" + i;
            running.add(SyncHalls.start(SyncHalls.loaded(id, dir.resolve(id),
                    SyncHalls.mqtt(uri, "statusInterval: 10s\n").replace("statusInterval: 1s\n", "")), clock));
        }
        Await.until("every hall connected", Duration.ofMinutes(5),
                () -> running.stream().allMatch(r -> r.mqtt().connected()));
        Thread.sleep(1000); // the halls' first status and online messages pass before the measurement
        try (Probe probe = new Probe(uri, Topics.allHalls("events"), (t, p) -> {
            EventMessage m = MqttCodec.decodeOrThrow(p, EventMessage.class);
            return m.hall() + "/" + m.seq();
        })) {
            long[] n = new long[halls];
            Loads.Sender send = (i) -> {
                HallController h = running.get(i).runtime().hall();
                boolean on = (++n[i] & 1) == 0;
                Command c = n[i] % 3 == 0 ? Command.IssueTicket.walkIn(n[i] % 2 == 0 ? "PAY" : "BILL")
                        : new Command.SetService("OPEN", on, on ? null : "暂停", on ? null : "Paused");
                String hall = "bench-" + i;
                return h.submit(c).thenAccept(o -> stamp(probe, hall, o));
            };
            double[] lat = Loads.open(probe, halls, perHall, latencySec, send);
            double rate = Loads.closed(probe, halls, throughputSec, send);
            return new double[] {lat[0], lat[1], lat[2], rate};
        } finally {
            running.forEach(SyncHalls.Running::close);
        }
    }

    /** The event is durable now: from here on the latency is the MQTT path's. */
    private static void stamp(Probe probe, String hall, Outcome o) {
        long now = System.nanoTime();
        for (JournaledEvent e : o.events()) {
            probe.sentAt.put(hall + "/" + e.sequence(), now);
        }
    }
}
