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
