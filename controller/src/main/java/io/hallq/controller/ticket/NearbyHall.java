package io.hallq.controller.ticket;

/**
 * A nearby hall with a clearly shorter wait for a ticket's service, as the ticket prints it.
 *
 * @param waitSeconds    the estimated wait there
 * @param distanceMeters how far it is from this hall
 */
public record NearbyHall(String nameZh, String nameEn, long waitSeconds, int distanceMeters) {}
