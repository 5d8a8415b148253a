package io.hallq.controller.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The one reconnect backoff of the MQTT links (hall and board Pi) and the SMPP session. */
class ReconnectPolicyTest {

    @Test
    void waitsDoubleFromMinUpToMax() {
        ReconnectPolicy p = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 0);
        var attempts = p.attempts();
        Random r = new Random(1);
        assertEquals(Duration.ofSeconds(1), attempts.failed(r));
        assertEquals(Duration.ofSeconds(2), attempts.failed(r));
        assertEquals(Duration.ofSeconds(4), attempts.failed(r));
        assertEquals(Duration.ofSeconds(8), attempts.failed(r));
        assertEquals(Duration.ofSeconds(16), attempts.failed(r));
        assertEquals(Duration.ofSeconds(30), attempts.failed(r));
        for (int i = 0; i < 100; i++) {
            assertEquals(Duration.ofSeconds(30), attempts.failed(r)); // no overflow however long the broker is away
        }
    }

    @Test
    void aConnectStartsTheCountAgain() {
        var attempts = new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0).attempts();
        Random r = new Random(1);
        attempts.failed(r);
        attempts.failed(r);
        assertEquals(Duration.ofMillis(800), attempts.failed(r));
        attempts.reset();
        assertEquals(0, attempts.failures());
        assertEquals(Duration.ofMillis(200), attempts.failed(r));
    }

    @Test
    void theMqttSettingsGiveTheMqttPolicy() {
        MqttSettings s = new MqttSettings(true, java.net.URI.create("tcp://127.0.0.1:1883"), false, "hall-x",
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(10), 10, Duration.ofMillis(500),
                Duration.ofSeconds(5), java.util.Map.of(), java.util.List.of());
        assertEquals(ReconnectPolicy.mqtt(Duration.ofMillis(500), Duration.ofSeconds(5)), s.reconnect());
        assertEquals(ReconnectPolicy.MQTT_JITTER, s.reconnect().jitter());
    }

    @Test
    void refusesAPolicyThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.6));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN));
    }

    @Property
    void everyWaitIsWithinTheJitterOfItsNominalWaitAndNeverAboveMaxWithJitter(
            @ForAll @LongRange(min = 1, max = 60_000) long minMs, @ForAll @LongRange(min = 0, max = 600_000) long extraMs,
            @ForAll @IntRange(min = 0, max = 200) int failures, @ForAll long seed) {
        ReconnectPolicy p = ReconnectPolicy.mqtt(Duration.ofMillis(minMs), Duration.ofMillis(minMs + extraMs));
        long nominal = p.nominal(failures).toMillis();
        assertTrue(nominal >= minMs && nominal <= minMs + extraMs, "nominal " + nominal);
        long wait = p.delay(failures, new Random(seed)).toMillis();
        assertTrue(wait >= Math.floor(nominal * 0.8) && wait <= Math.ceil(nominal * 1.2),
                "wait " + wait + " for nominal " + nominal);
    }

    @Property
    void nominalWaitsNeverShrinkAsFailuresGrow(@ForAll @LongRange(min = 1, max = 60_000) long minMs,
                                              @ForAll @IntRange(min = 0, max = 100) int failures) {
        ReconnectPolicy p = new ReconnectPolicy(Duration.ofMillis(minMs), Duration.ofMinutes(10), 0);
        assertTrue(p.nominal(failures + 1).compareTo(p.nominal(failures)) >= 0);
    }
}
