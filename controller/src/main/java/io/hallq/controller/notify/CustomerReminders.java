package io.hallq.controller.notify;

import io.hallq.controller.queue.QueueView;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import io.hallq.protocol.event.HallEvent.Audience;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reminders to customers who left a number: one SMS when {@code ahead} people or fewer are ahead, one when the
 * wait passed the class's target (the TICKET_OVERDUE alarm). A ticket is followed from its TicketIssued event
 * when the vault holds a number for its token. Notification ids are "day/ticket/purpose", so a reminder is
 * requested at most once per ticket, even across restarts. Owned by the notification worker.
 */
final class CustomerReminders {

    /** A followed ticket. */
    record Followed(String ticket, String token, String masked, Instant issuedAt) {}

    private final NotifyConfig.Reminders settings;
    private final Map<String, Followed> followed = new LinkedHashMap<>();
    private final Map<String, String> ticketOfToken = new HashMap<>();

    CustomerReminders(NotifyConfig.Reminders settings) {
        this.settings = settings;
    }

    static String id(String day, String ticket, String purpose) {
        return day + "/" + ticket + "/" + purpose;
    }

    /** Follows a ticket (its number was kept for it). */
    void follow(Followed f) {
        followed.put(f.ticket(), f);
        ticketOfToken.put(f.token(), f.ticket());
    }

    Optional<Followed> followed(String ticket) {
        return Optional.ofNullable(followed.get(ticket));
    }

    Optional<String> ticketOfToken(String token) {
        return Optional.ofNullable(ticketOfToken.get(token));
    }

    /** Stops following a ticket that left the queue; returns it (so its number can be forgotten). */
    Optional<Followed> leave(String ticket) {
        Followed f = followed.remove(ticket);
        if (f != null) {
            ticketOfToken.remove(f.token());
        }
        return Optional.ofNullable(f);
    }

    /** The followed tickets' numbers, a copy. */
    java.util.Set<String> tickets() {
        return java.util.Set.copyOf(followed.keySet());
    }

    boolean any() {
        return !followed.isEmpty();
    }

    void clear() {
        followed.clear();
        ticketOfToken.clear();
    }

    /** The people ahead of each followed waiting ticket; tickets no longer waiting are absent. Runs on the writer. */
    Function<QueueView, Map<String, Integer>> aheadQuery(Instant now) {
        List<String> tickets = List.copyOf(followed.keySet());
        return state -> {
            Map<String, Integer> out = new HashMap<>();
            for (String n : tickets) {
                state.estimate(n, now).ifPresent(e -> out.put(n, e.peopleAhead())); // while it waits
            }
            return out;
        };
    }

    /** "N ahead" reminders due, given the people ahead of each followed ticket. */
    List<Due> dueAhead(Map<String, Integer> ahead) {
        if (!settings.enabled()) {
            return List.of();
        }
        return ahead.entrySet().stream().filter(e -> e.getValue() <= settings.ahead())
                .map(e -> new Due(followed.get(e.getKey()), Purpose.AHEAD, e.getValue(), 0)).toList();
    }

    /** The overdue reminder an alarm asks for, if it is about a followed ticket. */
    Optional<Due> dueOverdue(HallEvent.AlarmRaised a, Map<String, Integer> ahead) {
        if (!settings.enabled() || !settings.overdue() || a.kind() != AlarmKind.TICKET_OVERDUE) {
            return Optional.empty();
        }
        String ticket = a.alarmId().substring(a.alarmId().indexOf(':') + 1);
        Followed f = followed.get(ticket);
        if (f == null || !ahead.containsKey(ticket)) {
            return Optional.empty();
        }
        long minutes = a.figures().getOrDefault("waitedSeconds", 0L) / 60;
        return Optional.of(new Due(f, Purpose.OVERDUE, ahead.get(ticket), minutes));
    }

    /** A reminder to request. */
    record Due(Followed ticket, String purpose, int ahead, long minutes) {}

    HallEvent.NotificationRequested request(Instant now, String day, Due due, NotifyConfig.Templates templates,
                                            String hallName) {
        String text = templates.render(settings.language(), due.purpose(), Map.of("hall", hallName,
                "ticket", due.ticket().ticket(), "ahead", Integer.toString(due.ahead()),
                "minutes", Long.toString(due.minutes())));
        return new HallEvent.NotificationRequested(now, id(day, due.ticket().ticket(), due.purpose()), "sms",
                Audience.CUSTOMER, due.ticket().masked() == null ? "customer" : due.ticket().masked(),
                due.purpose(), due.ticket().ticket(), null, 0, settings.language(), text);
    }
}
