package io.hallq.controller.hall;

import io.hallq.controller.config.SectionReader;
import java.util.Optional;

/**
 * Something that runs beside the queue and talks to it only through {@link HallController}: device
 * drivers, voice, MQTT sync, the web server, the emulator's scripted traffic. Modules start after the
 * controller has recovered the day, in list order, and close in reverse order before the controller.
 * A module that cannot start throws with a message that says what is wrong (e.g. naming a config key).
 */
public interface HallModule extends AutoCloseable {

    /** A short name for logs, e.g. "mqtt". */
    String name();

    /**
     * The reader of this module's own top-level section of the hall's YAML, if it has one. It is run with every
     * other section's before the journal is opened ({@link HallRuntime#start}, {@code ConfigCheck}), so a mistake
     * there is reported with all the others, not at this module's start.
     */
    default Optional<SectionReader> section() {
        return Optional.empty();
    }

    void start(HallContext context);

    @Override
    void close();
}
