package io.hallq.controller.stats;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.journal.Journal;
import io.hallq.controller.journal.JournalRecord;
import io.hallq.protocol.EventCodec;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.DayStarted;
import io.hallq.protocol.stats.BusyIdleProfile;
import io.hallq.protocol.stats.DailyStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily statistics from hall events: per service and hour (arrivals, waits, handling, no-shows, transfers) and per
 * counter (served, open and busy time, utilisation). Works on any event list in journal order, so the simulator
 * and the journal of a real hall give the same figures.
 */
public final class HallStatistics {

    private HallStatistics() {}

    /**
     * One entry per business day in the events. Events before the first {@link DayStarted} belong to a day named
     * {@code firstDay} (a journal segment read on its own may start mid-day after retention).
     */
    public static List<DailyStatistics> of(HallConfig config, List<HallEvent> events, String firstDay) {
        List<DailyStatistics> days = new ArrayList<>();
        DayTally tally = null;
        for (HallEvent e : events) {
            if (e instanceof DayStarted d) {
                if (tally != null) {
                    days.add(tally.finish());
                }
                tally = new DayTally(config, d);
            } else {
                if (tally == null) {
                    tally = new DayTally(config, new DayStarted(e.at(), firstDay));
                }
                tally.add(e);
            }
        }
        if (tally != null) {
            days.add(tally.finish());
        }
        return days;
    }

    public static List<DailyStatistics> of(HallConfig config, List<HallEvent> events) {
        return of(config, events, "unknown");
    }

    /**
     * Statistics of the journal's days within {@code weeks} weeks before its latest day (inclusive), the input of
     * the busy/idle profile published each day. Days that are not ISO dates are left out.
     */
    public static List<DailyStatistics> lastWeeks(HallConfig config, Journal journal, int weeks) {
        List<String> all = journal.days();
        if (all.isEmpty()) {
            return List.of();
        }
        String from = java.time.LocalDate.parse(all.getLast()).minusWeeks(weeks).plusDays(1).toString();
        return fromJournal(config, journal, all.stream().filter(d -> d.compareTo(from) >= 0).toList());
    }

    /** The business days of the hall's journal before the current one: days that are over. */
    public static List<String> closedDays(HallController hall) {
        String today = hall.currentDay().orElse(null);
        return hall.journalDays().stream().filter(d -> today == null || d.compareTo(today) < 0).toList();
    }

    /** Statistics of one business day from the hall's journal; empty when the journal holds no event of it. */
    public static java.util.Optional<DailyStatistics> ofDay(HallController hall, String day) {
        return ofDay(hall.config(), hall.eventsOfDay(day), day);
    }

    /** Statistics of one business day from its journaled events (as {@code hall.eventsOfDay(day)} reads them). */
    public static java.util.Optional<DailyStatistics> ofDay(HallConfig config, List<JournaledEvent> events,
                                                            String day) {
        return of(config, events.stream().map(JournaledEvent::event).toList(), day).stream()
                .filter(d -> d.day().equals(day)).findFirst();
    }

    /**
     * The busy/idle profile over the closed business days of the last {@code weeks} weeks before the current day
     * (with weeks = 4 on a Monday: the four Mondays before, and every other weekday four times).
     */
    public static BusyIdleProfile profile(HallController hall, int weeks) {
        List<String> closed = closedDays(hall);
        String today = hall.currentDay().orElse(closed.isEmpty() ? null : closed.getLast());
        List<DailyStatistics> days = new ArrayList<>();
        if (today != null) {
            String from = java.time.LocalDate.parse(today).minusWeeks(weeks).toString();
            for (String d : closed) {
                if (d.compareTo(from) >= 0) {
                    ofDay(hall, d).ifPresent(days::add);
                }
            }
        }
        return ProfileBuilder.build(hall.config().hall().id(), days);
    }

    /** Statistics of the given journal days (as {@link Journal#days()} names them); days without events are left out. */
    public static List<DailyStatistics> fromJournal(HallConfig config, Journal journal, List<String> days) {
        List<DailyStatistics> out = new ArrayList<>();
        for (String day : days) {
            List<HallEvent> events = new ArrayList<>();
            for (JournalRecord r : journal.read(day)) {
                events.add(EventCodec.decode(r.payload()));
            }
            out.addAll(of(config, events, day));
        }
        return out;
    }
}
