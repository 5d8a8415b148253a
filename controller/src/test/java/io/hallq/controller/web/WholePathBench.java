package io.hallq.controller.web;

import io.hallq.controller.TestHalls;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The whole path at different queue lengths: a REST call (issue a ticket at the kiosk, or call next at a counter)
 * until it is durable, and then until the hall board's live feed shows a view that includes it. The queue is
 * filled beforehand by writing its journal (the controller then recovers it), and kept at its length: every
 * round issues one ticket and calls one. A manager page stays subscribed meanwhile, as in a hall.
 *
 * <p>Usage: {@code WholePathBench <label> <rounds> <waiting>...}; prints one Markdown row per queue length and
 * operation. docs/benchmarks.md has the command, run beside the previous code in the same run.
 */
public final class WholePathBench {

    private static final String[] SERVICES = {"OPEN", "PAY", "BILL"};

    private WholePathBench() {}

    public static void main(String[] args) throws Exception {
        boolean cpu = args[0].equals("--cpu");
        boolean view = args[0].equals("--view");
        int first = cpu || view ? 1 : 0;
        String label = args[first];
        int rounds = Integer.parseInt(args[first + 1]);
        for (int i = first + 2; i < args.length; i++) {
            if (view) {
                viewCpu(label, rounds, Integer.parseInt(args[i]));
            } else if (cpu) {
                writerCpu(label, rounds, Integer.parseInt(args[i]));
            } else {
                run(label, rounds, Integer.parseInt(args[i]));
            }
        }
        System.exit(0);
    }

    /**
     * The part of the path whose cost can depend on the queue, in CPU time of the thread doing it (so other load
     * on the machine does not count): the engine handling the command and the pages' view taken after it, as the
     * writer does them. The rest of the path (HTTP, fsync, SSE) does the same work whatever the queue's length.
     */
    private static void writerCpu(String label, int rounds, int waiting) throws IOException {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Path dir = Files.createTempDirectory("hallq-wholepath-cpu");
        QueueEngine engine = new QueueEngine(TestHalls.small(dir));
        var at = TestHalls.MONDAY_10AM.minusSeconds(waiting + 60L);
        for (int i = 0; i < waiting; i++) {
            engine.handle(new Command.IssueTicket(SERVICES[i % 3], i % 10 == 0 ? "GOTONE" : null, null, null),
                    at.plusSeconds(i));
        }
        long[] issue = new long[rounds];
        long[] call = new long[rounds];
        var now = TestHalls.MONDAY_10AM;
        int warmUp = Math.max(50, rounds);
        long sink = 0;
        for (int r = -warmUp; r < rounds; r++) {
            now = now.plusSeconds(5);
            long a = threads.getCurrentThreadCpuTime();
            engine.handle(new Command.IssueTicket(SERVICES[Math.floorMod(r, 3)], null, null, null), now);
            sink += HallView.capture(engine.view(), r, now).tickets().size();
            long b = threads.getCurrentThreadCpuTime();
            engine.handle(new Command.CallNext(2 + Math.floorMod(r, 2)), now.plusSeconds(1));
            sink += HallView.capture(engine.view(), r, now.plusSeconds(1)).tickets().size();
            long c = threads.getCurrentThreadCpuTime();
            if (r >= 0) {
                issue[r] = b - a;
                call[r] = c - b;
            }
        }
        int left = engine.state().waitingCount();
        row(label + " (writer CPU, " + sink % 2 + ")", waiting, left, "issue + pages' view", issue);
        row(label + " (writer CPU, " + sink % 2 + ")", waiting, left, "call next + pages' view", call);
    }

    private static void run(String label, int rounds, int waiting) throws Exception {
        Path dir = Files.createTempDirectory("hallq-wholepath");
        prefill(dir, waiting);
        try (WebTestHall hall = WebTestHall.start(dir)) {
            ApiClient kiosk = hall.client();
            kiosk.login("kiosk");
            ApiClient staff = hall.client();
            staff.login("staff");
            ApiClient manager = hall.client();
            manager.login("manager");
            BlockingQueue<ApiClient.Event> managerFeed = manager.stream("/api/feed/hall");
            BlockingQueue<ApiClient.Event> board = hall.client().stream("/api/feed/board");
            long[] issue = new long[rounds];
            long[] call = new long[rounds];
            int warmUp = Math.max(20, rounds / 5);
            for (int r = -warmUp; r < rounds; r++) {
                String service = SERVICES[Math.floorMod(r, 3)];
                int counter = 2 + Math.floorMod(r, 2);
                long a = timed(hall, board, () -> kiosk.post("/api/tickets",
                        "{\"service\":\"" + service + "\"}"));
                long b = timed(hall, board, () -> staff.post("/api/counters/" + counter + "/call-next"));
                managerFeed.clear();
                if (r >= 0) {
                    issue[r] = a;
                    call[r] = b;
                }
            }
            int left = hall.hall().query(s -> s.waitingCount()).get(10, TimeUnit.SECONDS);
            row(label, waiting, left, "issue (REST → durable → board view)", issue);
            row(label, waiting, left, "call next (REST → durable → board view)", call);
        }
    }

    /** Nanoseconds from the request until the board feed shows a view at or after the durable sequence. */
    private static long timed(WebTestHall hall, BlockingQueue<ApiClient.Event> board, Runnable request)
            throws InterruptedException {
        long start = System.nanoTime();
        request.run();
        long durable = hall.hall().lastSequence();
        while (true) {
            ApiClient.Event e = board.poll(30, TimeUnit.SECONDS);
            if (e == null) {
                throw new IllegalStateException("no board view at sequence " + durable + " within 30 s");
            }
            if (e.id() >= durable) {
                return System.nanoTime() - start;
            }
        }
    }

    /**
     * The writer's part of one pages' view between two estimate passes ({@code HallView.capture} with the last
     * estimates, as {@code LiveFeed} takes it after every batch), in CPU time of this thread: no command, no forecast.
     */
    private static void viewCpu(String label, int rounds, int waiting) throws IOException {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Path dir = Files.createTempDirectory("hallq-wholepath-view");
        QueueEngine engine = new QueueEngine(TestHalls.small(dir));
        var at = TestHalls.MONDAY_10AM.minusSeconds(waiting + 60L);
        for (int i = 0; i < waiting; i++) {
            engine.handle(new Command.IssueTicket(SERVICES[i % 3], i % 10 == 0 ? "GOTONE" : null, null, null),
                    at.plusSeconds(i));
        }
        var now = TestHalls.MONDAY_10AM;
        PageEstimates known = PageEstimates.compute(engine.view(), 1, now);
        long[] took = new long[rounds];
        long sink = 0;
        for (int r = -Math.max(200, rounds); r < rounds; r++) {
            long a = threads.getCurrentThreadCpuTime();
            sink += HallView.capture(engine.view(), r, now, known).tickets().size();
            long b = threads.getCurrentThreadCpuTime();
            if (r >= 0) {
                took[r] = b - a;
            }
        }
        row(label + " (view CPU, " + sink % 2 + ")", waiting, engine.view().waitingCount(), "pages' view", took);
    }

    private static void row(String label, int waiting, int left, String op, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "| %s | %,d (%,d at the end) | %s | %.2f | %.2f | %.2f |%n", label, waiting,
                left, op, s[s.length / 2] / 1e6, s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6,
                s[s.length - 1] / 1e6);
    }

    /** Writes a journal in which {@code waiting} customers wait (today, before 10:00) and nobody is called. */
    private static void prefill(Path dir, int waiting) throws IOException {
        QueueEngine engine = new QueueEngine(TestHalls.small(dir));
        List<byte[]> pending = new ArrayList<>();
        try (Journal journal = Journal.open(dir)) {
            var at = TestHalls.MONDAY_10AM.minusSeconds(waiting + 60L);
            for (int i = 0; i < waiting; i++) {
                Result r = engine.handle(new Command.IssueTicket(SERVICES[i % 3], i % 10 == 0 ? "GOTONE" : null,
                        null, null), at.plusSeconds(i));
                for (HallEvent e : r.events()) {
                    if (e instanceof HallEvent.DayStarted d) {
                        if (!pending.isEmpty()) {
                            journal.append(pending);
                            pending.clear();
                        }
                        journal.startSegment(d.day());
                    }
                    pending.add(EventCodec.encode(e));
                }
            }
            journal.append(pending);
        }
    }
}
