package io.hallq.emulator;

import io.hallq.controller.hall.MainSupport;
import java.util.List;
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
        long started = System.nanoTime();
        Emulator emulator = MainSupport.startOrExit(() -> Emulator.start(chosen));
        if (options.runFor() != null) {
            Thread.ofPlatform().daemon().name("emulator-run-for").start(() -> {
                try {
                    Thread.sleep(options.runFor().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                Logger.info("Hall board:\n{}", emulator.board());
                System.exit(0);
            });
        }
        MainSupport.serve(emulator.runtime(), "emulator", started);
    }
}
