package io.hallq.controller.sync;

import io.hallq.controller.ticket.NearbyHall;
import io.hallq.controller.ticket.NearbyHalls;
import io.hallq.protocol.mqtt.HallOnline;
import io.hallq.protocol.mqtt.HallStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Points customers to a nearby hall, by one rule for the hall board's line and the printed ticket alike
 * ({@link #suggestionFor(String, long)}), so the two never contradict each other. Fed with the neighbours'
 * retained status (and liveness) and this hall's own status; asked by the ticket printer and the board from
 * any thread.
 */
public final class NeighbourAdvisor {

    /**
     * A nearby hall worth suggesting for a service.
     *
     * @param waitSeconds      the estimated wait there
     * @param localWaitSeconds the estimated wait here, or -1 when no counter here takes the service now
     */
    public record Suggestion(String hall, String nameZh, String nameEn, long waitSeconds, int distanceMeters,
                             long localWaitSeconds) {}

    private volatile List<MqttSettings.Neighbour> neighbours;
    private volatile Duration staleAfter;
    private final Clock clock;
    /** A neighbour's status and the time it counts as made: its {@code at}, but never later than its arrival. */
    private record Filed(HallStatus status, java.time.Instant at) {}

    private final Map<String, Filed> statuses = new ConcurrentHashMap<>();
    private final Map<String, Boolean> online = new ConcurrentHashMap<>();
    private volatile HallStatus local;

    public NeighbourAdvisor(List<MqttSettings.Neighbour> neighbours, Duration staleAfter, Clock clock) {
        this.neighbours = List.copyOf(neighbours);
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /**
     * The rule: suggest for {@code service}, given our wait for it, the neighbour that serves it now (online, its
     * status fresher than {@code staleAfter}, the service on, its wait known) with the shortest wait (the nearer
     * on a tie), when nobody here serves the service now ({@code ourWaitSeconds} -1: the wait here is unknown,
     * a hall where someone serves it is the better bet) or when our wait is longer than the neighbour's by more
     * than its margin.
     *
     * @param ourWaitSeconds our wait for the service, -1 when nobody here serves it now
     */
    public Optional<Suggestion> suggestionFor(String service, long ourWaitSeconds) {
        long ours = Math.max(-1, ourWaitSeconds);
        return neighbours.stream()
                .map(n -> candidate(n, service, ours))
                .flatMap(Optional::stream)
                .min(Comparator.comparingLong(Suggestion::waitSeconds).thenComparingInt(Suggestion::distanceMeters));
    }

    /**
     * The rule for the hall board: our wait is the one our status states ({@code Estimator.waitNow}: a walk-in's,
     * -1 while nobody here serves the service, also when it is switched off here). Empty before our first status.
     */
    public Optional<Suggestion> suggestionFor(String service) {
        return ourWait(service).flatMap(w -> suggestionFor(service, w));
    }

    /** {@link #suggestionFor(String)} as the board's line words it. */
    public Optional<NearbyHall> nearbyHall(String service) {
        return suggestionFor(service).map(NeighbourAdvisor::nearby);
    }

    /**
     * The rule for a ticket, as it prints it: our wait is the ticket's own estimate (a walk-in's is the one the
     * board goes by), except that while our status says nobody here serves the service now it is unknown (-1),
     * as on the board, whatever the ticket estimates for when a counter opens. The device module takes this as
     * its {@link NearbyHalls} and knows nothing of MQTT.
     *
     * @param ticketWaitSeconds the estimate printed on the ticket, -1 when no counter serves it today
     */
    public Optional<NearbyHall> nearbyHall(String service, long ticketWaitSeconds) {
        return ourWait(service)
                .flatMap(status -> suggestionFor(service, status < 0 ? -1 : ticketWaitSeconds))
                .map(NeighbourAdvisor::nearby);
    }

    /** Our wait for the service as our latest status states it (-1: nobody serves it here now); empty before one. */
    private Optional<Long> ourWait(String service) {
        HallStatus here = local;
        HallStatus.ServiceStatus mine = here == null ? null : here.services().get(service);
        if (mine == null) {
            return Optional.empty();
        }
        return Optional.of(mine.enabled() ? mine.estimatedWaitSeconds() : -1);
    }

    private static NearbyHall nearby(Suggestion s) {
        return new NearbyHall(s.nameZh(), s.nameEn(), s.waitSeconds(), s.distanceMeters());
    }

    private Optional<Suggestion> candidate(MqttSettings.Neighbour n, String service, long myWait) {
        Filed filed = statuses.get(n.hall());
        if (filed == null || !online.getOrDefault(n.hall(), true)
                || filed.at().plus(staleAfter).isBefore(clock.instant())) {
            return Optional.empty();
        }
        HallStatus s = filed.status();
        HallStatus.ServiceStatus theirs = s.services().get(service);
        if (theirs == null || !theirs.enabled() || theirs.estimatedWaitSeconds() < 0) {
            return Optional.empty();
        }
        boolean better = myWait < 0 || myWait - theirs.estimatedWaitSeconds() > n.margin().toSeconds();
        return better ? Optional.of(new Suggestion(n.hall(), n.nameZh(), n.nameEn(), theirs.estimatedWaitSeconds(),
                n.distanceMeters(), myWait)) : Optional.empty();
    }

    /** Set when the MQTT module starts; the advisor handed out before that is the same object. */
    void configure(List<MqttSettings.Neighbour> list, Duration stale) {
        this.staleAfter = stale;
        this.neighbours = List.copyOf(list);
    }

    void localStatus(HallStatus s) {
        local = s;
    }

    /**
     * A status that arrived on {@code topicHall}'s status topic. It is filed under that hall, which the broker's
     * ACL ties to the hall's login, and only when the payload names the same hall: a neighbour cannot speak
     * for another. An {@code at} ahead of our clock counts as now, so a status stamped far in the future still
     * goes stale like any other.
     */
    void neighbourStatus(String topicHall, HallStatus s) {
        if (!s.hall().equals(topicHall)) {
            org.tinylog.Logger.warn("MQTT status on hall {}'s topic names hall {}; ignored", topicHall, s.hall());
            return;
        }
        if (neighbours.stream().anyMatch(n -> n.hall().equals(topicHall))) {
            java.time.Instant now = clock.instant();
            statuses.put(topicHall, new Filed(s, s.at().isAfter(now) ? now : s.at()));
        }
    }

    /** Liveness from {@code topicHall}'s online topic; ignored when the payload names another hall. */
    void neighbourOnline(String topicHall, HallOnline o) {
        if (!o.hall().equals(topicHall)) {
            org.tinylog.Logger.warn("MQTT liveness on hall {}'s topic names hall {}; ignored", topicHall, o.hall());
            return;
        }
        if (neighbours.stream().anyMatch(n -> n.hall().equals(topicHall))) {
            online.put(topicHall, o.online());
        }
    }
}
