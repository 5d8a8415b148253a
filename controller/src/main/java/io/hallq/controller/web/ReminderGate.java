package io.hallq.controller.web;

import static io.hallq.controller.web.TokenBucket.minutes;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Limits on {@code POST /m/{token}/reminders}, the one route of the mobile ticket page that makes the hall keep
 * something (an encrypted number, written and fsynced) and may make it send an SMS to a number a stranger typed.
 * Its key is a ticket's link, which anyone who sees the ticket's QR code has, so each step is bounded:
 * <ul>
 *   <li>{@link Limits#perTicket} (3) numbers an hour for one ticket: the customer's own, and two corrections of a
 *       typo;</li>
 *   <li>{@link Limits#perAddress} (10) requests an hour from one client address, whatever the ticket (a phone asks
 *       for its own ticket or a companion's, not for dozens);</li>
 *   <li>at most {@link Limits#maxEntries} tickets and addresses each are remembered, the least recently used going
 *       first.</li>
 * </ul>
 * A request is counted when its body is well formed, before the ticket is looked up, so probing links costs the
 * address as much as using one. Thread-safe (one lock; a few map look-ups per request).
 */
final class ReminderGate {

    /** The gate's limits, per hour; {@link #DEFAULT} is what a hall gets. */
    record Limits(int perTicket, int perAddress, int maxEntries) {
        static final Limits DEFAULT = new Limits(3, 10, 10_000);
    }

    private static final Duration HOUR = Duration.ofHours(1);

    private final Limits limits;
    private final Clock clock;
    private final Map<String, TokenBucket> tickets;
    private final Map<String, TokenBucket> addresses;

    ReminderGate(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.tickets = TokenBucket.lru(limits.maxEntries());
        this.addresses = TokenBucket.lru(limits.maxEntries());
    }

    /** One request for {@code token}'s reminders from {@code address}: allowed (and counted), or why not now. */
    synchronized CustomerGate.Answer<Void> request(String token, String address) {
        long now = clock.millis();
        TokenBucket t = tickets.computeIfAbsent(token, k -> new TokenBucket(limits.perTicket(), HOUR, now));
        TokenBucket a = addresses.computeIfAbsent(address, k -> new TokenBucket(limits.perAddress(), HOUR, now));
        Duration waitTicket = t.waitFor(now);
        if (!waitTicket.isZero()) {
            return CustomerGate.Answer.refused("RATE_LIMITED", "at most " + limits.perTicket()
                    + " numbers an hour for one ticket; try again in " + minutes(waitTicket)
                    + " min / 此票号码修改过于频繁,请稍后再试", waitTicket);
        }
        Duration waitAddress = a.waitFor(now);
        if (!waitAddress.isZero()) {
            return CustomerGate.Answer.refused("RATE_LIMITED", "at most " + limits.perAddress()
                    + " requests an hour from one address; try again in " + minutes(waitAddress)
                    + " min / 操作过于频繁,请稍后再试", waitAddress);
        }
        t.take(now);
        a.take(now);
        return CustomerGate.Answer.ok(null);
    }

    /** Entries held now (tests: the memory bound). */
    synchronized int size() {
        return tickets.size() + addresses.size();
    }
}
