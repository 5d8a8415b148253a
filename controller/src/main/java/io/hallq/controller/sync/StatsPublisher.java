package io.hallq.controller.sync;

import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.stats.HallStatistics;
import io.hallq.controller.stats.RunningDay;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.mqtt.DailyStats;
import io.hallq.protocol.mqtt.HallProfile;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.Topics;
import io.hallq.protocol.stats.BusyIdleProfile;
import io.hallq.protocol.stats.DailyStatistics;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The hall's statistics over MQTT, all from {@link HallStatistics}' one tally:
 * <ul>
 * <li>{@code stats} (retained): the business day so far, from a {@link RunningDay} fed by the durable events,
 *     published when they changed it (debounced) and on every connect;</li>
 * <li>{@code stats/daily} (retained, QoS 1): each closed business day once, computed from its journal segment.
 *     The last day the broker acknowledged is kept in {@code mqtt-stats-daily.cursor} (an epoch day), so a day
 *     that closed while the broker was down, or while the controller was off, goes out on the next connect,
 *     oldest first, never skipped;</li>
 * <li>{@code profile} (retained): the busy/idle profile of the closed days of the last {@code weeks} weeks,
 *     republished after each day roll and on every connect;</li>
 * <li>the answer to RequestStats: the day so far, the same figures as {@code stats}.</li>
 * </ul>
 * Confined to the MQTT module's owner thread, except {@link #today()}, which hands over to it.
 */
final class StatsPublisher {

    static final long TODAY_DEBOUNCE_MS = 1000;
    private static final long RETRY_MS = 1000;
    private static final int CATCH_UP_BATCH = 4096;

    private final String hallId;
    private final HallController hall;
    private final ScheduledExecutorService owner;
    private final Function<Outgoing, CompletableFuture<Void>> publisher;
    private final BooleanSupplier connected;
    private final Clock clock;
    private final CounterFile dailyCursorFile;
    private final int profileWeeks;
    private final RunningDay running;
    private long dailyCursor;
    private long publishedTodaySeq = -1;
    private boolean todayPending;
    private boolean sendingDaily;
    private long generation;
    private String profileDay;
    private BusyIdleProfile profile;

    StatsPublisher(String hallId, HallController hall, ScheduledExecutorService owner,
                   Function<Outgoing, CompletableFuture<Void>> publisher, BooleanSupplier connected, Clock clock,
                   CounterFile dailyCursorFile, int profileWeeks) {
        this.hallId = hallId;
        this.hall = hall;
        this.owner = owner;
        this.publisher = publisher;
        this.connected = connected;
        this.clock = clock;
        this.dailyCursorFile = dailyCursorFile;
        this.profileWeeks = profileWeeks;
        this.running = new RunningDay(hall.config());
        this.dailyCursor = dailyCursorFile.read(Long.MIN_VALUE);
    }

    /** Rebuilds the day so far from the current day's journal segment. */
    void start() {
        hall.currentDay().ifPresent(day -> hall.eventsOfDay(day).forEach(e -> running.add(e.sequence(), e.event(), day)));
    }

    /** New durable events: fold them in; after a day roll publish the closed day and the new profile. */
    void onEvents(List<JournaledEvent> events) {
        boolean rolled = false;
        if (!events.isEmpty() && events.getFirst().sequence() > running.lastSequence() + 1) {
            rolled = catchUp(events.getFirst().sequence() - 1);
        }
        for (JournaledEvent e : events) {
            rolled |= running.add(e.sequence(), e.event(), dayName()) && e.event() instanceof HallEvent.DayStarted;
        }
        if (rolled) {
            publishClosedDays();
            publishProfile();
        }
        todaySoon();
    }

    /** Events the listener did not hand over (registered after they were durable) come from the journal. */
    private boolean catchUp(long upTo) {
        boolean rolled = false;
        List<JournaledEvent> batch;
        do {
            batch = hall.eventsAfter(running.lastSequence(), CATCH_UP_BATCH);
            for (JournaledEvent e : batch) {
                if (e.sequence() <= upTo) {
                    rolled |= running.add(e.sequence(), e.event(), dayName())
                            && e.event() instanceof HallEvent.DayStarted;
                }
            }
        } while (batch.size() == CATCH_UP_BATCH && running.lastSequence() < upTo);
        return rolled;
    }

    private String dayName() {
        return running.day().or(hall::currentDay).orElse("unknown");
    }

    void connected() {
        generation++;
        sendingDaily = false;
        publishedTodaySeq = -1;
        publishToday();
        publishClosedDays();
        publishProfile();
    }

    void disconnected() {
        generation++;
        sendingDaily = false;
    }

    /** The day so far, as {@code stats} carries it (for RequestStats); safe from any thread. */
    CompletableFuture<DailyStats> today() {
        return CompletableFuture.supplyAsync(this::todayMessage, owner);
    }

    private DailyStats todayMessage() {
        DailyStatistics s = running.statistics().orElseGet(() -> new DailyStatistics(hallId,
                LocalDateTime.ofInstant(clock.instant(), hall.config().hall().zone()).toLocalDate().toString(),
                List.of(), List.of()));
        return DailyStats.of(s, clock.instant(), running.lastSequence(), false);
    }

    private void todaySoon() {
        if (!todayPending) {
            todayPending = true;
            owner.schedule(() -> {
                todayPending = false;
                publishToday();
            }, TODAY_DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void publishToday() {
        if (!connected.getAsBoolean() || running.day().isEmpty() // no event yet: nothing to tell
                || running.lastSequence() == publishedTodaySeq) {
            return;
        }
        publishedTodaySeq = running.lastSequence();
        publisher.apply(Outgoing.retained(Topics.stats(hallId), MqttCodec.encode(todayMessage())));
    }

    /** Publishes the oldest closed day after the cursor; the next one goes once the broker acknowledged it. */
    private void publishClosedDays() {
        if (sendingDaily || !connected.getAsBoolean()) {
            return;
        }
        for (String day : HallStatistics.closedDays(hall)) {
            long epochDay = LocalDate.parse(day).toEpochDay();
            if (epochDay <= dailyCursor) {
                continue;
            }
            List<JournaledEvent> events = hall.eventsOfDay(day);
            Optional<DailyStatistics> stats = HallStatistics.ofDay(hall.config(), events, day);
            if (stats.isEmpty()) {
                acknowledged(epochDay); // a day without events: nothing to report
                continue;
            }
            DailyStats message = DailyStats.of(stats.get(), clock.instant(), events.getLast().sequence(), true);
            sendingDaily = true;
            long gen = generation;
            publisher.apply(Outgoing.retained(Topics.statsDaily(hallId), MqttCodec.encode(message)))
                    .whenCompleteAsync((ok, err) -> dailySent(gen, day, epochDay, err), owner);
            return;
        }
    }

    private void dailySent(long gen, String day, long epochDay, Throwable err) {
        if (gen != generation) {
            return; // disconnected meanwhile: the next connect starts again from the cursor
        }
        sendingDaily = false;
        if (err != null) {
            Logger.info("statistics of {} not acknowledged ({}); retrying", day, err.toString());
            owner.schedule(this::publishClosedDays, RETRY_MS, TimeUnit.MILLISECONDS);
            return;
        }
        Logger.info("MQTT: statistics of the closed business day {} published", day);
        acknowledged(epochDay);
        publishClosedDays();
    }

    private void acknowledged(long epochDay) {
        dailyCursor = epochDay;
        dailyCursorFile.write(epochDay);
    }

    private void publishProfile() {
        if (!connected.getAsBoolean()) {
            return;
        }
        String today = hall.currentDay().orElse("");
        if (profile == null || !today.equals(profileDay)) {
            profile = HallStatistics.profile(hall, profileWeeks);
            profileDay = today;
        }
        HallProfile message = new HallProfile(MqttCodec.VERSION, hallId, clock.instant(), profileWeeks, profile);
        publisher.apply(Outgoing.retained(Topics.profile(hallId), MqttCodec.encode(message)));
    }
}
