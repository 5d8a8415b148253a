package io.hallq.emulator;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.hall.HallController;
import org.tinylog.Logger;

/** A whole hall with no hardware: the real controller, a journal on disk, scripted customers and staff. */
public final class Emulator implements AutoCloseable {

    private final HallController hall;
    private final ScriptedTraffic traffic;
    private final EventLog log = new EventLog();

    private Emulator(HallController hall, EmulatorOptions options) {
        this.hall = hall;
        hall.addListener(log);
        this.traffic = new ScriptedTraffic(hall, options.speed(), options.seed());
    }

    /** Loads the hall, recovers its day from the journal and starts the scripted traffic. */
    public static Emulator start(EmulatorOptions options) {
        HallConfig config = HallConfigLoader.load(options.config());
        if (options.dataDir() != null) {
            JournalConfig j = config.journal();
            config = new HallConfig(config.hall(), config.hours(), config.services(), config.classes(),
                    config.counters(), config.alarms(), config.rules(),
                    new JournalConfig(options.dataDir().toAbsolutePath().toString(), j.retentionDays(),
                            j.snapshotEvery()));
        }
        Logger.info("Starting hall {} ({} / {}) with its journal in {}", config.hall().id(), config.hall().nameZh(),
                config.hall().nameEn(), config.journal().dataDir());
        Emulator emulator = new Emulator(HallController.start(config), options);
        emulator.traffic.start();
        return emulator;
    }

    public HallController hall() {
        return hall;
    }

    /** The board as the emulator's log shows it. */
    public String board() {
        return log.board().render();
    }

    @Override
    public void close() {
        traffic.close();
        hall.close();
    }
}
