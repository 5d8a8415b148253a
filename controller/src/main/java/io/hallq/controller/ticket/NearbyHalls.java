package io.hallq.controller.ticket;

import java.util.Optional;

/**
 * Where the ticket layout learns of a nearby hall worth suggesting for a ticket (on a hall with MQTT: the
 * neighbour advisor, which decides by the same rule as for the hall board's line). Asked on the printer thread
 * for every ticket, so it answers at once from what it has.
 */
@FunctionalInterface
public interface NearbyHalls {

    /** No suggestions: a hall without neighbours configured. */
    NearbyHalls NONE = (service, waitSeconds) -> Optional.empty();

    /**
     * @param waitSeconds the ticket's own estimated wait, -1 when no counter serves the service today
     */
    Optional<NearbyHall> suggestionFor(String service, long waitSeconds);
}
