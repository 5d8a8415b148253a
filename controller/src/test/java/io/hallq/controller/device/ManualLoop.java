package io.hallq.controller.device;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The device module's thread run by the test on its own clock: {@link #advance} moves the clock in scan
 * periods, running the hand-overs that arrived, every periodic task and the delayed tasks that fell due.
 */
final class ManualLoop implements DeviceModule.Loop {

    private final AtomicLong nowMs = new AtomicLong(1_000);
    private final ConcurrentLinkedQueue<Runnable> handed = new ConcurrentLinkedQueue<>();
    private final List<Runnable> periodic = new ArrayList<>();
    private final List<long[]> delayedAt = new ArrayList<>();
    private final List<Runnable> delayed = new ArrayList<>();

    long now() {
        return nowMs.get();
    }

    @Override
    public void execute(Runnable task) {
        handed.add(task);
    }

    @Override
    public void every(Duration period, Runnable task) {
        if (period.toMillis() != DeviceModule.SCAN_PERIOD.toMillis()) {
            throw new IllegalArgumentException("the manual loop runs periodic tasks every scan period only");
        }
        periodic.add(task);
    }

    @Override
    public void after(Duration delay, Runnable task) {
        delayedAt.add(new long[] {nowMs.get() + delay.toMillis()});
        delayed.add(task);
    }

    /** Runs what was handed over, without moving the clock. */
    void runHandedOver() {
        Runnable r;
        while ((r = handed.poll()) != null) {
            r.run();
        }
    }

    /** Moves the clock by {@code ms} in steps of the scan period. */
    void advance(long ms) {
        long step = DeviceModule.SCAN_PERIOD.toMillis();
        for (long t = 0; t < ms; t += step) {
            nowMs.addAndGet(step);
            runHandedOver();
            periodic.forEach(Runnable::run);
            for (int i = 0; i < delayed.size(); i++) {
                if (delayedAt.get(i)[0] <= nowMs.get()) {
                    delayedAt.get(i)[0] = Long.MAX_VALUE;
                    delayed.get(i).run();
                }
            }
        }
    }

    @Override
    public void close() {
        handed.clear();
        periodic.clear();
    }
}
