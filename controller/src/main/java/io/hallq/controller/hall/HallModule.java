package io.hallq.controller.hall;

/**
 * Something that runs beside the queue and talks to it only through {@link HallController}: device
 * drivers, voice, MQTT sync, the web server, the emulator's scripted traffic. Modules start after the
 * controller has recovered the day, in list order, and close in reverse order before the controller.
 * A module that cannot start throws with a message that says what is wrong (e.g. naming a config key).
 */
public interface HallModule extends AutoCloseable {

    /** A short name for logs, e.g. "mqtt". */
    String name();

    void start(HallContext context);

    @Override
    void close();
}
