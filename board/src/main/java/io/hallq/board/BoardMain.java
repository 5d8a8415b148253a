package io.hallq.board;

import io.hallq.controller.config.ConfigException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./hallq board <board.yaml>} on the Pi beside the hall TV: the hall board as a process of its own,
 * fed over MQTT by the hall controller. Chromium in kiosk mode opens {@code http://127.0.0.1:<port>/board/}.
 * Runs until stopped (SIGTERM from systemd).
 */
public final class BoardMain {

    private BoardMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: hallq board <board.yaml>   (example: config/example-board.yaml)");
            System.exit(2);
        }
        BoardSettings settings;
        try {
            settings = BoardSettingsReader.read(Path.of(args[0]));
        } catch (ConfigException e) {
            System.err.println("hallq: the board configuration has errors:\n" + e.getMessage());
            System.exit(2);
            return;
        }
        StandaloneBoard board;
        try {
            board = StandaloneBoard.start(settings);
        } catch (IllegalStateException e) {
            String hint = e.getMessage().contains("cannot listen") ? " (board.bind / board.port in " + args[0] + ")"
                    : " (mqtt section of " + args[0] + ")";
            System.err.println("hallq: the board cannot start: " + e.getMessage() + hint);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        StandaloneBoard running = board;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close(); // publishes "stopped" as its health before the connection closes
            } finally {
                stopped.countDown();
            }
        }, "board-shutdown"));
        stopped.await();
    }
}
