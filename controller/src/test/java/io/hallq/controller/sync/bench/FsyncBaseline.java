package io.hallq.controller.sync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The disk's baseline of the MQTT benches, measured in the same JVM and on the same file system as the halls'
 * journals: {@code writers} threads, each appending a record the size of a journal batch to a file of its own and
 * forcing it ({@code force(false)}, as the journal does), each starting the next as soon as its force returned.
 * A hall in the closed loop does the same once per event (one command in flight per hall), so this rate bounds
 * the halls' closed loop, and a run can tell whether the machine's fsync rate moved between runs.
 */
final class FsyncBaseline {

    private final Path dir;
    private final int writers;

    FsyncBaseline(Path dir, int writers) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.writers = writers;
    }

    /** Forces per second over {@code seconds}, after a 1 s ramp-up; the pauses are the measurement window. */
    double closed(int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong forced = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Path file = dir.resolve("writer-" + i);
            threads.add(Thread.ofPlatform().name("fsync-" + i).start(() -> write(file, running, forced)));
        }
        Thread.sleep(1000); // ramp-up: every writer has started
        long start = forced.get();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measurement window
        double rate = (forced.get() - start) / ((System.nanoTime() - t0) / 1e9);
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        return rate;
    }

    private static void write(Path file, AtomicBoolean running, AtomicLong forced) {
        ByteBuffer record = ByteBuffer.allocate(300);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (running.get()) {
                record.clear();
                c.write(record);
                c.force(false);
                forced.incrementAndGet();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
