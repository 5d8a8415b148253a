package io.hallq.controller.hall;

import java.util.List;

/**
 * Receives events after they are durable, in sequence order, on the controller's effects thread.
 * Implementations must not block for long (hand slow work to their own thread) and must not call
 * {@link HallController#submit} and wait for it.
 */
@FunctionalInterface
public interface EventListener {
    void onEvents(List<JournaledEvent> events);
}
