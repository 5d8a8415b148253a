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
 * a press on an expander pin to the first and last ticket byte; a key on counter 5 (its keypad on an expander)
 * to the frame that puts its digits on the last chip of the counter displays' chain; each with the configured
 * debounce and again with none, so the debounce's share shows separately;
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
        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        for (String mode : modes) {
            System.setProperty(io.hallq.controller.device.KeyDebouncer.MODE_PROPERTY, mode);
            System.out.printf("%n## debouncer: %s%n", mode);
            // The same hall twice: as configured (20 ms debounce), then with no debounce, so that the
            // debounce's share of each path shows on its own.
            run(n, "20ms", true);
            run(n, "0ms", false);
        }
        System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /**
     * The whole example hall: PAY is a button on expander 0x20 (INT on BCM 17), counter 5's keypad is on
     * expander 0x26 and its display is position 5, the end of the counter displays' MAX7219 chain.
     */
    private static void run(int n, String debounce, boolean withFaults) throws Exception {
        Path dir = Files.createTempDirectory("hallq-bench");
        TimedLink[] link = new TimedLink[1];
        EmulatedDevices devices = new EmulatedDevices(l -> link[0] = new TimedLink(l));
        try (HardwareHall h = HardwareHall.start(dir, y -> y.replace("pressInterval: 2s", "pressInterval: 0s")
                .replace("debounce: 20ms", "debounce: " + debounce), devices)) {
            System.out.printf("%n-- devices.debounce %s --%n", debounce);
            VirtualButton pay = devices.button("PAY").orElseThrow();
            VirtualKeypad keys = devices.counterKeypad(5).orElseThrow();
            VirtualMax7219.Position display = devices.counterDisplay(5).orElseThrow();
            if (display.chip() != display.chain().chips() - 1) {
                throw new IllegalStateException("counter 5's display is not at the end of the chain");
            }
            AtomicLong shownAt = new AtomicLong();
            AtomicLong framesAtShown = new AtomicLong();
            display.chain().onFrame(() -> {
                if (shownAt.get() == 0 && display.digits().strip().length() == 4) { // all 4 characters written
                    framesAtShown.set(display.chain().frames());
                    shownAt.set(System.nanoTime());
                }
            });
            h.runtime.hall().submit(new Command.OpenCounter(5)).join();
            long[] first = new long[n], last = new long[n], key = new long[n], issue = new long[n], call = new long[n];
            long[] frames = new long[n];
            for (int i = -20; i < n; i++) { // 20 warm-up rounds
                h.runtime.hall().submit(Command.IssueTicket.walkIn("SIM")).join(); // for counter 5's key below
                long t0 = System.nanoTime();
                h.runtime.hall().submit(Command.IssueTicket.walkIn("SIM")).join();
                long base = System.nanoTime() - t0; // one command, as the press below issues one

                long before = link[0].lastByte.get();
                t0 = System.nanoTime();
                pay.press();
                HardwareHall.await("ticket", Duration.ofSeconds(5), () -> link[0].lastByte.get() != before);
                long f = link[0].firstByte.get() - t0, l = link[0].lastByte.get() - t0;
                pay.release();

                h.runtime.hall().submit(new Command.Finish(5)).join(); // leaves counter 5 idle, if serving
                t0 = System.nanoTime();
                h.runtime.hall().submit(new Command.CallNext(5)).join();
                long callBase = System.nanoTime() - t0;
                h.runtime.hall().submit(new Command.Finish(5)).join();

                HardwareHall.await("blank display", Duration.ofSeconds(5), () -> display.digits().isBlank());
                HardwareHall.await("steady display", Duration.ofSeconds(5), display::lit);
                keys.keep(Duration.ofMillis(30)); // the keypad's release debounced
                long framesBefore = display.chain().frames();
                shownAt.set(0);
                t0 = System.nanoTime();
                keys.press('1');
                HardwareHall.await("the call shown", Duration.ofSeconds(5), () -> shownAt.get() != 0);
                long k = shownAt.get() - t0;
                long fr = framesAtShown.get() - framesBefore;
                keys.release('1');
                h.runtime.hall().submit(new Command.Finish(5)).join();
                keys.keep(Duration.ofMillis(40));
                if (i >= 0) {
                    first[i] = f; last[i] = l; key[i] = k; issue[i] = base; call[i] = callBase; frames[i] = fr;
                }
            }
            report("baseline submit IssueTicket -> durable", issue);
            report("press on expander pin 0x20:A0 -> first ticket byte", first);
            report("press on expander pin 0x20:A0 -> last ticket byte", last);
            report("baseline submit CallNext -> durable", call);
            report("key 1 on counter 5 -> its digits at the chain's end", key);
            System.out.printf("frames on the 5-chip chain until counter 5 showed the call: p50 %d, max %d%n",
                    (long) (p(frames, 50) * 1e6), Arrays.stream(frames).max().orElse(0));
            System.out.printf("ratio p50 press->first byte / baseline issue: %.1f%n", p(first, 50) / p(issue, 50));
            System.out.printf("ratio p99 press->first byte / baseline issue: %.1f%n", p(first, 99) / p(issue, 99));
            System.out.printf("ratio p50 key->digits / baseline call: %.1f%n", p(key, 50) / p(call, 50));
            if (!withFaults) {
                return;
            }

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
        System.out.printf("%-52s p50 %7.2f ms   p99 %7.2f ms   (n=%d)%n", what, p(v, 50), p(v, 99), v.length);
    }
}
