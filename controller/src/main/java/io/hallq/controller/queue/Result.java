package io.hallq.controller.queue;

import io.hallq.protocol.event.HallEvent;
import java.util.List;

/** What the engine made of a command: the events it produced, or a rejection with a reason. */
public sealed interface Result {

    List<HallEvent> events();

    record Accepted(List<HallEvent> events) implements Result {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /**
     * The command changed nothing; {@code message} is for the person who pressed the key. {@code events} holds
     * only what the passing of time caused before the command was looked at (a new business day), usually
     * nothing; they must be journaled like any others.
     */
    record Rejected(RejectReason reason, String message, List<HallEvent> events) implements Result {
        public Rejected {
            events = List.copyOf(events);
        }
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
