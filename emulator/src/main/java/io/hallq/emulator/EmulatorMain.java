package io.hallq.emulator;

import io.hallq.controller.hall.MainSupport;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.tinylog.Logger;

/** {@code ./hallq emulator}: runs a hall with no hardware until Ctrl-C (or {@code --run-for}). */
public final class EmulatorMain {

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions options;
        try {
            options = EmulatorOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        EmulatorOptions chosen = options;
        Emulator emulator = MainSupport.startOrExit(() -> Emulator.start(chosen));
        CountDownLatch stopped = MainSupport.closeOnShutdown(emulator, "emulator");
        if (options.runFor() != null) {
            Thread.sleep(options.runFor().toMillis());
            Logger.info("Hall board:\n{}", emulator.board());
            System.exit(0);
        }
        stopped.await();
    }
}
