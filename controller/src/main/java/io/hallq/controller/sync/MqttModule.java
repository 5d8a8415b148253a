package io.hallq.controller.sync;

import io.hallq.controller.config.SectionReader;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.protocol.mqtt.Decoded;
import io.hallq.protocol.mqtt.DeviceHealth;
import io.hallq.protocol.mqtt.HallOnline;
import io.hallq.protocol.mqtt.HallStatus;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * MQTT sync of one hall: liveness, live status, the event stream (through the {@link Outbox}), alarms,
 * device health, statistics (a {@link StatsPublisher}), commands, and the neighbours' status. Everything runs on one
 * "mqtt-sync" thread; Paho's threads only hand work to it. The one exception is the outbox (guarded by its own
 * lock): the controller's effects thread offers it the durable events and publishes live ones from its tail itself
 * (see {@link Outbox}), and hands the rest of the module's work on those events to "mqtt-sync".
 *
 * <p>Others use {@link #neighbours()} (suggestions for tickets and the board), safe from any thread and usable
 * even when MQTT is switched off. The status's board notice is read from the queue state (it is journaled).
 */
public final class MqttModule implements HallModule {

    /**
     * Changes within this time go out as one status. Each status is a read on the writer that forecasts every
     * service's wait (a walk-in's estimate), so a busy hall's status is not rebuilt for every event; neighbours and
     * central read it to suggest another hall, where a second does not matter.
     */
    static final long STATUS_DEBOUNCE_MS = 1000;
    /** The device of the hall's own MQTT link in DEVICE alarms and device health. */
    public static final String LINK_DEVICE = "mqtt";
    /** The cause of the link's alarm while the broker refuses one of its subscriptions. */
    public static final String SUBSCRIPTION_REFUSED = "subscription-refused";

    private final Supplier<Optional<URI>> brokerOverride;
    private final SwitchableClock clock = new SwitchableClock();
    private final NeighbourAdvisor neighbours = new NeighbourAdvisor(List.of(), Duration.ZERO, clock);
    private final List<Runnable> connectListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, String> refusedSubscriptions = new ConcurrentHashMap<>();
    /** The subscriptions of this session the broker has not answered yet (sync thread only). */
    private final Set<String> unanswered = new HashSet<>();
    private List<String> subscribed = List.of();
    private volatile CentralPhoneLookup lookup;
    private ScheduledExecutorService owner;
    /** Writes the outbox cursor file, so its fsync does not hold up the sync thread. */
    private java.util.concurrent.ExecutorService saver;
    private HallController hall;
    private String hallId;
    private MqttLink link;
    private Outbox outbox;
    private StatsPublisher stats;
    private DeviceHealthTracker health;
    private ReplySender replies;
    private CounterFile birthFile;
    private long birth;
    private boolean statusPending;
    /** Set when close begins: events are no longer offered to the outbox (the cursor file resumes them). */
    private volatile boolean closing;

    public MqttModule() {
        this(Optional::empty);
    }

    /** With {@code brokerOverride}, e.g. an embedded broker on a port chosen at start, instead of mqtt.broker. */
    public MqttModule(Supplier<Optional<URI>> brokerOverride) {
        this.brokerOverride = brokerOverride;
    }

    /** The {@code mqtt} section's reader, run by the configuration check before anything opens. */
    public static final SectionReader SECTION = SectionReader.of("mqtt", MqttSettingsReader::read);

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public Optional<SectionReader> section() {
        return Optional.of(SECTION);
    }

    public NeighbourAdvisor neighbours() {
        return neighbours;
    }

    /**
     * The brand/VIP lookup through central for the dispenser: empty at once while MQTT sync or
     * {@code mqtt.lookup} is off (the dispenser then uses its local list). Usable before start.
     */
    public io.hallq.controller.device.CentralLookup centralLookup() {
        return phone -> {
            CentralPhoneLookup l = lookup;
            return l == null ? io.hallq.controller.device.CentralLookup.NONE.classOf(phone) : l.classOf(phone);
        };
    }

    /** What the central lookup did so far; null while it is off. */
    public CentralPhoneLookup.Counts lookupCounts() {
        CentralPhoneLookup l = lookup;
        return l == null ? null : l.counts();
    }

    /** True while connected to the broker. */
    public boolean connected() {
        return link != null && link.isConnected();
    }

    /**
     * The subscriptions the broker refused in the current session (topic filter -> reason code and name), e.g.
     * the hall's commands when the ACL does not let it read them; empty while all are granted. Each refusal is
     * logged as an error; every connect subscribes again.
     */
    public Map<String, String> refusedSubscriptions() {
        return Map.copyOf(refusedSubscriptions);
    }

    /** The highest event sequence the broker has acknowledged (with all before it); -1 before start. */
    public long publishedSequence() {
        Outbox o = outbox;
        if (o == null) {
            return -1;
        }
        return CompletableFuture.supplyAsync(o::cursor, owner).join();
    }

    /**
     * The outbox's counters, for benchmarks and diagnosis: {stall resends so far, journal reads so far, messages in
     * flight, durable events not yet acknowledged by the broker}; null before start.
     */
    public long[] outboxCounts() {
        Outbox o = outbox;
        if (o == null) {
            return null;
        }
        long[] b = o.backlog();
        return new long[] {o.stallResends(), o.journalReads(), b[0], b[1]};
    }

    /** Command replies acknowledged by the broker so far, and those given up on (each logged); for tests. */
    public long[] replyCounts() {
        ReplySender r = replies;
        return r == null ? new long[] {0, 0}
                : CompletableFuture.supplyAsync(() -> new long[] {r.sent(), r.lost()}, owner).join();
    }

    /** True when MQTT sync runs (after start, with an enabled mqtt section). */
    public boolean active() {
        return owner != null;
    }

    /** Runs {@code listener} on the sync thread after every (re)connect, e.g. to republish retained state. */
    public void onConnected(Runnable listener) {
        connectListeners.add(listener);
    }

    /**
     * Publishes a retained QoS 1 message for another part of the hall (the board). The future completes when
     * the broker acknowledged it and fails when not connected or the publish failed: the caller retries.
     */
    public CompletableFuture<Void> publishRetained(String topic, byte[] payload) {
        return publishOnOwner(Outgoing.retained(topic, payload));
    }

    /** Hands a publish to the sync thread; completes when the broker acknowledged it, fails when not connected. */
    private CompletableFuture<Void> publishOnOwner(Outgoing out) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (owner == null) {
            done.completeExceptionally(new IllegalStateException("MQTT sync is off"));
            return done;
        }
        try {
            owner.execute(() -> {
                if (!link.isConnected()) {
                    done.completeExceptionally(new IllegalStateException("not connected to the broker"));
                    return;
                }
                link.publish(out).whenComplete((ok, e) -> {
                    if (e == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(e);
                    }
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            done.completeExceptionally(new IllegalStateException("MQTT sync is closing"));
        }
        return done;
    }

    @Override
    public void start(HallContext context) {
        Optional<MqttSettings> read = MqttSettingsReader.read(context.loaded());
        if (read.isEmpty()) {
            Logger.info("MQTT sync is off (no mqtt section, or mqtt.enabled: false)");
            return;
        }
        MqttSettings settings = brokerOverride.get().map(read.get()::withBroker).orElse(read.get());
        clock.set(context.clock());
        hall = context.hall();
        hallId = hall.config().hall().id();
        Duration stale = settings.statusInterval().multipliedBy(3).plusSeconds(30);
        neighbours.configure(settings.neighbours(), stale);
        owner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-sync");
            t.setDaemon(true);
            return t;
        });
        Path data = Path.of(hall.config().journal().dataDir());
        birthFile = new CounterFile(data.resolve("mqtt-birth"));
        birth = birthFile.read(0);
        saver = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mqtt-cursor");
            t.setDaemon(true);
            return t;
        });
        outbox = new Outbox(hallId, hall, owner, o -> link.publish(o), new CounterFile(data.resolve("mqtt-outbox.cursor")),
                saver);
        stats = new StatsPublisher(hallId, hall, owner, o -> link.publish(o), this::connected, clock,
                new CounterFile(data.resolve("mqtt-stats-daily.cursor")), hall.config().journal().profileWeeks());
        replies = new ReplySender(owner, o -> link.publish(o), () -> link.isConnected());
        CommandGate gate = new CommandGate(data.resolve("mqtt-commands.seen"), settings.commandMaxAge(), clock);
        CommandHandler commands = new CommandHandler(hallId, settings, hall, clock, owner, stats::today,
                replies::send, gate);
        Optional<CentralPhoneLookup.Settings> lookupSettings = MqttSettingsReader.lookup(context.loaded());
        subscribed = subscriptions(settings);
        if (lookupSettings.isPresent()) {
            subscribed = new ArrayList<>(subscribed);
            subscribed.add(Topics.lookupReply(hallId));
        }
        link = new MqttLink(settings, owner, new Listener(commands), subscribed, this::nextBirth);
        health = new DeviceHealthTracker(hallId);
        owner.execute(stats::start);
        // device health from the DEVICE alarms active now; published on connect, then follows the journal
        owner.execute(() -> health.start(hall.query(s -> List.copyOf(s.alarms().values())).join()));
        // the events go to the outbox on the effects thread itself (it publishes them from its tail when it can:
        // no hand-over to this module's thread before Paho's); the rest of the module's work is handed over
        hall.addListener(events -> {
            if (!closing) {
                outbox.offerFromEffects(events);
                hand(() -> onEvents(events));
            }
        });
        long every = settings.statusInterval().toMillis();
        owner.scheduleAtFixedRate(this::refreshStatus, every, every, TimeUnit.MILLISECONDS);
        owner.scheduleWithFixedDelay(outbox::checkStalled, 2, 2, TimeUnit.SECONDS);
        lookupSettings.ifPresent(ls -> lookup = new CentralPhoneLookup(hallId, ls,
                hall.config().classes().stream().map(c -> c.code()).collect(java.util.stream.Collectors.toSet()),
                this::publishOnOwner, this::connected, clock));
        link.start();
    }

    /** Runs {@code work} on the sync thread; after close, events and reports are dropped (the cursor stays). */
    private void hand(Runnable work) {
        try {
            owner.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: the outbox resumes from its saved cursor next start
        }
    }

    private List<String> subscriptions(MqttSettings settings) {
        List<String> subs = new ArrayList<>();
        subs.add(Topics.commandFilter(hallId));
        for (MqttSettings.Neighbour n : settings.neighbours()) {
            subs.add(Topics.status(n.hall()));
            subs.add(Topics.online(n.hall()));
        }
        return subs;
    }

    /** Each connect attempt gets the next birth number; it is saved first, so it never repeats. */
    private MqttLink.Birth nextBirth() {
        birth++;
        birthFile.write(birth);
        HallOnline off = new HallOnline(MqttCodec.VERSION, hallId, false, birth, clock.instant());
        HallOnline on = new HallOnline(MqttCodec.VERSION, hallId, true, birth, clock.instant());
        return new MqttLink.Birth(Outgoing.retained(Topics.online(hallId), MqttCodec.encode(off)),
                Outgoing.retained(Topics.online(hallId), MqttCodec.encode(on)));
    }

    private void onEvents(List<JournaledEvent> events) {
        stats.onEvents(events);
        publishHealth(health.onEvents(events));
        statusSoon();
    }

    /**
     * Once the broker answered every subscription of the session: a refusal is journaled as the DEVICE alarm
     * of device {@value #LINK_DEVICE} (the manager sees it, central gets it as DEGRADED device health), and a
     * session with all granted clears it.
     */
    private void subscriptionsAnswered() {
        if (!unanswered.isEmpty()) {
            return;
        }
        if (refusedSubscriptions.isEmpty()) {
            hall.query(s -> s.alarms().containsKey(QueueEngine.DEVICE_ALARM_PREFIX + LINK_DEVICE)).thenAccept(on -> {
                if (on) {
                    hall.submit(new Command.DeviceRecovered(LINK_DEVICE));
                }
            });
            return;
        }
        String refused = String.join(", ", new TreeMap<>(refusedSubscriptions).entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
        hall.submit(new Command.DeviceFault(LINK_DEVICE, "MQTT 订阅被拒绝,请检查代理的访问权限:" + refused,
                "The MQTT broker refused subscriptions, check its ACL: " + refused, SUBSCRIPTION_REFUSED));
    }

    private void publishHealth(Collection<DeviceHealth> changed) {
        if (link.isConnected()) {
            changed.forEach(h -> link.publish(Outgoing.retained(Topics.device(hallId, h.device()),
                    MqttCodec.encode(h))));
        }
    }

    /** Coalesces bursts of changes into one status publish. */
    private void statusSoon() {
        if (!statusPending) {
            statusPending = true;
            owner.schedule(this::refreshStatus, STATUS_DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void refreshStatus() {
        statusPending = false;
        hall.query(s -> StatusBuilder.build(s, hall.lastSequence(), clock.instant()))
                .thenAcceptAsync(this::publishStatus, owner);
    }

    private void publishStatus(HallStatus status) {
        neighbours.localStatus(status);
        if (link.isConnected()) {
            link.publish(Outgoing.retained(Topics.status(hallId), MqttCodec.encode(status)));
        }
    }

    private final class Listener implements LinkListener {
        private final CommandHandler commands;

        Listener(CommandHandler commands) {
            this.commands = commands;
        }

        @Override
        public void connected(int window) {
            refusedSubscriptions.clear();
            unanswered.clear();
            unanswered.addAll(subscribed);
            outbox.connected(window);
            replies.connected();
            stats.connected();
            publishHealth(health.all());
            refreshStatus();
            connectListeners.forEach(Runnable::run);
        }

        @Override
        public void disconnected(String why) {
            Logger.warn("MQTT {}", why);
            outbox.disconnected();
            stats.disconnected();
        }

        @Override
        public void subscriptionRefused(String filter, int reasonCode, String reason) {
            refusedSubscriptions.put(filter, reason);
            unanswered.remove(filter);
            subscriptionsAnswered();
        }

        @Override
        public void subscriptionGranted(String filter) {
            unanswered.remove(filter);
            subscriptionsAnswered();
        }

        @Override
        public void message(Inbound in) {
            String hallOf = Topics.hallOf(in.topic());
            if (hallId.equals(hallOf) && in.topic().equals(Topics.lookupReply(hallId))) {
                CentralPhoneLookup l = lookup;
                if (l != null) {
                    l.reply(in);
                }
            } else if (hallId.equals(hallOf)) {
                commands.handle(in);
            } else if (hallOf == null) {
                Logger.debug("MQTT message on an unexpected topic ignored");
            } else if (in.topic().equals(Topics.status(hallOf))) {
                // filed under the topic's hall, which the broker's ACL ties to that hall's login
                if (MqttCodec.decode(in.payload(), HallStatus.class) instanceof Decoded.Ok<HallStatus> ok) {
                    neighbours.neighbourStatus(hallOf, ok.value());
                }
            } else if (in.topic().equals(Topics.online(hallOf))) {
                if (MqttCodec.decode(in.payload(), HallOnline.class) instanceof Decoded.Ok<HallOnline> ok) {
                    neighbours.neighbourOnline(hallOf, ok.value());
                }
            }
        }
    }

    @Override
    public void close() {
        if (owner == null) {
            return;
        }
        closing = true;
        try {
            owner.submit(outbox::save).get(5, TimeUnit.SECONDS);
            saver.shutdown();
            if (!saver.awaitTermination(5, TimeUnit.SECONDS)) {
                Logger.warn("MQTT outbox cursor not saved at close: its write takes more than 5 s");
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Logger.warn("MQTT outbox cursor not saved at close: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        HallOnline off = new HallOnline(MqttCodec.VERSION, hallId, false, birth, clock.instant());
        link.close(Outgoing.retained(Topics.online(hallId), MqttCodec.encode(off)));
        owner.shutdownNow();
    }
}
