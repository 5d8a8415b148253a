package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import io.hallq.controller.queue.Command;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to a real Mosquitto with certificates made by openssl for the test: the hall proves itself with a
 * client certificate whose CN is its id (so the ACL's %u applies), and checks the broker against the CA.
 */
class TlsIT {

    @TempDir
    Path dir;

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl " + cmd);
    }

    private void makeCertificates() throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=hallq test CA");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-copy_extensions", "copy");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "hall.key", "-out", "hall.csr",
                "-subj", "/CN=hall-t");
        openssl("x509", "-req", "-in", "hall.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "hall.pem", "-days", "2");
    }

    @Test
    void hallConnectsOverTls_withAClientCertificate_andPublishesUnderItsOwnId() throws Exception {
        makeCertificates();
        Path acl = Path.of("..", "deploy", "mosquitto", "hallq.acl").toAbsolutePath().normalize();
        try (Mosquitto plain = Mosquitto.start(dir.resolve("broker"), List.of(
                "listener " + (Mosquitto.freePort()) + " 127.0.0.1",
                "certfile " + dir.resolve("server.pem"),
                "keyfile " + dir.resolve("server.key"),
                "cafile " + dir.resolve("ca.pem"),
                "require_certificate true",
                "use_identity_as_username true",
                "acl_file " + acl))) {
            int tlsPort = tlsPortOf(plain);
            try (CentralRecorder central = new CentralRecorder(plain.uri(), "central-tls", "central")) {
                String mqtt = """
                        broker: ssl://127.0.0.1:%d
                        tls: { caFile: %s, certFile: %s, keyFile: %s }
                        reconnect: { min: PT0.2S, max: 1s }
                        """.formatted(tlsPort, dir.resolve("ca.pem"), dir.resolve("hall.pem"), dir.resolve("hall.key"));
                try (SyncHalls.Running hall = SyncHalls.start(SyncHalls.loaded("hall-t", dir.resolve("hall"), mqtt),
                        new MutableClock(TestHalls.MONDAY_10AM))) {
                    for (int i = 0; i < 10; i++) {
                        hall.runtime().hall().submit(Command.IssueTicket.walkIn("PAY"));
                    }
                    long last = hall.runtime().hall().query(s -> s.issuedCount()).join();
                    assertEquals(10, last);
                    long seq = hall.runtime().hall().lastSequence();
                    assertTrue(CentralRecorder.await(() -> central.lastSeq("hall-t") == seq, 20_000),
                            "central at #" + central.lastSeq("hall-t") + " of #" + seq);
                    assertEquals(List.of(), central.problems());
                }
            }
        }
    }

    /** The TLS listener is the second "listener" line of the config; read its port back. */
    private int tlsPortOf(Mosquitto m) throws IOException {
        return java.nio.file.Files.readAllLines(dir.resolve("broker").resolve("mosquitto.conf")).stream()
                .filter(l -> l.startsWith("listener ")).skip(1).findFirst()
                .map(l -> Integer.parseInt(l.split(" ")[1])).orElseThrow();
    }
}
