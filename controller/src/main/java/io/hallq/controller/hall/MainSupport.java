package io.hallq.controller.hall;

import io.hallq.controller.config.ConfigException;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/** What the controller's and the emulator's {@code main} share: start, report bad config, stop on a signal. */
public final class MainSupport {

    private MainSupport() {}

    /**
     * Starts {@code what}; a configuration error is printed with every problem and exits with status 2, a
     * device that cannot be opened is printed with what to check and exits with status 3.
     */
    public static <T> T startOrExit(Supplier<T> what) {
        try {
            return what.get();
        } catch (ConfigException e) {
            System.err.println("hallq: the hall configuration has errors:\n" + e.getMessage());
            System.exit(2);
            throw e; // not reached
        } catch (io.hallq.controller.device.DeviceIoException e) {
            System.err.println("hallq: " + e.getMessage());
            System.exit(3);
            throw e; // not reached
        }
    }

    /**
     * Serves {@code runtime} until the JVM is asked to stop, under systemd's supervision ({@link Supervision}):
     * READY=1 now, WATCHDOG=1 while the writer handles its ticks, and the process ends with
     * {@link Supervision#EXIT_FAILED} and one log line when the hall can no longer work.
     *
     * @param startNanos {@code System.nanoTime()} when main began, for the log line saying how long start took
     */
    public static void serve(HallRuntime runtime, String name, long startNanos) throws InterruptedException {
        HallController hall = runtime.hall();
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        String status = "hall " + hall.config().hall().id() + " serving (started in " + ms + " ms)";
        Supervision supervision = Supervision.start(hall, SdNotify.fromEnvironment(), Supervision.DEFAULT_WEDGE,
                exitProcess(), status).endOnUncaughtExceptions();
        org.tinylog.Logger.info("Ready: {}", status);
        closeOnShutdown(() -> {
            supervision.close();
            runtime.close();
        }, name).await();
    }

    /**
     * Ends the process with {@code status}, running the shutdown hooks (the journal is closed cleanly when it
     * can be); if they hang (a wedged writer holds the journal), the process is halted 20 s later.
     */
    public static IntConsumer exitProcess() {
        return status -> {
            Thread.ofPlatform().daemon().name("hall-exit-backstop").start(() -> {
                try {
                    Thread.sleep(20_000);
                } catch (InterruptedException e) {
                    return;
                }
                Runtime.getRuntime().halt(status);
            });
            System.exit(status);
        };
    }

    /**
     * Closes {@code running} when the JVM is asked to stop (Ctrl-C, SIGTERM from systemd), so the journal is
     * closed cleanly; returns a latch that opens once it is closed.
     */
    public static CountDownLatch closeOnShutdown(AutoCloseable running, String name) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("hallq: " + name + " did not close cleanly: " + e);
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown"));
        return stopped;
    }
}
