package io.hallq.controller.sync;

import io.hallq.controller.hall.JournaledEvent;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.mqtt.DailyStats;
import io.hallq.protocol.mqtt.MqttCodec;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The day's counts per service, folded from events since the latest DayStarted. Rebuilt from the journal at
 * start, then kept up to date from the live events; confined to the owner's executor.
 */
final class DailyTally {

    private final String hall;
    private final List<String> services;
    private final Map<String, int[]> counts = new HashMap<>();
    private final Map<String, long[]> handling = new HashMap<>();
    private final Map<String, String> serviceOfTicket = new HashMap<>();
    private String day = "";
    private long lastSeq;

    private static final int ISSUED = 0;
    private static final int SERVED = 1;
    private static final int NO_SHOW = 2;
    private static final int VOIDED = 3;

    DailyTally(String hall, List<String> services) {
        this.hall = hall;
        this.services = List.copyOf(services);
        reset("");
    }

    long lastSeq() {
        return lastSeq;
    }

    void apply(JournaledEvent je) {
        if (je.sequence() <= lastSeq) {
            return;
        }
        lastSeq = je.sequence();
        switch (je.event()) {
            case HallEvent.DayStarted d -> reset(d.day());
            case HallEvent.TicketIssued t -> {
                serviceOfTicket.put(t.ticket(), t.service());
                count(t.service(), ISSUED);
            }
            case HallEvent.TicketTransferred t -> serviceOfTicket.put(t.ticket(), t.toService());
            case HallEvent.TicketServed t -> {
                String svc = serviceOfTicket.remove(t.ticket());
                count(svc, SERVED);
                if (svc != null && t.handlingSeconds() >= 0) {
                    long[] h = handling.computeIfAbsent(svc, k -> new long[2]);
                    h[0] += t.handlingSeconds();
                    h[1]++;
                }
            }
            case HallEvent.TicketNoShow t -> {
                if (!t.requeued()) {
                    count(serviceOfTicket.remove(t.ticket()), NO_SHOW);
                } else {
                    count(serviceOfTicket.get(t.ticket()), NO_SHOW);
                }
            }
            case HallEvent.TicketVoided t -> count(serviceOfTicket.remove(t.ticket()), VOIDED);
            default -> { }
        }
    }

    DailyStats stats(Map<String, Integer> waiting, Instant at) {
        Map<String, DailyStats.ServiceStats> out = new LinkedHashMap<>();
        for (String svc : services) {
            int[] c = counts.get(svc);
            long[] h = handling.get(svc);
            out.put(svc, new DailyStats.ServiceStats(c[ISSUED], c[SERVED], c[NO_SHOW], c[VOIDED],
                    waiting.getOrDefault(svc, 0), h == null || h[1] == 0 ? -1 : Math.round((double) h[0] / h[1])));
        }
        return new DailyStats(MqttCodec.VERSION, hall, day.isEmpty() ? "-" : day, at, lastSeq, out);
    }

    private void count(String service, int what) {
        int[] c = service == null ? null : counts.get(service);
        if (c != null) {
            c[what]++;
        }
    }

    private void reset(String newDay) {
        day = newDay;
        serviceOfTicket.clear();
        handling.clear();
        for (String s : services) {
            counts.put(s, new int[4]);
        }
    }
}
