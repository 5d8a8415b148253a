package io.hallq.controller.notify;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tests' SMS centre: a real SMPP 3.4 server in process ({@link SmppCentre}) that checks the bind's
 * credentials, takes submit_sm, joins concatenated parts into the text a phone would show, and sends a delivery
 * receipt for each part (unless told not to). It keeps every message and every raw part.
 */
public final class SmsCentre implements AutoCloseable {

    /** A whole message as a phone shows it. */
    public record Received(String to, String text, int parts, byte dataCoding) {}

    public final List<Received> inbox = new CopyOnWriteArrayList<>();
    final List<byte[]> rawParts = new CopyOnWriteArrayList<>();
    volatile boolean receipts = true;
    private final SmppCentre centre;

    public SmsCentre(int port, String systemId, String password) throws IOException {
        centre = SmppCentre.start(port, systemId, password, "test-smsc", new SmppCentre.Phones() {
            @Override
            public void received(String to, String text, int parts, byte dataCoding) {
                inbox.add(new Received(to, text, parts, dataCoding));
            }

            @Override
            public void part(byte[] body) {
                rawParts.add(body);
            }
        }, () -> receipts);
    }

    public static int freePort() throws IOException {
        return SmppCentre.freePort();
    }

    public int port() {
        return centre.port();
    }

    @Override
    public void close() {
        centre.close();
    }
}
