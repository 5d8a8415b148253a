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
 * Points customers to a nearby hall when the wait there is shorter by the configured margin. Fed with the
 * neighbours' retained status (and liveness) and this hall's own status; asked by the ticket printer and the
 * board from any thread.
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
    private final Map<String, HallStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Boolean> online = new ConcurrentHashMap<>();
    private volatile HallStatus local;

    public NeighbourAdvisor(List<MqttSettings.Neighbour> neighbours, Duration staleAfter, Clock clock) {
        this.neighbours = List.copyOf(neighbours);
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** The best neighbour for {@code service} now, if one is enough faster (or here nobody takes it). */
    public Optional<Suggestion> suggestionFor(String service) {
        HallStatus here = local;
        HallStatus.ServiceStatus mine = here == null ? null : here.services().get(service);
        if (mine == null) {
            return Optional.empty();
        }
        long myWait = mine.enabled() ? mine.estimatedWaitSeconds() : -1;
        return neighbours.stream()
                .map(n -> candidate(n, service, myWait))
                .flatMap(Optional::stream)
                .min(Comparator.comparingLong(Suggestion::waitSeconds).thenComparingInt(Suggestion::distanceMeters));
    }

    /**
     * {@link #suggestionFor} as the ticket prints it: the device module takes this as its
     * {@link NearbyHalls} and knows nothing of MQTT.
     */
    public Optional<NearbyHall> nearbyHall(String service) {
        return suggestionFor(service)
                .map(s -> new NearbyHall(s.nameZh(), s.nameEn(), s.waitSeconds(), s.distanceMeters()));
    }

    private Optional<Suggestion> candidate(MqttSettings.Neighbour n, String service, long myWait) {
        HallStatus s = statuses.get(n.hall());
        if (s == null || !online.getOrDefault(n.hall(), true)
                || s.at().plus(staleAfter).isBefore(clock.instant())) {
            return Optional.empty();
        }
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

    void neighbourStatus(HallStatus s) {
        if (neighbours.stream().anyMatch(n -> n.hall().equals(s.hall()))) {
            statuses.put(s.hall(), s);
        }
    }

    void neighbourOnline(HallOnline o) {
        online.put(o.hall(), o.online());
    }
}
