package io.hallq.controller.sync;

import io.hallq.controller.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    private final boolean raw;
    private Process process;

    private Mosquitto(Path dir, int port, List<String> extra, boolean raw) {
        this.dir = dir;
        this.port = port;
        this.extra = List.copyOf(extra);
        this.raw = raw;
    }

    private Mosquitto(Path dir, int port, List<String> extra) {
        this(dir, port, extra, false);
    }

    /**
     * A broker with exactly {@code config} (e.g. a shipped config rewritten for the test), which must open a
     * listener on {@code port}; only logging is added.
     */
    public static Mosquitto startConfigured(Path dir, int port, List<String> config) {
        Mosquitto m = new Mosquitto(dir, port, config, true);
        m.start();
        return m;
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

    /**
     * Config lines that load Mosquitto's dynamic security plugin (shipped in Debian's mosquitto package) with a
     * policy written to {@code policyFile}: anonymous clients may publish and subscribe to anything except the
     * {@code refused} topic filters, whose SUBSCRIBE gets SUBACK reason code 0x87 (not authorized). Mosquitto's
     * plain {@code acl_file} grants every subscription (it only filters what is delivered), so this is the way to
     * a real refusal. Call {@link #refuseSubscriptions} again while the broker is stopped to change the policy.
     */
    public static List<String> refusingSubscriptions(Path policyFile, List<String> refused) {
        refuseSubscriptions(policyFile, refused);
        Path plugin;
        try (var libs = Files.newDirectoryStream(Path.of("/usr/lib"))) {
            plugin = java.util.stream.StreamSupport.stream(libs.spliterator(), false)
                    .map(d -> d.resolve("mosquitto_dynamic_security.so")).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no /usr/lib/*/mosquitto_dynamic_security.so: is Debian's mosquitto package installed?"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("plugin " + plugin, "plugin_opt_config_file " + policyFile.toAbsolutePath());
    }

    /** (Re)writes the dynamic security policy of {@link #refusingSubscriptions}; read when the broker starts. */
    public static void refuseSubscriptions(Path policyFile, List<String> refused) {
        StringBuilder acls = new StringBuilder("""
                {"acltype": "publishClientSend", "topic": "#", "allow": true},
                {"acltype": "publishClientReceive", "topic": "#", "allow": true},
                {"acltype": "subscribePattern", "topic": "#", "allow": true}""");
        for (String filter : refused) {
            acls.append(",\n{\"acltype\": \"subscribeLiteral\", \"topic\": \"").append(filter)
                    .append("\", \"allow\": false, \"priority\": 10}");
        }
        String policy = """
                {"clients": [],
                 "groups": [{"groupname": "anonymous", "roles": [{"rolename": "tests"}]}],
                 "anonymousGroup": "anonymous",
                 "roles": [{"rolename": "tests", "acls": [%s]}],
                 "defaultACLAccess": {"publishClientSend": false, "publishClientReceive": true,
                                      "subscribe": false, "unsubscribe": true}}
                """.formatted(acls);
        try {
            Files.createDirectories(policyFile.toAbsolutePath().getParent());
            Files.writeString(policyFile, policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            StringBuilder c = new StringBuilder();
            if (!raw) {
                c.append("listener ").append(port).append(" 127.0.0.1\n")
                    .append("allow_anonymous true\n")
                    .append("persistence true\n")
                    .append("persistence_location ").append(dir.toAbsolutePath()).append("/\n")
                    .append("max_queued_messages 1000000\n")
                    .append("set_tcp_nodelay true\n");
            }
            c.append("user ").append(System.getProperty("user.name")).append("\n")
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
                // a killed broker has not saved its persistence file: persistent sessions (a central subscriber's
                // queued events) are lost, which a test of an orderly restart must know when it then fails
                System.err.println("mosquitto on port " + port + " did not stop within 10 s of SIGTERM; killed,"
                        + " its sessions not saved (see " + logFile() + ")");
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
        boolean listening = Await.within(Duration.ofSeconds(10), () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mosquitto exited: see " + logFile());
                }
                return false;
            }
        });
        if (!listening) {
            throw new IllegalStateException("mosquitto did not listen on " + port);
        }
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
}
