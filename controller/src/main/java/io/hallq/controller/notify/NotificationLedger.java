package io.hallq.controller.notify;

import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.NotificationDelivered;
import io.hallq.protocol.event.HallEvent.NotificationFailed;
import io.hallq.protocol.event.HallEvent.NotificationRequested;
import io.hallq.protocol.event.HallEvent.NotificationSent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the journal says about today's notifications: which were requested and are still to send, which went out
 * and await their receipt, which are done. Rebuilt from the day's events at start and kept current from the
 * durable events after; so after a restart exactly the requested-but-unsent ones are sent. Not thread-safe: the
 * notification worker owns it.
 */
final class NotificationLedger {

    enum State { PENDING, SENT, DELIVERED, FAILED }

    /** One notification as the journal tells it. */
    static final class Entry {
        final NotificationRequested request;
        State state = State.PENDING;
        List<String> messageIds = List.of();
        int delivered;
        String lastError;
        Instant at;
        /** Not journaled: when the worker may try again after a transient failure. */
        Instant nextAttempt = Instant.MIN;
        boolean failureJournaled;

        Entry(NotificationRequested request) {
            this.request = request;
            this.at = request.at();
        }

        boolean done() {
            return state == State.DELIVERED || state == State.FAILED
                    || (state == State.SENT && delivered >= messageIds.size());
        }
    }

    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private final Map<String, String> idOfMessage = new HashMap<>();

    /** Applies a durable event; returns true when it was a notification event. */
    boolean apply(HallEvent event) {
        switch (event) {
            case NotificationRequested r -> byId.putIfAbsent(r.id(), new Entry(r));
            case NotificationSent s -> entry(s.id()).ifPresent(e -> {
                e.state = State.SENT;
                e.messageIds = s.messageIds();
                e.at = s.at();
                s.messageIds().forEach(m -> idOfMessage.put(m, s.id()));
            });
            case NotificationDelivered d -> entry(d.id()).ifPresent(e -> {
                e.delivered++;
                if (e.delivered >= e.messageIds.size()) {
                    e.state = State.DELIVERED;
                }
                e.at = d.at();
            });
            case NotificationFailed f -> entry(f.id()).ifPresent(e -> {
                e.lastError = f.reason();
                e.failureJournaled = true;
                if (!f.retrying()) {
                    e.state = State.FAILED;
                }
                e.at = f.at();
            });
            default -> {
                return false;
            }
        }
        return true;
    }

    boolean known(String id) {
        return byId.containsKey(id);
    }

    Optional<Entry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The notification a part's message id belongs to. */
    Optional<String> idOfMessage(String messageId) {
        return Optional.ofNullable(idOfMessage.get(messageId));
    }

    /** Requested and not yet sent nor given up, oldest first. */
    List<Entry> pending() {
        List<Entry> out = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (e.state == State.PENDING) {
                out.add(e);
            }
        }
        return out;
    }

    List<Entry> all() {
        return List.copyOf(byId.values());
    }

    /** A new business day: yesterday's notifications are history (the journal keeps them). */
    void clear() {
        byId.clear();
        idOfMessage.clear();
    }
}
