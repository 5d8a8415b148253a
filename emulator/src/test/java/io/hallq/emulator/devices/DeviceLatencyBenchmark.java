package io.hallq.emulator.devices;

import io.hallq.controller.device.PrinterLink;
import io.hallq.controller.queue.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency of the device paths, in process on this machine, beside the engine's own floor in the same run:
 * button press to first ticket byte and to last ticket byte; counter key to the display's first new frame;
 * the baselines are a direct submit until its events are durable. Not a unit test: run by hand (see
 * docs/hardware.md, "Benchmark").
 */
public final class DeviceLatencyBenchmark {

    private DeviceLatencyBenchmark() {}

    /** Times the first and last byte of each ticket write; status queries (3 bytes) do not count. */
    private static final class TimedLink implements PrinterLink {
        final PrinterLink inner;
        final AtomicLong firstByte = new AtomicLong();
        final AtomicLong lastByte = new AtomicLong();

        TimedLink(PrinterLink inner) {
            this.inner = inner;
        }

        @Override
        public void write(byte[] bytes) {
            boolean ticket = bytes.length > 3;
            if (ticket) {
                firstByte.set(System.nanoTime());
            }
            inner.write(bytes);
            if (ticket) {
                lastByte.set(System.nanoTime());
            }
        }

        @Override public int read(Duration timeout) { return inner.read(timeout); }
        @Override public void discardInput() { inner.discardInput(); }
        @Override public void close() { inner.close(); }
    }

    /**
     * Runs every round twice in the same JVM, first with the former debouncer (the level must hold the whole
     * debounce time: {@code settled}), then with the first-edge debouncer, each in a fresh hall; or only the
     * modes named as the second argument ("settled", "first-edge", comma-separated).
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String[] modes = (args.length > 1 ? args[1] : "settled,first-edge").split(",");
        System.out.printf("load average at start: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
        for (String mode : modes) {
            System.setProperty(io.hallq.controller.device.KeyDebouncer.MODE_PROPERTY, mode);
            System.out.printf("%n## debouncer: %s%n", mode);
            run(n);
        }
        System.out.printf("load average at the end: %s%n", java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void run(int n) throws Exception {
        Path dir = Files.createTempDirectory("hallq-bench");
        TimedLink[] link = new TimedLink[1];
        EmulatedDevices devices = new EmulatedDevices(l -> link[0] = new TimedLink(l));
        try (HardwareHall h = HardwareHall.start(dir, y -> y.replace("pressInterval: 2s", "pressInterval: 0s"),
                devices)) {
            VirtualButton pay = devices.button("PAY").orElseThrow();
            VirtualKeypad keys = devices.counterKeypad(1).orElseThrow();
            VirtualMax7219 display = devices.counterDisplay(1).orElseThrow();
            long[] first = new long[n], last = new long[n], key = new long[n], issue = new long[n], call = new long[n];
            for (int i = -20; i < n; i++) { // 20 warm-up rounds
                long t0 = System.nanoTime();
                h.runtime.hall().submit(Command.IssueTicket.walkIn("BILL")).join();
                h.runtime.hall().submit(Command.IssueTicket.walkIn("BILL")).join(); // for the counter key below
                long base = System.nanoTime() - t0;

                long before = link[0].lastByte.get();
                t0 = System.nanoTime();
                pay.press();
                HardwareHall.await("ticket", Duration.ofSeconds(5), () -> link[0].lastByte.get() != before);
                long f = link[0].firstByte.get() - t0, l = link[0].lastByte.get() - t0;
                pay.release();

                t0 = System.nanoTime();
                h.runtime.hall().submit(new Command.Finish(1)).join(); // leaves counter 1 idle, if serving
                h.runtime.hall().submit(new Command.CallNext(1)).join();
                long callBase = System.nanoTime() - t0;
                h.runtime.hall().submit(new Command.Finish(1)).join();

                HardwareHall.await("blank display", Duration.ofSeconds(5), () -> display.digits(0).isBlank());
                t0 = System.nanoTime();
                keys.press('1');
                HardwareHall.await("the call shown", Duration.ofSeconds(5), () -> !display.digits(0).isBlank());
                long k = System.nanoTime() - t0;
                keys.release('1');
                h.runtime.hall().submit(new Command.Finish(1)).join();
                VirtualButton.sleep(Duration.ofMillis(40));
                if (i >= 0) {
                    first[i] = f; last[i] = l; key[i] = k; issue[i] = base; call[i] = callBase;
                }
            }
            report("baseline submit IssueTicket -> durable", issue);
            report("button press -> first ticket byte", first);
            report("button press -> last ticket byte", last);
            report("baseline submit CallNext -> durable", call);
            report("counter key -> ticket on the display", key);
            System.out.printf("ratio p50 press->first byte / baseline issue: %.1f%n", p(first, 50) / p(issue, 50));
            System.out.printf("ratio p99 press->first byte / baseline issue: %.1f%n", p(first, 99) / p(issue, 99));
            System.out.printf("ratio p50 key->frame / baseline call: %.1f%n", p(key, 50) / p(call, 50));

            // paper runs out: the status poll finds it, the DEVICE alarm is durable (the board notice and the
            // blinking buttons follow from it); the issue asks for at most 2 s
            int faults = Math.max(10, n / 10);
            long[] out = new long[faults], back = new long[faults];
            for (int i = 0; i < faults; i++) {
                long t0 = System.nanoTime();
                devices.printer().paperOut(true);
                HardwareHall.await("the alarm", Duration.ofSeconds(5), () -> printerAlarm(h));
                out[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                devices.printer().paperOut(false);
                HardwareHall.await("the alarm cleared", Duration.ofSeconds(5), () -> !printerAlarm(h));
                back[i] = System.nanoTime() - t0;
            }
            report("paper out -> DEVICE alarm durable", out);
            report("paper loaded -> alarm cleared", back);
        }
    }

    private static boolean printerAlarm(HardwareHall h) {
        return h.query(s -> s.alarms().containsKey(io.hallq.controller.device.PrinterFault.ALARM_ID));
    }

    private static double p(long[] v, int pct) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(pct / 100.0 * s.length) - 1)] / 1e6;
    }

    private static void report(String what, long[] v) {
        System.out.printf("%-42s p50 %7.2f ms   p99 %7.2f ms   (n=%d)%n", what, p(v, 50), p(v, 99), v.length);
    }
}
