package io.hallq.controller.queue;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who asked for a manager action ({@link Command.By}): the source and the name, "web:alice" or "mqtt:central". The
 * engine copies it into the events that change the hall's set-up (field {@code by}), so the journal and central
 * systems know who switched a service off. Checked when built: 1-64 letters, digits or '_.@:-'.
 */
public record Actor(String name) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.@:-]{1,64}");
    private static final String MQTT = "mqtt:";

    public Actor {
        if (name == null || !FORM.matcher(name).matches()) {
            throw new IllegalArgumentException("an actor is 1-64 letters, digits or '_.@:-', not " + name);
        }
    }

    /** An actor's name as journaled; empty when it cannot be one. */
    public static Optional<Actor> parse(String name) {
        return name != null && FORM.matcher(name).matches() ? Optional.of(new Actor(name)) : Optional.empty();
    }

    /** A logged-in web user ("web:alice"). */
    public static Actor web(String user) {
        return new Actor("web:" + user);
    }

    /** An MQTT issuer, the last segment of its command topic ("mqtt:central"). */
    public static Actor mqtt(String issuer) {
        return new Actor(MQTT + issuer);
    }

    /** The MQTT issuer a journaled actor names, or the actor itself for other sources (null stays null). */
    public static String issuerOf(String name) {
        return name != null && name.startsWith(MQTT) ? name.substring(MQTT.length()) : name;
    }

    @Override
    public String toString() {
        return name;
    }
}
