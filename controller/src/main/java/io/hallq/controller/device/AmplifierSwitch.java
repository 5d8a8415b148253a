package io.hallq.controller.device;

/**
 * Power of the hall's audio amplifier. The voice announcer switches it on (then waits its warm-up) before the
 * first audio frame of a run of announcements and off when the announcement queue is empty again.
 *
 * <p>Implementations must be quick and must not block for long; a failure is reported as an unchecked exception
 * and is turned into a device alarm by the caller, never a crash.
 */
@FunctionalInterface
public interface AmplifierSwitch {

    /** Switches the amplifier on ({@code true}) or off ({@code false}). Setting the current state again is harmless. */
    void set(boolean on);
}
