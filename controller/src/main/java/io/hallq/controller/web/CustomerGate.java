package io.hallq.controller.web;

import static io.hallq.controller.web.TokenBucket.minutes;

import io.hallq.protocol.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The public booking page's gate: a customer proves a phone with a one-time code sent by SMS, and gets a
 * short-lived customer token for that phone; every step is rate-limited per phone, per client address and for
 * the whole hall (an SMS costs money, and a code request is the one thing a stranger can make the hall pay for).
 * <ul>
 *   <li>A code is 6 random digits, valid {@link Limits#codeLifetime} (5 min), good for {@link Limits#codeTries}
 *       (5) wrong guesses, after which it is void; a new code replaces the old one.</li>
 *   <li>Codes: one per phone every {@link Limits#resendAfter} (60 s), {@link Limits#codesPerPhone} (5) per phone
 *       and {@link Limits#codesPerAddress} (10) per client address an hour, {@link Limits#codesPerMinute} (30) a
 *       minute for the whole hall.</li>
 *   <li>Changes (book, cancel, join the queue): {@link Limits#actionsPerPhone} (10) per phone and
 *       {@link Limits#actionsPerAddress} (30) per address an hour.</li>
 *   <li>Memory is bounded: at most {@link Limits#maxEntries} phones, addresses and tokens each; the least recently
 *       used goes first (its limits start again, which the hall-wide code limit keeps cheap).</li>
 * </ul>
 * Phone numbers are kept in memory only, never logged ({@link Verified#toString} masks), and forgotten with their
 * token. Thread-safe (one lock; every operation is a few map look-ups).
 */
final class CustomerGate {

    /** The gate's limits; {@link #DEFAULT} is what a hall gets. */
    record Limits(Duration codeLifetime, int codeTries, Duration resendAfter, int codesPerPhone, int codesPerAddress,
                  int codesPerMinute, Duration verifiedFor, int actionsPerPhone, int actionsPerAddress,
                  int maxEntries) {
        static final Limits DEFAULT = new Limits(Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 5, 10, 30,
                Duration.ofMinutes(30), 10, 30, 10_000);
    }

    /** A verified phone behind a customer token. The number never shows in a log line or an answer. */
    record Verified(PhoneNumber phone, Instant until) {
        String masked() {
            return phone.masked();
        }
    }

    /** What became of a request: allowed (with a value), or refused with a stable code, a message and a wait. */
    record Answer<T>(T value, String refusal, String message, Duration retryAfter) {
        static <T> Answer<T> ok(T value) {
            return new Answer<>(value, null, null, Duration.ZERO);
        }

        static <T> Answer<T> refused(String code, String message, Duration retryAfter) {
            return new Answer<>(null, code, message, retryAfter);
        }

        boolean allowed() {
            return refusal == null;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration HOUR = Duration.ofHours(1);

    private final Limits limits;
    private final Clock clock;
    private final Map<String, PhoneState> phones;
    private final Map<String, TokenBucket> addresses;
    private final Map<String, Verified> tokens;
    private final TokenBucket hallCodes;

    CustomerGate(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.phones = TokenBucket.lru(limits.maxEntries());
        this.addresses = TokenBucket.lru(limits.maxEntries());
        this.tokens = TokenBucket.lru(limits.maxEntries());
        this.hallCodes = new TokenBucket(limits.codesPerMinute(), Duration.ofMinutes(1), clock.millis());
    }

    Limits limits() {
        return limits;
    }

    /** Per phone: the pending code and the phone's buckets. */
    private static final class PhoneState {
        String code;
        Instant codeUntil;
        int wrongTries;
        Instant lastSent = Instant.MIN;
        final TokenBucket codes;
        final TokenBucket actions;

        PhoneState(Limits l, long now) {
            codes = new TokenBucket(l.codesPerPhone(), HOUR, now);
            actions = new TokenBucket(l.actionsPerPhone(), HOUR, now);
        }
    }

    /**
     * A new code for {@code phone} asked from {@code address}: the code to send, or why not now. Counts against
     * the limits only when a code is handed out.
     */
    synchronized Answer<String> newCode(PhoneNumber phone, String address) {
        long now = clock.millis();
        Instant at = Instant.ofEpochMilli(now);
        PhoneState p = phones.computeIfAbsent(phone.digits(), k -> new PhoneState(limits, now));
        Duration sinceLast = p.lastSent.equals(Instant.MIN) ? null : Duration.between(p.lastSent, at);
        if (sinceLast != null && sinceLast.compareTo(limits.resendAfter()) < 0) {
            Duration wait = limits.resendAfter().minus(sinceLast);
            return Answer.refused("RATE_LIMITED", "a code was sent to this number " + sinceLast.toSeconds()
                    + " s ago; ask again in " + seconds(wait) + " s / 验证码已发送,请稍后再试", wait);
        }
        TokenBucket a = addresses.computeIfAbsent("codes " + address, k -> new TokenBucket(limits.codesPerAddress(), HOUR, now));
        Duration waitPhone = p.codes.waitFor(now);
        Duration waitAddress = a.waitFor(now);
        Duration waitHall = hallCodes.waitFor(now);
        if (!waitPhone.isZero()) {
            return Answer.refused("RATE_LIMITED", "at most " + limits.codesPerPhone() + " codes an hour per number;"
                    + " try again in " + minutes(waitPhone) + " min / 验证码请求过多,请稍后再试", waitPhone);
        }
        if (!waitAddress.isZero()) {
            return Answer.refused("RATE_LIMITED", "at most " + limits.codesPerAddress() + " codes an hour from one"
                    + " address; try again in " + minutes(waitAddress) + " min / 请求过多,请稍后再试", waitAddress);
        }
        if (!waitHall.isZero()) {
            return Answer.refused("BUSY", "the hall is sending many codes just now; try again in " + seconds(waitHall)
                    + " s / 系统繁忙,请稍后再试", waitHall);
        }
        p.codes.take(now);
        a.take(now);
        hallCodes.take(now);
        p.code = String.format("%06d", RANDOM.nextInt(1_000_000));
        p.codeUntil = at.plus(limits.codeLifetime());
        p.wrongTries = 0;
        p.lastSent = at;
        return Answer.ok(p.code);
    }

    /**
     * Checks {@code code} for {@code phone}: a customer token on success (the code is used up), else why not.
     * A wrong code counts; after {@link Limits#codeTries} wrong ones the code is void.
     */
    synchronized Answer<String> verify(PhoneNumber phone, String code) {
        Instant now = clock.instant();
        PhoneState p = phones.get(phone.digits());
        if (p == null || p.code == null || !now.isBefore(p.codeUntil)) {
            return Answer.refused("NO_CODE", "no valid code for this number; ask for a new one / 验证码已失效,请重新获取",
                    Duration.ZERO);
        }
        if (!MessageDigest.isEqual(p.code.getBytes(StandardCharsets.US_ASCII),
                code.getBytes(StandardCharsets.US_ASCII))) {
            p.wrongTries++;
            int left = limits.codeTries() - p.wrongTries;
            if (left <= 0) {
                p.code = null;
                return Answer.refused("TOO_MANY_TRIES", "too many wrong codes; this code is void, ask for a new one"
                        + " / 错误次数过多,验证码已作废,请重新获取", Duration.ZERO);
            }
            return Answer.refused("WRONG_CODE", "wrong code; " + left + " tries left / 验证码错误,还可尝试 " + left
                    + " 次", Duration.ZERO);
        }
        p.code = null;
        String token = Access.newToken();
        tokens.put(token, new Verified(phone, now.plus(limits.verifiedFor())));
        return Answer.ok(token);
    }

    /** The phone behind a customer token, while it is valid. */
    synchronized Optional<Verified> verified(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Verified v = tokens.get(token);
        if (v == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(v.until())) {
            tokens.remove(token);
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** Ends a customer token (the page's "log out"). */
    synchronized void forget(String token) {
        if (token != null) {
            tokens.remove(token);
        }
    }

    /** One change (book, cancel, join) for {@code phone} from {@code address}: allowed, or why not now. */
    synchronized Answer<Void> action(PhoneNumber phone, String address) {
        long now = clock.millis();
        PhoneState p = phones.computeIfAbsent(phone.digits(), k -> new PhoneState(limits, now));
        TokenBucket a = addresses.computeIfAbsent("actions " + address,
                k -> new TokenBucket(limits.actionsPerAddress(), HOUR, now));
        Duration waitPhone = p.actions.waitFor(now);
        Duration waitAddress = a.waitFor(now);
        if (!waitPhone.isZero()) {
            return Answer.refused("RATE_LIMITED", "at most " + limits.actionsPerPhone() + " changes an hour per"
                    + " number; try again in " + minutes(waitPhone) + " min / 操作过于频繁,请稍后再试", waitPhone);
        }
        if (!waitAddress.isZero()) {
            return Answer.refused("RATE_LIMITED", "at most " + limits.actionsPerAddress() + " changes an hour from"
                    + " one address; try again in " + minutes(waitAddress) + " min / 操作过于频繁,请稍后再试",
                    waitAddress);
        }
        p.actions.take(now);
        a.take(now);
        return Answer.ok(null);
    }

    /** Entries held now (tests: the memory bound). */
    synchronized int size() {
        return phones.size() + addresses.size() + tokens.size();
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

}
