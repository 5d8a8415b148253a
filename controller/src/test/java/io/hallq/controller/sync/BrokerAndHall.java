package io.hallq.controller.sync;

import io.hallq.controller.MutableClock;
import io.hallq.controller.TestHalls;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up the integration tests of a hall on a real Mosquitto share: a temp folder, a controlled clock at
 * Monday 10:00 Shanghai, the {@link #broker} and the {@link #hall} on it. A test (or its {@code @BeforeEach})
 * starts them; after each test the hall is closed, then the broker. A subclass's own {@code @AfterEach} (for
 * what else it opened, e.g. a board or a central client) runs before this one, so the newest goes first.
 *
 * @param <H> the kind of running hall ({@link SyncHalls.Running}, {@link BoardHalls.Running})
 */
public abstract class BrokerAndHall<H extends AutoCloseable> {

    @TempDir
    protected Path dir;

    protected final MutableClock clock = new MutableClock(TestHalls.MONDAY_10AM);
    protected Mosquitto broker;
    protected H hall;

    /** Starts a broker persisting in the folder "broker" (so it can be stopped and started again). */
    protected Mosquitto startBroker() {
        broker = Mosquitto.start(dir.resolve("broker"));
        return broker;
    }

    /** The small test hall {@code id} with MQTT sync, its journal in the folder {@code id}, on {@link #broker}. */
    protected SyncHalls.Running syncHall(String id) {
        return syncHall(id, "");
    }

    /** As {@link #syncHall(String)}, with {@code moreMqtt} added to its mqtt section. */
    protected SyncHalls.Running syncHall(String id, String moreMqtt) {
        return SyncHalls.start(SyncHalls.loaded(id, dir.resolve(id), SyncHalls.mqtt(broker.uri(), moreMqtt)), clock);
    }

    /**
     * The small test hall {@code id} wired as on a Pi for a board of its own ({@link BoardHalls}), its journal in
     * the folder "hall", on {@link #broker}, with or without its web server.
     */
    protected BoardHalls.Running boardHall(String id, boolean web) {
        return BoardHalls.start(id, dir.resolve("hall"), broker.uri(), web, clock);
    }

    @AfterEach
    protected void closeHallThenBroker() throws Exception {
        try {
            if (hall != null) {
                hall.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
