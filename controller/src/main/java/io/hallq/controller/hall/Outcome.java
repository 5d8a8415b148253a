package io.hallq.controller.hall;

import io.hallq.controller.queue.Result;
import java.util.List;

/** A command's result once its events are durable; {@code events} carry their sequence numbers. */
public record Outcome(Result result, List<JournaledEvent> events) {
    public Outcome {
        events = List.copyOf(events);
    }

    public boolean accepted() {
        return result.accepted();
    }
}
