package io.hallq.controller.stats;

import io.hallq.protocol.event.HallEvent.CounterStatus;
import io.hallq.protocol.stats.DailyStatistics.CounterDay;
import java.time.Duration;
import java.time.Instant;

/** Open and busy time of one counter: open runs while the status is OPEN, busy while a customer is called. */
final class CounterTally {

    private boolean open;
    private Instant openSince;
    private long openSeconds;
    private String holding;
    private Instant busySince;
    private long busySeconds;
    private int served;
    private long handlingSum;
    private boolean everOpen;
    private int ratings;
    private long ratingSum;

    CounterTally(boolean openAtStart, Instant start) {
        open = openAtStart;
        everOpen = openAtStart;
        openSince = start;
    }

    void status(CounterStatus status, Instant at) {
        boolean nowOpen = status == CounterStatus.OPEN;
        if (open && !nowOpen) {
            openSeconds += Duration.between(openSince, at).toSeconds();
        } else if (!open && nowOpen) {
            openSince = at;
            everOpen = true;
        }
        open = nowOpen;
    }

    void hold(String ticket, Instant at) {
        release(at);
        holding = ticket;
        busySince = at;
    }

    void release(Instant at) {
        if (holding != null) {
            busySeconds += Duration.between(busySince, at).toSeconds();
            holding = null;
        }
    }

    void releaseIfHolding(String ticket, Instant at) {
        if (ticket.equals(holding)) {
            release(at);
        }
    }

    void served(long handlingSeconds) {
        served++;
        handlingSum += handlingSeconds;
    }

    void rated(int rating) {
        ratings++;
        ratingSum += rating;
    }

    boolean active(Instant end) {
        return everOpen || served > 0;
    }

    CounterDay result(int number, Instant end) {
        long openTotal = openSeconds + (open ? Duration.between(openSince, end).toSeconds() : 0);
        long busyTotal = busySeconds + (holding != null ? Duration.between(busySince, end).toSeconds() : 0);
        return new CounterDay(number, served, openTotal, busyTotal,
                openTotal == 0 ? 0 : Math.min(1.0, (double) busyTotal / openTotal),
                served == 0 ? 0 : (double) handlingSum / served, ratings,
                ratings == 0 ? 0 : (double) ratingSum / ratings);
    }
}
