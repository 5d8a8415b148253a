package io.hallq.controller.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on loopback for tests that play a broker, or stand between a client and one: each connection it
 * accepts is handed, with its number (1 for the first), to the handler on a daemon thread of its own. Closing the
 * server closes every connection it accepted and every socket given to {@link #track}.
 */
final class LoopbackServer implements AutoCloseable {

    interface Handler {
        void serve(Socket socket, int number) throws IOException;
    }

    /** Connections accepted so far, and when each was (System.nanoTime), in order. */
    final AtomicInteger accepted = new AtomicInteger();
    final List<Long> acceptedNanos = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Handler handler;
    private final String name;

    LoopbackServer(String name, Handler handler) throws IOException {
        this.name = name;
        this.handler = handler;
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, name);
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Settings of an {@link MqttLink} to this server as its broker: 60 s keepalive, reconnect after 100-500 ms,
     * client id {@code clientIdPrefix} and a number.
     */
    MqttSettings linkSettings(String clientIdPrefix) {
        return new MqttSettings(true, java.net.URI.create("tcp://127.0.0.1:" + port()), false,
                clientIdPrefix + System.nanoTime(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.time.Duration.ofSeconds(60), java.time.Duration.ZERO,
                java.time.Duration.ofSeconds(10), 10, java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(500),
                java.util.Map.of(), List.of());
    }

    /** A link listener that writes what happens into {@code events}: "connected", "disconnected why", "message topic". */
    static LinkListener recording(List<String> events) {
        return new LinkListener() {
            public void connected(int window) { events.add("connected"); }
            public void disconnected(String why) { events.add("disconnected " + why); }
            public void subscriptionRefused(String filter, int reasonCode, String reason) { }
            public void message(Inbound message) { events.add("message " + message.topic()); }
        };
    }

    /** Closes {@code s} with the server (e.g. a connection the handler opened onwards). */
    void track(Socket s) {
        sockets.add(s);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                int n = accepted.incrementAndGet();
                acceptedNanos.add(System.nanoTime());
                Thread t = new Thread(() -> {
                    try {
                        handler.serve(s, n);
                    } catch (IOException gone) {
                        // the client dropped the connection
                    }
                }, name + "-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
