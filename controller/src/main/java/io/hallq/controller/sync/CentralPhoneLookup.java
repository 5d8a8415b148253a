package io.hallq.controller.sync;

import io.hallq.controller.device.CentralLookup;
import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.mqtt.Decoded;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.PhoneLookupReply;
import io.hallq.protocol.mqtt.PhoneLookupRequest;
import io.hallq.protocol.mqtt.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The brand/VIP lookup through central (issue #14, seed 001): a typed number's class is asked of central over MQTT
 * request/response ({@link PhoneLookupRequest} on {@code lookup/request}, {@link PhoneLookupReply} on
 * {@code lookup/reply}, matched by a fresh id). The number is sent only as its keyed hash
 * ({@link PhoneNumber#keyedHash}: HMAC-SHA256 under the hall's lookup key). The answer is awaited at most {@code timeout}; not connected, a failed publish, no answer in time, an
 * unknown class or too many lookups in flight all give empty at once or at the timeout, so the dispenser falls
 * back to its local list and never waits longer. Nothing here logs a number or its hash.
 */
public final class CentralPhoneLookup implements CentralLookup {

    /** Lookups awaiting an answer at once; beyond, a lookup is not sent (the local list answers). */
    static final int MAX_IN_FLIGHT = 64;

    /** Settings from {@code mqtt.lookup}: the key shared with central and the wait. */
    public record Settings(byte[] key, Duration timeout) {
        @Override
        public String toString() {
            return "Settings[key=(hidden), timeout=" + timeout + "]";
        }
    }

    /** What happened to the lookups so far (for tests and the log). */
    public record Counts(long answered, long timedOut, long notAsked, long unknownClass) {}

    private final String hall;
    private final byte[] key;
    private final Duration timeout;
    private final Function<Outgoing, CompletableFuture<Void>> publish;
    private final BooleanSupplier connected;
    private final Clock clock;
    private final Set<String> classes;
    private final Map<String, CompletableFuture<Optional<PhoneLookupReply>>> pending = new ConcurrentHashMap<>();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong notAsked = new AtomicLong();
    private final AtomicLong unknownClass = new AtomicLong();

    /**
     * @param classes the hall's class codes: an answer naming another is not used
     * @param publish publishes on the MQTT link; completes when the broker took it
     */
    public CentralPhoneLookup(String hall, Settings settings, Set<String> classes,
                              Function<Outgoing, CompletableFuture<Void>> publish, BooleanSupplier connected,
                              Clock clock) {
        this.hall = hall;
        this.key = settings.key().clone();
        this.timeout = settings.timeout();
        this.classes = Set.copyOf(classes);
        this.publish = publish;
        this.connected = connected;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Optional<String>> classOf(PhoneNumber phone) {
        if (!connected.getAsBoolean() || pending.size() >= MAX_IN_FLIGHT) {
            notAsked.incrementAndGet();
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String id = UUID.randomUUID().toString();
        CompletableFuture<Optional<PhoneLookupReply>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        PhoneLookupRequest request = new PhoneLookupRequest(MqttCodec.VERSION, hall, id,
                phone.keyedHash(key), clock.instant());
        try {
            publish.apply(Outgoing.event(Topics.lookupRequest(hall), MqttCodec.encode(request)))
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            answer.complete(Optional.empty()); // not sent: no reason to wait
                        }
                    });
        } catch (RuntimeException e) {
            answer.complete(Optional.empty());
        }
        return answer.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS).handle((reply, e) -> {
            pending.remove(id);
            if (reply == null || e != null) {
                timedOut.incrementAndGet();
                return Optional.<String>empty();
            }
            if (reply.isEmpty()) {
                notAsked.incrementAndGet();
                return Optional.<String>empty();
            }
            answered.incrementAndGet();
            String cls = reply.get().found() ? reply.get().customerClass() : null;
            if (cls != null && !classes.contains(cls)) {
                unknownClass.incrementAndGet();
                Logger.warn("Central's phone lookup answered class '{}', which this hall does not have: local list"
                        + " used", cls);
                return Optional.<String>empty();
            }
            return Optional.ofNullable(cls);
        });
    }

    /** A message on our {@code lookup/reply} topic: completes its lookup, if still awaited; anything else ignored. */
    void reply(Inbound in) {
        if (in.retained()) {
            return; // an answer is never retained: a stale one from the broker's store
        }
        switch (MqttCodec.decode(in.payload(), PhoneLookupReply.class)) {
            case Decoded.Ok<PhoneLookupReply> ok when hall.equals(ok.value().hall()) -> {
                CompletableFuture<Optional<PhoneLookupReply>> waiting = pending.get(ok.value().id());
                if (waiting != null) {
                    waiting.complete(Optional.of(ok.value()));
                } else {
                    Logger.debug("Phone lookup answer after its timeout (or unknown id): ignored");
                }
            }
            case Decoded.Ok<PhoneLookupReply> other -> Logger.warn("Phone lookup answer for another hall ignored");
            case Decoded.Malformed<PhoneLookupReply> bad -> Logger.warn("Malformed phone lookup answer ignored: {}",
                    bad.reason());
        }
    }

    public Counts counts() {
        return new Counts(answered.get(), timedOut.get(), notAsked.get(), unknownClass.get());
    }
}
