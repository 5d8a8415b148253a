package io.hallq.controller.hall;

import io.hallq.controller.config.ConfigException;
import java.util.concurrent.CountDownLatch;
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
