package io.hallq.emulator;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueView;
import io.hallq.emulator.devices.EmulatedDevices;
import io.hallq.protocol.event.HallEvent.CounterStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Customers and staff acting on their own until the hardware and web pages drive the hall: customers take
 * tickets in a mix like a mobile-operator hall's (payments most), counters call the next customer when free
 * and serve for about the service's handling time; some customers do not come, a few are transferred.
 * Everything goes through {@link HallController#submit}, like a real button press.
 */
final class ScriptedTraffic implements HallModule {

    /** Share of walk-ins who type a phone number at the dispenser (and so get SMS reminders). */
    private static final double TYPES_PHONE = 0.3;
    private static final Duration STEP = Duration.ofMillis(500);
    /** Mean gap between customers in real life. */
    private static final double ARRIVAL_GAP_SECONDS = 90;
    private static final Map<String, Integer> SERVICE_MIX = Map.of("PAY", 35, "PLAN", 15, "BILL", 12, "OPEN", 10,
            "SIM", 10, "PROMO", 8, "ADJ", 5, "INFO", 5);
    private static final Map<String, Integer> CLASS_MIX = Map.of("VIP", 5, "GOTONE", 20, "MZONE", 25,
            "EASYOWN", 20);

    private record CounterView(int number, CounterStatus status, String current, String service,
                               List<String> directServices) {}

    private HallController hall;
    private HallConfig config;
    private final double speed;
    private final Random random;
    private final Map<String, Long> dueStep = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scripted-traffic");
        t.setDaemon(true);
        return t;
    });
    private long step;

    private final EmulatedDevices devices;

    ScriptedTraffic(double speed, long seed, EmulatedDevices devices) {
        this.devices = devices;
        this.speed = speed;
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "scripted-traffic";
    }

    @Override
    public void start(HallContext context) {
        this.hall = context.hall();
        this.config = hall.config();
        timer.scheduleAtFixedRate(this::safeStep, 0, STEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeStep() {
        try {
            step();
        } catch (RuntimeException e) {
            org.tinylog.Logger.error(e, "Scripted traffic step failed");
        }
    }

    private void step() {
        step++;
        double simulatedSeconds = STEP.toMillis() / 1000.0 * speed;
        if (random.nextDouble() < simulatedSeconds / ARRIVAL_GAP_SECONDS) {
            takeTicket(pick(serviceWeights()), pickClass());
        }
        List<CounterView> counters = hall.query(ScriptedTraffic::view).join();
        for (CounterView c : counters) {
            if (c.status() == CounterStatus.OPEN) {
                actAt(c, simulatedSeconds);
            }
        }
    }

    /** Walk-ins press the dispenser button where one is fitted; customers with a class still skip the keypad. */
    private void takeTicket(String service, String customerClass) {
        var button = devices.button(service);
        var keypad = devices.phoneKeypad();
        var dispenser = devices.dispenser();
        if (customerClass == null && button.isPresent() && dispenser.isPresent()) {
            // a made-up number (never one of the configured VIPs): the SMS reminder lands on the twin's SMS page
            String phone = keypad.isPresent() && random.nextDouble() < TYPES_PHONE
                    ? String.format("137%08d", random.nextInt(100_000_000)) : null;
            // in turn with whoever stands at the dispenser (the twin page's customer half way through a number)
            Thread.ofVirtual().start(() -> dispenser.get().visit(phone, service));
        } else {
            hall.submit(new Command.IssueTicket(service, customerClass, null, null));
        }
    }

    /** A counter with a keypad calls by key, like its staff would. */
    private void callNext(int counter) {
        var keypad = devices.counterKeypad(counter);
        if (keypad.isPresent()) {
            Thread.ofVirtual().start(() -> keypad.get().type("1"));
        } else {
            hall.submit(new Command.CallNext(counter));
        }
    }

    private void actAt(CounterView c, double simulatedSecondsPerStep) {
        if (!c.directServices().isEmpty() && random.nextDouble() < 0.1) {
            hall.submit(new Command.ServeDirect(c.number(), c.directServices().get(0)));
        }
        if (c.current() == null) {
            callNext(c.number());
            return;
        }
        Long due = dueStep.get(c.current());
        if (due == null) {
            double mean = config.service(c.service()).orElseThrow().handlingTime().toSeconds();
            double seconds = -Math.log(1 - random.nextDouble()) * mean;
            dueStep.put(c.current(), step + Math.max(1, Math.round(seconds / simulatedSecondsPerStep)));
        } else if (step >= due) {
            dueStep.remove(c.current());
            hall.submit(finishing(c));
        }
    }

    private Command finishing(CounterView c) {
        int p = random.nextInt(100);
        if (p < 4) {
            return new Command.NoShow(c.number());
        }
        if (p < 7) {
            return new Command.Transfer(c.number(), pick(serviceWeights()));
        }
        if (p < 10) {
            return new Command.Recall(c.number());
        }
        return new Command.CallNext(c.number());
    }

    private static List<CounterView> view(QueueView s) {
        return s.counters().stream().map(c -> new CounterView(c.number(), c.status(), c.current(),
                c.current() == null ? null : s.ticket(c.current()).service(), directServices(s, c))).toList();
    }

    private static List<String> directServices(QueueView s, io.hallq.controller.queue.CounterView c) {
        return c.profile().stream().map(e -> e.service())
                .filter(code -> s.config().service(code).map(ServiceConfig::directQueue).orElse(false)).toList();
    }

    private Map<String, Integer> serviceWeights() {
        Map<String, Integer> w = new HashMap<>();
        config.services().forEach(s -> w.put(s.code(), SERVICE_MIX.getOrDefault(s.code(), 5)));
        return w;
    }

    private String pickClass() {
        Map<String, Integer> w = new HashMap<>();
        config.classes().forEach(c -> w.put(c.code(), CLASS_MIX.getOrDefault(c.code(), 0)));
        w.put("", 30); // no phone number typed: the hall's default class
        String code = pick(w);
        return code.isEmpty() ? null : code;
    }

    private String pick(Map<String, Integer> weights) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int r = random.nextInt(total);
        for (var e : weights.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            r -= e.getValue();
            if (r < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("weights " + weights);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
