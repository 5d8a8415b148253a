package io.hallq.emulator.sim;

import io.hallq.controller.config.QueueRules.SelectionPolicy;
import io.hallq.protocol.event.HallEvent;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of simulating some days under one selection policy.
 *
 * @param events  every event the engine produced, in order (as a real journal would hold them)
 * @param samples one per ticket issued
 * @param minutes the hall once a minute: customers waiting and counters open
 * @param visits  one per customer who came, however they came (walk-in, appointment, remote ticket)
 * @param counts  what became of the bookings and remote tickets ({@link AppointmentSummary.Counts#NONE} without)
 */
public record SimRun(SelectionPolicy policy, List<HallEvent> events, List<TicketSample> samples,
                     List<Minute> minutes, List<Visit> visits, AppointmentSummary.Counts counts) {

    public record Minute(Instant at, int waiting, int open) {}
}
