package io.hallq.emulator.sim;

import java.time.Instant;

/**
 * One customer of a simulated day, drawn entirely before the day runs so that every selection policy meets the
 * very same people.
 *
 * @param handlingSeconds  time at the counter for the first service
 * @param absentFirstCall  not there when first called (no-show)
 * @param backOnSecondCall there when called again after a requeued no-show
 * @param transferTo       service the counter sends the customer on to after the first, or null
 * @param secondSeconds    time at the counter for that second service
 */
public record Customer(int id, Instant arrival, String service, String customerClass, long handlingSeconds,
                       boolean absentFirstCall, boolean backOnSecondCall, String transferTo, long secondSeconds) {}
