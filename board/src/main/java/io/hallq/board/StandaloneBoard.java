package io.hallq.board;

import io.hallq.controller.sync.BoardMessages;
import io.hallq.controller.sync.Inbound;
import io.hallq.controller.sync.LinkListener;
import io.hallq.controller.sync.MqttLink;
import io.hallq.controller.sync.Outgoing;
import io.hallq.display.board.BoardServer;
import io.hallq.display.board.BoardServer.Upstream;
import io.hallq.display.board.BoardView;
import io.hallq.protocol.mqtt.Decoded;
import io.hallq.protocol.mqtt.DeviceHealth;
import io.hallq.protocol.mqtt.HallBoard;
import io.hallq.protocol.mqtt.HallOnline;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.tinylog.Logger;

/**
 * The hall board on a Pi of its own: subscribes to the hall's retained board view and liveness over MQTT
 * (Paho v5 through {@link MqttLink}: reconnect with backoff, re-subscribe after every connect) and shows each
 * view on a {@link BoardServer}. Until a view arrives, while the broker is out of reach, when the hall says
 * it is offline, and when the broker refused one of its subscriptions (ACL), the page shows so in Chinese and
 * English. A malformed board message is logged with the reason and ignored: the last good view stays. A view
 * older than the one shown is ignored, unless the hall restarted with a new journal in between ({@link #accept}).
 *
 * <p>The board publishes its own health, retained, as the hall's device {@code board-<id>}
 * ({@code hallq/v1/<hall>/devices/board-<id>}, a {@link DeviceHealth}): OK after each connect, DEGRADED while the
 * broker refuses one of its subscriptions, FAILED as its last will (a dead Pi, a cut cable) and when stopped.
 *
 * <p>Everything runs on one "board-mqtt" thread; Paho's threads only hand over.
 */
public final class StandaloneBoard implements AutoCloseable {

    private static final String ONLINE = "online";
    private static final String OFFLINE_WILL = "offline: the board lost its connection to the broker (last will)";
    private static final String STOPPED = "offline: the board was stopped";

    private final BoardSettings settings;
    private final BoardServer server;
    private final ScheduledExecutorService owner;
    private final MqttLink link;
    private final String boardTopic;
    private final String onlineTopic;
    private final String healthTopic;
    // confined to the owner thread
    private boolean connected;
    private Boolean hallOnline;
    private long onlineBirth = -1;
    /** Birth and time of the hall's latest online message: the same message again is the same session. */
    private String sessionKey;
    /** Counts the hall's sessions this board has seen (0: none yet). */
    private long session;
    /** The session in which the shown view's sequence was reached. */
    private long viewSession;
    private long shownSeq = -1;
    private boolean hasView;
    private final Map<String, String> refused = new LinkedHashMap<>();
    private Upstream shown;
    private String shownDetail;
    /** The health last published in this session (the birth publishes OK). */
    private DeviceHealth.State healthShown;
    /** Board messages ignored so far (written on the owner thread, read by anyone). */
    private final AtomicLong ignored = new AtomicLong();

    private StandaloneBoard(BoardSettings settings) {
        this.settings = settings;
        this.boardTopic = Topics.board(settings.hall());
        this.onlineTopic = Topics.online(settings.hall());
        this.healthTopic = Topics.device(settings.hall(), settings.device());
        this.server = BoardServer.start(settings.bind(), settings.port(), settings.feeds());
        this.owner = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("board-mqtt").unstarted(r));
        try {
            this.link = new MqttLink(settings.mqtt(), owner, new Listener(), List.of(boardTopic, onlineTopic),
                    () -> new MqttLink.Birth(healthMessage(DeviceHealth.State.FAILED, OFFLINE_WILL),
                            healthMessage(DeviceHealth.State.OK, ONLINE)));
        } catch (RuntimeException e) {
            owner.shutdownNow();
            server.close();
            throw e;
        }
        owner.execute(this::updateUpstream);
    }

    /** Starts the page server and connects (in the background; a broker that is down is retried forever). */
    public static StandaloneBoard start(BoardSettings settings) {
        StandaloneBoard b = new StandaloneBoard(settings);
        b.link.start();
        Logger.info("Board {} of hall {} follows {} on {}; its health: {}", settings.id(), settings.hall(),
                b.boardTopic, settings.mqtt().broker(), b.healthTopic);
        return b;
    }

    /** The port the board page listens on. */
    public int port() {
        return server.port();
    }

    /** The page server (what it shows and its upstream state). */
    public BoardServer server() {
        return server;
    }

    /** How many board messages were ignored so far: malformed, of another hall, or older than the view shown. */
    public long ignored() {
        return ignored.get();
    }

    private void onBoard(byte[] payload) {
        switch (MqttCodec.decode(payload, HallBoard.class)) {
            case Decoded.Malformed<HallBoard> bad -> {
                Logger.warn("Board message on {} ignored (the last good view stays): {}", boardTopic, bad.reason());
                ignored.incrementAndGet();
            }
            case Decoded.Ok<HallBoard> ok when !ok.value().hall().equals(settings.hall()) -> {
                Logger.warn("Board message on {} ignored: it is of hall '{}', expected '{}'", boardTopic,
                        ok.value().hall(), settings.hall());
                ignored.incrementAndGet();
            }
            case Decoded.Ok<HallBoard> ok -> accept(BoardMessages.toView(ok.value()));
        }
        updateUpstream();
    }

    /**
     * Shows a view unless it is older than the one shown. A lower sequence is shown after all when it arrives in
     * a later session of the hall than the one the shown view's sequence was reached in: a restarted hall
     * republishes its newest view at once, and within one journal that is never below what it published before,
     * so a lower one means a new journal (wiped, or a restored SD card) whose sequence began again. A view of the
     * same sequence (the retained one, after the board reconnects) proves nothing and leaves the session as is.
     */
    private void accept(BoardView view) {
        if (!hasView || view.seq() > shownSeq) {
            server.show(view);
            viewSession = session;
        } else if (view.seq() == shownSeq) {
            server.show(view);
        } else if (session != 0 && session != viewSession) {
            Logger.info("Board: the hall's new session (birth {}) is at sequence {}, below the {} shown: a new"
                    + " journal; showing it / 叫号系统已重新开始编号", onlineBirth, view.seq(), shownSeq);
            server.replace(view);
            viewSession = session;
        } else {
            Logger.debug("Board view {} ignored: older than the {} shown", view.seq(), shownSeq);
            ignored.incrementAndGet();
            return;
        }
        shownSeq = view.seq();
        hasView = true;
    }

    private void onOnline(byte[] payload) {
        switch (MqttCodec.decode(payload, HallOnline.class)) {
            case Decoded.Malformed<HallOnline> bad ->
                    Logger.warn("Liveness message on {} ignored: {}", onlineTopic, bad.reason());
            case Decoded.Ok<HallOnline> ok -> {
                HallOnline o = ok.value();
                if (o.online()) {
                    // the hall's current session, even with a lower birth (a new journal folder counts from 1
                    // again); a new one is another online message (a new birth), or online again after offline
                    String key = o.birth() + "@" + o.at();
                    if (!key.equals(sessionKey) || !Boolean.TRUE.equals(hallOnline)) {
                        session++;
                        sessionKey = key;
                    }
                    onlineBirth = o.birth();
                    hallOnline = true;
                } else if (o.birth() < onlineBirth) {
                    // a will of an earlier session arriving after the current session's birth says nothing new
                    Logger.debug("Stale last will of birth {} ignored (current {})", o.birth(), onlineBirth);
                } else {
                    onlineBirth = o.birth();
                    hallOnline = false;
                }
            }
        }
        updateUpstream();
    }

    private void updateUpstream() {
        Upstream now = !connected ? Upstream.CONNECTING
                : !refused.isEmpty() ? Upstream.REFUSED
                : Boolean.FALSE.equals(hallOnline) ? Upstream.OFFLINE
                : hasView ? Upstream.LIVE : Upstream.CONNECTING;
        String detail = now != Upstream.REFUSED ? null : refused.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
        DeviceHealth.State health = now == Upstream.REFUSED ? DeviceHealth.State.DEGRADED : DeviceHealth.State.OK;
        if (connected && health != healthShown) {
            healthShown = health;
            link.publish(healthMessage(health, detail == null ? ONLINE : "subscription refused: " + detail));
        }
        if (now != shown || !Objects.equals(detail, shownDetail)) {
            shown = now;
            shownDetail = detail;
            server.upstream(now, detail);
            switch (now) {
                case CONNECTING -> Logger.info("Board: connecting to the hall controller / 正在连接叫号系统");
                case OFFLINE -> Logger.warn("Board: hall controller offline / 叫号系统离线");
                case REFUSED -> Logger.error("Board: the broker refused a subscription / 订阅被拒绝: {}", detail);
                case LIVE -> Logger.info("Board: live / 在线");
            }
        }
    }

    private final class Listener implements LinkListener {
        @Override
        public void connected(int window) {
            connected = true;
            healthShown = DeviceHealth.State.OK;
            refused.clear();
            updateUpstream();
        }

        @Override
        public void disconnected(String why) {
            Logger.warn("Board MQTT {}", why);
            connected = false;
            refused.clear();
            updateUpstream();
        }

        @Override
        public void subscriptionRefused(String filter, int reasonCode, String reason) {
            refused.put(filter, reason);
            updateUpstream();
        }

        @Override
        public void message(Inbound in) {
            if (in.topic().equals(boardTopic)) {
                onBoard(in.payload());
            } else if (in.topic().equals(onlineTopic)) {
                onOnline(in.payload());
            }
        }
    }

    /** This board's health as the hall's device {@code board-<id>}, retained on its devices topic. */
    private Outgoing healthMessage(DeviceHealth.State state, String detail) {
        return Outgoing.retained(healthTopic, MqttCodec.encode(
                new DeviceHealth(MqttCodec.VERSION, settings.hall(), settings.device(), state, detail, Instant.now())));
    }

    @Override
    public void close() {
        link.close(healthMessage(DeviceHealth.State.FAILED, STOPPED));
        owner.shutdownNow();
        try {
            owner.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
    }
}
