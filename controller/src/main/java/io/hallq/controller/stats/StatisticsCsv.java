package io.hallq.controller.stats;

import io.hallq.protocol.stats.DailyStatistics;
import io.hallq.protocol.stats.DailyStatistics.CounterDay;
import io.hallq.protocol.stats.DailyStatistics.ServiceHour;
import java.util.List;
import java.util.Locale;

/** CSV exports (RFC 4180, comma, header line) of daily statistics; numbers use '.' whatever the locale. */
public final class StatisticsCsv {

    private StatisticsCsv() {}

    public static String serviceHours(List<DailyStatistics> days) {
        StringBuilder sb = new StringBuilder("hall,day,service,hour,arrivals,called,mean_wait_s,p90_wait_s,served,"
                + "mean_handling_s,no_shows,transfers_out,ratings,mean_rating\n");
        for (DailyStatistics d : days) {
            for (ServiceHour h : d.serviceHours()) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%.1f,%.1f,%d,%.1f,%d,%d,%d,%.2f%n", d.hallId(),
                        d.day(), h.service(), h.hour(), h.arrivals(), h.called(), h.meanWaitSeconds(),
                        h.p90WaitSeconds(), h.served(), h.meanHandlingSeconds(), h.noShows(), h.transfersOut(),
                        h.ratings(), h.meanRating()));
            }
        }
        return sb.toString();
    }

    public static String counters(List<DailyStatistics> days) {
        StringBuilder sb = new StringBuilder("hall,day,counter,served,open_s,busy_s,utilisation,mean_handling_s,ratings,mean_rating\n");
        for (DailyStatistics d : days) {
            for (CounterDay c : d.counters()) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%.3f,%.1f,%d,%.2f%n", d.hallId(), d.day(),
                        c.counter(), c.served(), c.openSeconds(), c.busySeconds(), c.utilisation(),
                        c.meanHandlingSeconds(), c.ratings(), c.meanRating()));
            }
        }
        return sb.toString();
    }
}
