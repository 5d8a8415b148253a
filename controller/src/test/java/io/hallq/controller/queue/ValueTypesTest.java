package io.hallq.controller.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link TicketToken} and {@link Actor}: checked when built, so a bad one never gets further. */
class ValueTypesTest {

    @Test
    void aRandomToken_is128BitsInHex_andParsesBack() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            TicketToken t = TicketToken.random();
            assertTrue(t.value().matches("[0-9a-f]{32}"), t.value());
            assertEquals(t, TicketToken.parse(t.value()).orElseThrow());
            assertTrue(seen.add(t.value()), "a token came twice");
        }
    }

    @Test
    void tokensOfEarlierVersions_stillParse() {
        String web = "q3Zr-9_xYb2LmN0pQ7sT1w"; // the web kiosk's tokens before there was one kind
        assertEquals(web, TicketToken.parse(web).orElseThrow().value());
    }

    @Test
    void whatCannotBeAToken_parsesToNothing_andCannotBeBuilt() {
        for (String bad : new String[] {null, "", "short", "has space in it 12345", "../../etc/passwd-123456",
                "x".repeat(65), "ünïcödé-0123456789"}) {
            assertTrue(TicketToken.parse(bad).isEmpty(), String.valueOf(bad));
            assertThrows(IllegalArgumentException.class, () -> new TicketToken(bad), String.valueOf(bad));
        }
    }

    @Test
    void aToken_staysOutOfLogs() {
        TicketToken t = TicketToken.random();
        assertFalse(t.toString().contains(t.value()), t.toString());
    }

    @Test
    void actors_nameTheirSource() {
        assertEquals("web:alice", Actor.web("alice").name());
        assertEquals("mqtt:central", Actor.mqtt("central").name());
        assertEquals("central", Actor.issuerOf(Actor.mqtt("central").name()));
        assertEquals("web:alice", Actor.issuerOf("web:alice"));
        assertEquals(null, Actor.issuerOf(null));
        assertEquals(Actor.web("alice"), Actor.parse("web:alice").orElseThrow());
    }

    @Test
    void aBadActor_cannotBeBuilt() {
        for (String bad : new String[] {null, "", "web alice", "web:" + "a".repeat(61), "mqtt:中央"}) {
            assertTrue(Actor.parse(bad).isEmpty(), String.valueOf(bad));
            assertThrows(IllegalArgumentException.class, () -> new Actor(bad), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> Actor.mqtt("c".repeat(60)), "an issuer may be longer");
        assertNotEquals(Actor.web("a"), Actor.mqtt("a"));
    }
}
