package io.hallq.controller.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian Mosquitto for tests, on a free loopback port with its own config and persistence folder.
 * It can be stopped and started again on the same port (an outage), keeping its persisted sessions.
 */
public final class Mosquitto implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private final List<String> extra;
    private Process process;

    private Mosquitto(Path dir, int port, List<String> extra) {
        this.dir = dir;
        this.port = port;
        this.extra = List.copyOf(extra);
    }

    /** Starts a broker in {@code dir} (created) with {@code extra} config lines (e.g. a bridge). */
    public static Mosquitto start(Path dir, List<String> extra) {
        Mosquitto m = new Mosquitto(dir, freePort(), extra);
        m.start();
        return m;
    }

    public static Mosquitto start(Path dir) {
        return start(dir, List.of());
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("mosquitto.conf");
            StringBuilder c = new StringBuilder()
                    .append("listener ").append(port).append(" 127.0.0.1\n")
                    .append("allow_anonymous true\n")
                    .append("user ").append(System.getProperty("user.name")).append("\n")
                    .append("persistence true\n")
                    .append("persistence_location ").append(dir.toAbsolutePath()).append("/\n")
                    .append("max_queued_messages 1000000\n")
                    .append("set_tcp_nodelay true\n")
                    .append("log_dest stdout\n")
                    .append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n")
                    .append("connection_messages true\n");
            extra.forEach(l -> c.append(l).append('\n'));
            Files.writeString(conf, c);
            process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile())).start();
            waitListening();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the broker gracefully (it saves its sessions), like an orderly broker restart. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void waitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mosquitto exited: see " + logFile());
                }
                sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port);
    }

    /** Kept under target/ so a failed run can be read after the temp folder is gone. */
    private java.io.File logFile() {
        java.io.File logs = new java.io.File("target/mosquitto-logs");
        logs.mkdirs();
        return new java.io.File(logs, "mosquitto-" + port + ".log");
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
