package io.hallq.controller.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL with messages journaled but not sent (the SMS centre down), and again after they went out: every staff
 * SMS reaches the centre exactly once.
 */
class NotifyCrashIT {

    @TempDir
    Path dir;

    @Test
    void sigkillWhileTheCentreIsDown_thenAgainAfterSending_sendsEachMessageExactlyOnce() throws Exception {
        int port = SmsCentre.freePort();
        Worker first = new Worker(port, "faults");
        first.awaitStatus(s -> s[0] == 5, "5 requests journaled");
        first.kill(); // the centre was never up: all 5 are pending in the journal only

        try (SmsCentre centre = new SmsCentre(port, "hallq", "secret")) {
            Worker second = new Worker(port, "");
            long[] s = second.awaitStatus(st -> st[2] == 5, "5 delivered after the restart");
            assertEquals(5, s[1], "sent once each");
            second.kill();

            Worker third = new Worker(port, "");
            third.awaitStatus(st -> true, "a start");
            long[] last = third.awaitStatus(st -> true, "a second status, after the worker's first rounds");
            for (int i = 0; i < 10; i++) {
                last = third.awaitStatus(st -> true, "status");
            }
            third.kill();
            assertEquals(5, last[0]);
            assertEquals(5, last[1], "nothing sent again after the second kill");

            assertEquals(5, centre.inbox.size(), centre.inbox.toString());
            Map<String, Long> texts = centre.inbox.stream().collect(Collectors.groupingBy(SmsCentre.Received::text,
                    Collectors.counting()));
            assertEquals(5, texts.size(), "each device's alert once: " + texts);
            assertTrue(centre.inbox.stream().allMatch(r -> r.to().equals(SmppNotificationsIT.DUTY)));
        }
    }

    private final class Worker {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Worker(int port, String mode) throws Exception {
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath(),
                    NotifyCrashWorkload.class.getName(), dir.toString(), Integer.toString(port), mode)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // killed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        long[] awaitStatus(Predicate<long[]> condition, String what) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith("STATUS ")) {
                    String[] f = line.split(" ");
                    long[] s = {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])};
                    if (condition.test(s)) {
                        return s;
                    }
                }
            }
            throw new AssertionError("timed out waiting for " + what);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL on Linux
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }

}
