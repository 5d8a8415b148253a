package io.hallq.controller.stats;

import io.hallq.protocol.stats.DailyStatistics.ServiceHour;
import java.util.ArrayList;
import java.util.List;

final class ServiceHourTally {

    final String service;
    final int hour;
    int arrivals;
    int noShows;
    int transfersOut;
    final List<Long> waits = new ArrayList<>();
    final List<Long> handling = new ArrayList<>();
    final List<Integer> ratings = new ArrayList<>();

    ServiceHourTally(String service, int hour) {
        this.service = service;
        this.hour = hour;
    }

    ServiceHour result() {
        return new ServiceHour(service, hour, arrivals, waits.size(), Percentiles.mean(waits),
                Percentiles.nearestRank(waits, 0.9), handling.size(), Percentiles.mean(handling), noShows,
                transfersOut, ratings.size(), Percentiles.mean(ratings));
    }
}
