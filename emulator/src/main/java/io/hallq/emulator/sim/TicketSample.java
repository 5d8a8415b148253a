package io.hallq.emulator.sim;

import java.time.Instant;

/**
 * One ticket of a simulated day: what it was promised and what happened.
 *
 * @param busy          issued inside a busy period (busy targets apply)
 * @param targetSeconds the class's wait target at issue
 * @param estimateSeconds the engine's printed estimate (-1: no counter serves it)
 * @param oracleSeconds the plain queue-length estimate in the same state: people ahead x mean handling time /
 *                      open counters able to take it
 * @param waitSeconds   issue to first call; -1 when it was never called
 */
public record TicketSample(String day, String ticket, String service, String customerClass, Instant issuedAt,
                           boolean busy, long targetSeconds, long estimateSeconds, long oracleSeconds,
                           long waitSeconds) {

    public boolean called() {
        return waitSeconds >= 0;
    }

    public boolean overTarget() {
        return waitSeconds > targetSeconds;
    }
}
