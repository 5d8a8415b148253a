package io.hallq.controller.ticket;

import java.util.Optional;

/**
 * Where the ticket layout learns of a nearby hall worth suggesting for a service (on a hall with MQTT: the
 * neighbour advisor). Asked on the printer thread for every ticket, so it answers at once from what it has.
 */
@FunctionalInterface
public interface NearbyHalls {

    /** No suggestions: a hall without neighbours configured. */
    NearbyHalls NONE = service -> Optional.empty();

    Optional<NearbyHall> suggestionFor(String service);
}
