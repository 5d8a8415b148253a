package io.hallq.controller.hall;

import io.hallq.controller.config.LoadedConfig;
import java.time.Clock;

/**
 * What a {@link HallModule} gets: the controller, the loaded configuration (its raw tree holds the module's
 * own section, read with {@link LoadedConfig#section}), and the clock the controller uses.
 */
public record HallContext(HallController hall, LoadedConfig loaded, Clock clock) {}
