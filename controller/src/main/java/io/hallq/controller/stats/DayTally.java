package io.hallq.controller.stats;

import io.hallq.controller.config.CounterConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.*;
import io.hallq.protocol.stats.DailyStatistics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Accumulates one business day's events; {@link HallStatistics} splits a stream into days. */
final class DayTally {

    private final HallConfig config;
    private final ZoneId zone;
    private final String day;
    private final Map<String, Track> tickets = new HashMap<>();
    private final Map<String, ServiceHourTally> hours = new TreeMap<>();
    /** Served tickets by number: the service-hour a later rating belongs to. */
    private final Map<String, ServiceHourTally> servedIn = new HashMap<>();
    private final Map<Integer, CounterTally> counters = new TreeMap<>();
    private Instant last;

    /** Where a ticket stands: its current service, when it was issued and called. */
    private static final class Track {
        String service;
        final int issueHour;
        final Instant issuedAt;
        boolean calledOnce;
        Track(String service, int issueHour, Instant issuedAt) {
            this.service = service;
            this.issueHour = issueHour;
            this.issuedAt = issuedAt;
        }
    }

    private static final int MADE = 0, CANCELLED = 1, CHECKED_IN = 2, LAPSED = 3, REMOTE_JOINED = 4,
            REMOTE_CHECKED_IN = 5, REMOTE_DROPPED = 6;
    /** Bookings and remote tickets of the day, by the indexes above. */
    private final int[] booked = new int[7];

    DayTally(HallConfig config, DayStarted start) {
        this.config = config;
        this.zone = config.hall().zone();
        this.day = start.day();
        this.last = start.at();
        for (CounterConfig c : config.counters()) {
            counters.put(c.number(), new CounterTally(c.openAtStart(), start.at()));
        }
    }

    void add(HallEvent event) {
        last = event.at();
        switch (event) {
            case TicketIssued e -> {
                switch (e.originOrWalkIn()) {
                    case APPOINTMENT -> booked[CHECKED_IN]++;
                    case REMOTE -> booked[REMOTE_JOINED]++;
                    case WALK_IN -> { }
                }
                int h = hour(e.at());
                tickets.put(e.ticket(), new Track(e.service(), h, e.at()));
                hour(e.service(), h).arrivals++;
            }
            case TicketCalled e -> called(e);
            case TicketNoShow e -> {
                Track t = tickets.get(e.ticket());
                counter(e.counter()).release(e.at());
                if (t != null) {
                    hour(t.service, t.issueHour).noShows++;
                }
            }
            case TicketServed e -> served(e);
            case TicketTransferred e -> {
                Track t = tickets.get(e.ticket());
                counter(e.counter()).release(e.at());
                if (t != null) {
                    hour(e.fromService(), t.issueHour).transfersOut++;
                    t.service = e.toService();
                }
            }
            case TicketVoided e -> {
                counters.values().forEach(c -> c.releaseIfHolding(e.ticket(), e.at()));
                if (io.hallq.controller.queue.Appointments.REMOTE_NOT_CHECKED_IN.equals(e.reason())) {
                    booked[REMOTE_DROPPED]++;
                }
            }
            case HallEvent.BookingMade e -> booked[MADE]++;
            case HallEvent.BookingCancelled e -> booked[CANCELLED]++;
            case HallEvent.BookingLapsed e -> booked[LAPSED]++;
            case HallEvent.TicketCheckedIn e -> booked[REMOTE_CHECKED_IN]++;
            case CounterChanged e -> counter(e.counter()).status(e.status(), e.at());
            case ServiceRated e -> {
                counter(e.counter()).rated(e.rating());
                ServiceHourTally h = servedIn.get(e.ticket());
                if (h != null) {
                    h.ratings.add(e.rating());
                }
            }
            default -> { }
        }
    }

    private void called(TicketCalled e) {
        Track t = tickets.get(e.ticket());
        counter(e.counter()).hold(e.ticket(), e.at());
        if (t != null && !t.calledOnce) {
            t.calledOnce = true;
            hour(t.service, t.issueHour).waits.add(Duration.between(t.issuedAt, e.at()).toSeconds());
        }
    }

    private void served(TicketServed e) {
        Track t = tickets.remove(e.ticket());
        CounterTally c = counter(e.counter());
        c.release(e.at());
        if (t == null || e.handlingSeconds() < 0) {
            return; // direct-queue tickets have no handling time
        }
        c.served(e.handlingSeconds());
        int callHour = hour(e.at().minusSeconds(e.handlingSeconds()));
        ServiceHourTally h = hour(t.service, callHour);
        h.handling.add(e.handlingSeconds());
        servedIn.put(e.ticket(), h);
    }

    String day() {
        return day;
    }

    /** The figures up to the latest event added; does not change the tally, so adding may go on. */
    DailyStatistics finish() {
        return new DailyStatistics(config.hall().id(), day,
                hours.values().stream().map(ServiceHourTally::result).toList(),
                counters.entrySet().stream().filter(e -> e.getValue().active(last))
                        .map(e -> e.getValue().result(e.getKey(), last)).toList(),
                java.util.Arrays.stream(booked).allMatch(n -> n == 0) ? null
                        : new DailyStatistics.AppointmentsDay(booked[MADE], booked[CANCELLED], booked[CHECKED_IN],
                                booked[LAPSED], booked[REMOTE_JOINED], booked[REMOTE_CHECKED_IN],
                                booked[REMOTE_DROPPED]));
    }

    private int hour(Instant t) {
        return LocalDateTime.ofInstant(t, zone).getHour();
    }

    private ServiceHourTally hour(String service, int h) {
        return hours.computeIfAbsent(service + "@" + (char) ('A' + h), k -> new ServiceHourTally(service, h));
    }

    private CounterTally counter(int n) {
        return counters.computeIfAbsent(n, k -> new CounterTally(false, last));
    }
}
