package io.hallq.controller.voice;

import java.util.Locale;

/** The {@code {name}} tokens of a template and the clips each one becomes. */
public enum Placeholder {
    /** The chime clip ({@code chime.wav}). */
    CHIME,
    /** The ticket number spelled: letter clip then one digit clip per digit ("A 0 1 2"). */
    TICKET,
    /** The counter number read as a number ({@code number-N.wav}); digit by digit beyond the clip set's range. */
    COUNTER,
    /** Every ticket of a pre-call, each spelled like {@link #TICKET}, a pause between them. */
    TICKETS,
    /** The service's clip ({@code service-CODE.wav}), else {@code service-generic.wav}. */
    SERVICE,
    /** The reason clip ({@code reason-NAME.wav}). */
    REASON,
    /** Silence of {@code voice.pause}. */
    PAUSE;

    /** As written in a template, e.g. "{ticket}". */
    public String token() {
        return "{" + name().toLowerCase(Locale.ROOT) + "}";
    }

    /** The placeholder with the given name (without braces), or null. */
    public static Placeholder ofName(String name) {
        for (Placeholder p : values()) {
            if (p.name().toLowerCase(Locale.ROOT).equals(name)) {
                return p;
            }
        }
        return null;
    }
}
