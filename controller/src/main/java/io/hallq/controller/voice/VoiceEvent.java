package io.hallq.controller.voice;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of announcement, each with its own template per language and the placeholders it may use. */
public enum VoiceEvent {
    CALL("call", EnumSet.of(Placeholder.CHIME, Placeholder.TICKET, Placeholder.COUNTER, Placeholder.PAUSE)),
    RECALL("recall", EnumSet.of(Placeholder.CHIME, Placeholder.TICKET, Placeholder.COUNTER, Placeholder.PAUSE)),
    PRECALL("precall", EnumSet.of(Placeholder.CHIME, Placeholder.TICKETS, Placeholder.PAUSE)),
    UNAVAILABLE("unavailable", EnumSet.of(Placeholder.CHIME, Placeholder.SERVICE, Placeholder.REASON,
            Placeholder.PAUSE));

    private final String key;
    private final Set<Placeholder> placeholders;

    VoiceEvent(String key, Set<Placeholder> placeholders) {
        this.key = key;
        this.placeholders = placeholders;
    }

    /** The YAML key under {@code voice.templates.<language>}. */
    public String key() {
        return key;
    }

    /** Placeholders a template for this event may contain. */
    public Set<Placeholder> placeholders() {
        return EnumSet.copyOf(placeholders);
    }

    public boolean allows(Placeholder placeholder) {
        return placeholders.contains(placeholder);
    }

    /** The event for a YAML key, or null. */
    public static VoiceEvent ofKey(String key) {
        for (VoiceEvent e : values()) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        return null;
    }
}
