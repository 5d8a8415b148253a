package io.hallq.controller.queue;

import io.hallq.controller.config.BusinessHours;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * How the business day is decided. A Raspberry Pi has no real-time clock: it boots with the time it
 * saved at shutdown and jumps when NTP syncs, forwards or backwards. So:
 * <ul>
 *   <li>the effective time of every command is {@code max(wall clock, time of the latest event)}: it never
 *       runs backwards, so a backward jump can neither make a wait negative nor reopen a day;</li>
 *   <li>the business day of a time is its local date, counted from the rollover time (04:00 by default):
 *       at 03:00 it is still yesterday's day;</li>
 *   <li>a new day starts when the effective time reaches a later business day. If tickets are still live
 *       then, they are voided ("day closed") only when the hall is outside its opening hours; inside them the
 *       change must come from a clock jump while customers hold tickets, so the new day waits until
 *       none is live. Numbers therefore never repeat while anyone holds a ticket.</li>
 * </ul>
 */
public final class BusinessDay {

    private BusinessDay() {}

    public static String of(Instant t, ZoneId zone, LocalTime rollover) {
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        return (local.toLocalTime().isBefore(rollover) ? local.toLocalDate().minusDays(1) : local.toLocalDate())
                .toString();
    }

    /** True when the local time lies outside [open, close). */
    public static boolean closed(Instant t, ZoneId zone, BusinessHours hours) {
        LocalTime time = LocalDateTime.ofInstant(t, zone).toLocalTime();
        return time.isBefore(hours.open()) || !time.isBefore(hours.close());
    }
}
