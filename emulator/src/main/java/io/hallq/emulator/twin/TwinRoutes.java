package io.hallq.emulator.twin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.CounterView;
import io.hallq.controller.web.WebModule;
import io.hallq.controller.web.WebRoutes;
import io.hallq.display.board.SseStream;
import io.hallq.display.board.ViewChannel;
import io.hallq.emulator.devices.EmulatedDevices;
import io.hallq.emulator.devices.PrintedTicket;
import io.hallq.emulator.devices.TicketImage;
import io.hallq.emulator.devices.VirtualKeypad;
import io.hallq.protocol.EventCodec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The digital twin at {@code /twin/}: the dispenser front, printed tickets, every counter's keypad and LED
 * display, the hall board and the announcements, on one page. Clicks press the same virtual devices the
 * tests press ({@link EmulatedDevices}); the controller reacts through its own device code, exactly as to
 * wired buttons. Emulator only: these routes have no login.
 *
 * <p>The virtual LED chips have no change callbacks (real MAX7219s have none either), so the server samples
 * them every {@value #SAMPLE_MS} ms and pushes a view only when something changed; the page never polls.
 */
public final class TwinRoutes implements WebRoutes {

    static final long SAMPLE_MS = 100;
    /** A printed ticket as a PNG, by its position among everything printed since start (0 = the first). */
    static final String TICKET_IMAGE = "/twin/api/ticket/";
    private static final ObjectMapper MAPPER = EventCodec.newMapper();

    private final EmulatedDevices devices;
    private final Path announcements;
    private final AtomicLong seq = new AtomicLong();
    private static final String KEYS = "[0-9*#]{1,20}";
    private final Map<Integer, ExecutorService> counterKeys = new ConcurrentHashMap<>();
    private volatile Map<Integer, String> serving = Map.of();
    private final java.util.concurrent.atomic.AtomicBoolean sampleQueued =
            new java.util.concurrent.atomic.AtomicBoolean();
    private io.vertx.core.WorkerExecutor sampler;
    private ViewChannel<TwinView> channel;
    private TwinState state;
    private String lastJson;

    /** @param announcements the folder the voice module writes its WAV files to */
    public TwinRoutes(EmulatedDevices devices, Path announcements) {
        this.devices = devices;
        this.announcements = announcements;
    }

    @Override
    public void mount(Vertx vertx, Router router, HallController hall, WebModule web) {
        state = new TwinState(devices, hall.config(), announcements);
        channel = new ViewChannel<>("twin", TwinView::seq);
        sampler = vertx.createSharedWorkerExecutor("twin-sampler", 1);
        hall.addListener(events -> hall.query(TwinRoutes::servingOf).thenAccept(m -> {
            serving = m;
            sampleSoon();
        }));
        devices.printer().onTicket(t -> sampleSoon());
        vertx.setPeriodic(SAMPLE_MS, id -> sampleSoon());
        sample();
        router.route("/twin/api/*").handler(BodyHandler.create(false).setBodyLimit(4096));
        router.get("/twin/api/feed").handler(ctx -> channel.subscribe(SseStream.open(vertx, ctx.response(), () -> { }),
                "twin", TwinRoutes::json));
        // the dispenser is used in turns with the scripted customers, and the clicks on it are carried out in the
        // order they came (VirtualDispenser): never several keys at once, never a number taken by someone else
        router.post("/twin/api/button/:service").handler(ctx -> {
            String service = ctx.pathParam("service");
            if (devices.button(service).isEmpty()) {
                answer(ctx, 404, "no dispenser button for that service in this hall's devices config");
                return;
            }
            done(ctx, devices.dispenser().orElseThrow().twinButton(service));
        });
        router.post("/twin/api/phone/:keys").handler(ctx -> {
            String keys = ctx.pathParam("keys");
            if (!keys.matches(KEYS)) {
                answer(ctx, 400, "keys: expected 0-9, * and # only");
            } else if (devices.phoneKeypad().isEmpty()) {
                answer(ctx, 404, "no keypad there in this hall's devices config");
            } else {
                done(ctx, devices.dispenser().orElseThrow().twinKeys(keys));
            }
        });
        router.post("/twin/api/counter/:n/key/:key").handler(ctx -> {
            int n = parse(ctx.pathParam("n"));
            String keys = ctx.pathParam("key");
            Optional<VirtualKeypad> keypad = devices.counterKeypad(n);
            if (!keys.matches(KEYS)) {
                answer(ctx, 400, "keys: expected 0-9, * and # only");
            } else if (keypad.isEmpty()) {
                answer(ctx, 404, "no keypad there in this hall's devices config");
            } else {
                // one counter's clicks in the order they came, one key after the other
                done(ctx, CompletableFuture.runAsync(() -> keypad.get().type(keys), counterKeys.computeIfAbsent(n,
                        c -> Executors.newSingleThreadExecutor(Thread.ofVirtual().name("twin-counter-" + c).factory()))));
            }
        });
        router.post("/twin/api/counter/:n/rating/:r").handler(ctx -> press(vertx, ctx,
                devices.ratingKey(parse(ctx.pathParam("n")), parse(ctx.pathParam("r"))), b -> b.tap(),
                "no such rating key at that counter"));
        router.post("/twin/api/printer/paper/:state").handler(ctx -> {
            devices.printer().paperOut(ctx.pathParam("state").equals("out"));
            answer(ctx, 200, "paper " + ctx.pathParam("state"));
            sampleSoon();
        });
        router.get(TICKET_IMAGE + ":n").handler(ctx -> {
            int n = parse(ctx.pathParam("n"));
            List<PrintedTicket> printed = devices.printer().tickets();
            if (n < 0 || n >= printed.size()) {
                answer(ctx, 404, "no such printed ticket");
                return;
            }
            vertx.executeBlocking(() -> Buffer.buffer(TicketImage.png(printed.get(n))), false).onComplete(r -> {
                if (r.succeeded()) {
                    ctx.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "max-age=3600")
                            .end(r.result());
                } else {
                    answer(ctx, 500, "the ticket could not be drawn: " + r.cause().getMessage());
                }
            });
        });
        router.get("/twin/audio/:name").handler(ctx -> {
            String name = ctx.pathParam("name");
            Path file = announcements.resolve(name).normalize();
            if (!name.matches("[A-Za-z0-9._-]+\\.wav") || !file.startsWith(announcements) || !Files.isRegularFile(file)) {
                answer(ctx, 404, "no such announcement");
            } else {
                ctx.response().putHeader("Content-Type", "audio/wav").sendFile(file.toString());
            }
        });
        router.route("/twin/*").handler(StaticHandler.create("web/twin").setCachingEnabled(false));
    }

    private static Map<Integer, String> servingOf(io.hallq.controller.queue.QueueView s) {
        Map<Integer, String> m = new HashMap<>();
        for (CounterView c : s.counters()) {
            if (c.current() != null) {
                m.put(c.number(), c.current());
            }
        }
        return m;
    }

    /**
     * Has the devices read on the twin's own worker, at most one read waiting: a slow read (a busy machine)
     * never piles reads up, never holds Vert.x's shared workers that serve files, nor the controller's thread.
     */
    private void sampleSoon() {
        if (sampleQueued.compareAndSet(false, true)) {
            sampler.executeBlocking(() -> {
                sampleQueued.set(false); // a change from now on asks for another read
                sample();
                return null;
            }, true);
        }
    }

    /** Reads the devices and publishes a view if anything changed since the last one. */
    private synchronized void sample() {
        TwinView v = state.read(0, serving);
        String json = json(v);
        if (!json.equals(lastJson)) {
            lastJson = json;
            channel.publish(v.withSeq(seq.incrementAndGet()));
        }
    }

    private static String json(TwinView v) {
        try {
            return MAPPER.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> void press(Vertx vertx, RoutingContext ctx, Optional<T> device, Consumer<T> action,
                                  String missing) {
        if (device.isEmpty()) {
            answer(ctx, 404, missing + " in this hall's devices config");
            return;
        }
        // a tap holds the virtual key long enough for the debounce: off the event loop
        vertx.executeBlocking(() -> {
            action.accept(device.get());
            return null;
        }, false).onComplete(r -> answer(ctx, r.succeeded() ? 200 : 400,
                r.succeeded() ? "pressed" : r.cause().getMessage()));
    }

    /** Answers when {@code pressed} completes, on the request's context. Call it from the request's handler. */
    private static void done(RoutingContext ctx, CompletableFuture<Void> pressed) {
        io.vertx.core.Future.fromCompletionStage(pressed, io.vertx.core.Vertx.currentContext()).onComplete(r ->
                answer(ctx, r.succeeded() ? 200 : 400, r.succeeded() ? "pressed" : r.cause().getMessage()));
    }

    private static int parse(String n) {
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void answer(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end("{\"message\":" + quote(message) + "}");
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
