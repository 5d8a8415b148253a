package io.hallq.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A busy day driven through the REST API against a running controller, while the resident memory of its process
 * is sampled from /proc: the memory budget of issue 11 (at most 96 MB). Run by {@code bench/packaged-memory.sh},
 * which installs the .deb in a Debian 13 root and starts the controller with the unit's flags; JDK classes only,
 * so it runs as a single source file: {@code java BusyDayMemory.java <base-url> <pid> <tickets> <counters>}.
 *
 * <p>The day: a kiosk issues tickets in a morning peak (the queue grows to a few hundred), a steady midday and an
 * afternoon peak, while staff at every counter finish and call the next; the hall board's live feed is open all
 * day, as the TV's is. Users {@code kiosk1}/{@code staff1} with the passwords in HALLQ_KIOSK_PASSWORD and
 * HALLQ_STAFF_PASSWORD; staff1 serves every counter.
 */
public final class BusyDayMemory {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Kiosk logins kiosk1..kiosk5 (bench/packaged-memory.sh makes them), used in turn. */
    static final int KIOSKS = 5;
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");

    private final String base;
    private final long pid;
    private volatile long peakRssKb;
    private volatile boolean done;

    private BusyDayMemory(String base, long pid) {
        this.base = base;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: BusyDayMemory <base-url> <controller pid> <tickets> <counters>");
            System.exit(2);
        }
        new BusyDayMemory(args[0], Long.parseLong(args[1])).run(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }

    private record Login(String cookie, String csrf) {}

    private void run(int tickets, int counters) throws Exception {
        Thread sampler = Thread.ofPlatform().daemon().start(this::sample);
        // several kiosks, as a hall has: each login may issue web.ticketsPerMinute (at most 600) tickets a minute
        List<Login> kiosks = new ArrayList<>();
        for (int k = 1; k <= KIOSKS; k++) {
            kiosks.add(login("kiosk" + k, System.getenv("HALLQ_KIOSK_PASSWORD")));
        }
        Login staff = login("staff1", System.getenv("HALLQ_STAFF_PASSWORD"));
        AtomicLong feedBytes = new AtomicLong();
        Thread board = Thread.ofPlatform().daemon().start(() -> follow("/api/feed/board", feedBytes));
        String[] services = {"PAY", "PAY", "PAY", "BILL", "BILL", "OPEN", "PLAN", "SIM", "ADJ", "PROMO"};
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger called = new AtomicInteger();
        AtomicInteger maxWaiting = new AtomicInteger();
        long start = System.nanoTime();
        // the kiosk: a morning peak (the queue grows to 300), a quiet midday (30) and an afternoon peak (200)
        Thread dispenser = Thread.ofPlatform().start(() -> {
            Random random = new Random(11);
            int turn = 0;
            while (issued.get() < tickets) {
                int phase = issued.get() * 3 / tickets;
                int target = phase == 0 ? 300 : phase == 1 ? 30 : 200;
                int waiting = issued.get() - called.get();
                maxWaiting.accumulateAndGet(waiting, Math::max);
                if (waiting < target) {
                    Login kiosk = kiosks.get(turn++ % kiosks.size());
                    int status = unchecked(() -> post(kiosk, "/api/tickets",
                            "{\"service\":\"" + services[random.nextInt(services.length)] + "\"}", false));
                    if (status == 200) {
                        issued.incrementAndGet();
                    } else if (status == 429) {
                        pause(); // this login's rate (web.ticketsPerMinute): the next kiosk tries
                    } else {
                        throw new IllegalStateException("/api/tickets: " + status);
                    }
                } else {
                    pause();
                }
            }
        });
        // one member of staff per counter: finish the customer, call the next, as fast as the hall answers
        List<Thread> staffThreads = new ArrayList<>();
        for (int c = 1; c <= counters; c++) {
            int counter = c;
            staffThreads.add(Thread.ofPlatform().start(() -> {
                while (called.get() < tickets) {
                    // staff keep pace with the day's queue: they call while it is above half its phase's size
                    int waiting = issued.get() - called.get();
                    int phase = issued.get() * 3 / tickets;
                    int keep = issued.get() >= tickets ? 0 : phase == 0 ? 150 : phase == 1 ? 10 : 100;
                    if (waiting <= keep) {
                        pause();
                        continue;
                    }
                    unchecked(() -> post(staff, "/api/counters/" + counter + "/finish", null, false));
                    if (unchecked(() -> post(staff, "/api/counters/" + counter + "/call-next", null, false)) == 200) {
                        called.incrementAndGet();
                    } else {
                        pause();
                    }
                }
                unchecked(() -> post(staff, "/api/counters/" + counter + "/finish", null, false));
            }));
        }
        dispenser.join();
        for (Thread t : staffThreads) {
            t.join();
        }
        int served = called.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        done = true;
        sampler.join(1000);
        board.interrupt();
        long hwm = status("VmHWM");
        System.out.printf("busy day: %d tickets issued, %d called, at most %d waiting, %.0f s, board feed %d kB%n",
                issued.get(), served, maxWaiting.get(), seconds, feedBytes.get() / 1024);
        System.out.printf("resident memory: peak sampled %.1f MB, VmHWM %.1f MB, now %.1f MB%n",
                peakRssKb / 1024.0, hwm / 1024.0, status("VmRSS") / 1024.0);
    }

    private interface Call {
        int run() throws Exception;
    }

    private static int unchecked(Call call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nothing to do for a moment (a harness, not a test: it paces, it asserts nothing). */
    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        while (!done) {
            long rss = status("VmRSS");
            if (rss > peakRssKb) {
                peakRssKb = rss;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the controller (pid " + pid + ") is gone", e);
        }
        throw new IllegalStateException("no " + key + " for pid " + pid);
    }

    private Login login(String user, String password) throws Exception {
        if (password == null) {
            throw new IllegalArgumentException("no password for " + user + " in the environment");
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + password
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + user + ": " + r.statusCode() + " " + r.body());
        }
        String cookie = r.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("hallq.session=")).findFirst().orElseThrow();
        Matcher m = CSRF.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no csrfToken in " + r.body());
        }
        return new Login(cookie, m.group(1));
    }

    private int post(Login login, String path, String body, boolean mustSucceed) throws Exception {
        // a counter key takes no body (null); everything else a JSON body
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", login.cookie())
                .header("X-CSRF-Token", login.csrf());
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (mustSucceed && r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.statusCode();
    }

    private void follow(String path, AtomicLong bytes) {
        try {
            HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] buffer = new byte[8192];
                int n;
                while (!done && (n = in.read(buffer)) >= 0) {
                    bytes.addAndGet(n);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the day is over
        }
    }
}
