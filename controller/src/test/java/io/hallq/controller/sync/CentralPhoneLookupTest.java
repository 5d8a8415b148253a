package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.mqtt.MqttCodec;
import io.hallq.protocol.mqtt.PhoneLookupReply;
import io.hallq.protocol.mqtt.PhoneLookupRequest;
import io.hallq.protocol.mqtt.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The hall's side of the central lookup, with the MQTT link replaced by a list of what it would publish. */
class CentralPhoneLookupTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

    private final List<Outgoing> published = new CopyOnWriteArrayList<>();
    private final AtomicBoolean connected = new AtomicBoolean(true);

    private CentralPhoneLookup lookup(Duration timeout) {
        return new CentralPhoneLookup("hall-a", new CentralPhoneLookup.Settings(KEY, timeout),
                Set.of("VIP", "GOTONE", "WALKIN"), o -> {
                    published.add(o);
                    return CompletableFuture.completedFuture(null);
                }, connected::get, CLOCK);
    }

    private PhoneLookupRequest request(int i) {
        return MqttCodec.decodeOrThrow(published.get(i).payload(), PhoneLookupRequest.class);
    }

    private static Inbound reply(PhoneLookupReply r) {
        return new Inbound(Topics.lookupReply(r.hall()), MqttCodec.encode(r), null, null);
    }

    @Test
    void theRequestCarriesTheKeyedHash_neverTheNumber_andTheAnswerCompletesTheLookup() throws Exception {
        CentralPhoneLookup l = lookup(Duration.ofSeconds(5));
        CompletableFuture<Optional<String>> f = l.classOf(PhoneNumber.parse("13900000001"));
        assertEquals(1, published.size());
        Outgoing out = published.get(0);
        assertEquals("hallq/v1/hall-a/lookup/request", out.topic());
        assertTrue(!new String(out.payload(), StandardCharsets.UTF_8).contains("13900000001"));
        PhoneLookupRequest req = request(0);
        assertEquals(PhoneNumber.parse("13900000001").keyedHash(KEY), req.phoneHash());
        assertTrue(!req.phoneHash().equals(PhoneNumber.parse("13900000001").keyedHash(
                "another-key-another-key-another-k".getBytes(StandardCharsets.UTF_8))), "the hash depends on the key");
        l.reply(reply(new PhoneLookupReply(1, "hall-a", req.id(), true, "VIP", CLOCK.instant())));
        assertEquals(Optional.of("VIP"), f.get(1, TimeUnit.SECONDS));
        assertEquals(new CentralPhoneLookup.Counts(1, 0, 0, 0), l.counts());
    }

    @Test
    void notFound_anUnknownClass_anotherHallsOrAMalformedAnswer_allGiveEmpty() throws Exception {
        CentralPhoneLookup l = lookup(Duration.ofMillis(300));
        CompletableFuture<Optional<String>> notFound = l.classOf(PhoneNumber.parse("13900000001"));
        l.reply(reply(new PhoneLookupReply(1, "hall-a", request(0).id(), false, null, CLOCK.instant())));
        assertEquals(Optional.empty(), notFound.get(1, TimeUnit.SECONDS));

        CompletableFuture<Optional<String>> unknown = l.classOf(PhoneNumber.parse("13900000001"));
        l.reply(reply(new PhoneLookupReply(1, "hall-a", request(1).id(), true, "PLATINUM", CLOCK.instant())));
        assertEquals(Optional.empty(), unknown.get(1, TimeUnit.SECONDS));

        CompletableFuture<Optional<String>> ignored = l.classOf(PhoneNumber.parse("13900000001"));
        l.reply(reply(new PhoneLookupReply(1, "hall-b", request(2).id(), true, "VIP", CLOCK.instant())));
        l.reply(new Inbound(Topics.lookupReply("hall-a"), "{\"v\":1,\"hall\":\"hall-a\"}".getBytes(), null, null));
        l.reply(new Inbound(Topics.lookupReply("hall-a"), MqttCodec.encode(new PhoneLookupReply(1, "hall-a",
                request(2).id(), true, "VIP", CLOCK.instant())), null, null, true)); // retained: stale
        assertEquals(Optional.empty(), ignored.get(5, TimeUnit.SECONDS), "none of them answered: the timeout");
        assertEquals(new CentralPhoneLookup.Counts(2, 1, 0, 1), l.counts());
    }

    @Test
    void notConnected_orTooManyInFlight_givesEmptyAtOnce_withoutPublishing() throws Exception {
        CentralPhoneLookup l = lookup(Duration.ofSeconds(5));
        connected.set(false);
        assertEquals(Optional.empty(), l.classOf(PhoneNumber.parse("13900000001")).getNow(Optional.of("not yet")));
        assertEquals(0, published.size());
        connected.set(true);
        for (int i = 0; i < CentralPhoneLookup.MAX_IN_FLIGHT; i++) {
            l.classOf(PhoneNumber.parse("1390000" + String.format("%04d", i)));
        }
        assertEquals(Optional.empty(), l.classOf(PhoneNumber.parse("13911111111")).getNow(Optional.of("not yet")));
        assertEquals(CentralPhoneLookup.MAX_IN_FLIGHT, published.size());
        assertEquals(2, l.counts().notAsked());
    }

    @Test
    void aFailedPublish_givesEmptyAtOnce() throws Exception {
        CentralPhoneLookup l = new CentralPhoneLookup("hall-a", new CentralPhoneLookup.Settings(KEY,
                Duration.ofSeconds(5)), Set.of("VIP"), o -> CompletableFuture.failedFuture(
                        new IllegalStateException("not connected to the broker")), () -> true, CLOCK);
        assertEquals(Optional.empty(), l.classOf(PhoneNumber.parse("13900000001")).get(1, TimeUnit.SECONDS));
    }
}
