package io.hallq.display.board;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SseStreamTest {

    @Test
    void aReaderThatStopsReading_isDropped_insteadOfBufferedWithoutBound() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<SseStream> opened = new CompletableFuture<>();
            HttpServer server = vertx.createHttpServer().requestHandler(req ->
                    opened.complete(SseStream.open(vertx, req.response(), () -> { }))).listen(0, "127.0.0.1")
                    .await(10, TimeUnit.SECONDS);
            try (Socket reader = new Socket()) {
                reader.setReceiveBufferSize(4096);
                reader.connect(new java.net.InetSocketAddress("127.0.0.1", server.actualPort()));
                OutputStream out = reader.getOutputStream();
                out.write("GET /feed HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                SseStream stream = opened.get(10, TimeUnit.SECONDS);
                CountDownLatch onCloseRan = new CountDownLatch(1);
                stream.onClose(onCloseRan::countDown);
                String view = "x".repeat(16 * 1024);
                // the reader never reads: sooner or later the response's write queue is full and the stream ends
                long sent = 0;
                while (!stream.isClosed() && sent < 64L * 1024 * 1024) {
                    for (int i = 0; i < 16; i++) {
                        stream.send(sent, "board", view);
                        sent += view.length();
                    }
                    // wait until the context has written them (a condition, not a sleep)
                    CompletableFuture<Void> drained = new CompletableFuture<>();
                    vertx.runOnContext(v -> drained.complete(null));
                    drained.get(10, TimeUnit.SECONDS);
                    stream.send(-1, "probe", "");
                }
                assertTrue(stream.isClosed(), "still open after " + sent + " bytes to a reader that never reads");
                assertTrue(sent < 64L * 1024 * 1024, "dropped only after " + sent + " bytes");
                assertTrue(onCloseRan.await(10, TimeUnit.SECONDS),
                        "the close callbacks ran (the feed's slot is freed)");
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
