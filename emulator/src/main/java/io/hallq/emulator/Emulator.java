package io.hallq.emulator;

import io.hallq.controller.HallWiring;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.device.HallDevices;
import io.hallq.controller.ticket.NearbyHalls;
import io.hallq.controller.voice.AudioSink;
import io.hallq.controller.voice.VoiceListener;
import io.hallq.controller.web.WebModule;
import io.hallq.controller.web.WebRoutes;
import io.hallq.controller.ConfigCheck;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.sync.MqttModule;
import io.hallq.controller.voice.WavFileSink;
import io.hallq.emulator.broker.EmbeddedBrokerModule;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.emulator.devices.EmulatedDevices;
import io.hallq.emulator.sms.SmsTwinRoutes;
import io.hallq.emulator.sms.VirtualSmsCentre;
import io.hallq.emulator.twin.TwinRoutes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.tinylog.Logger;

/**
 * A whole hall with no hardware: the real controller and journal, and the same modules a Pi runs, with
 * emulated devices in place of wired ones, plus scripted customers and staff.
 */
public final class Emulator implements AutoCloseable {

    private final HallRuntime runtime;
    private final EventLog log;

    private Emulator(HallRuntime runtime, EventLog log) {
        this.runtime = runtime;
        this.log = log;
    }

    /** Loads the hall, recovers its day from the journal and starts the modules. */
    public static Emulator start(EmulatorOptions options) {
        // the controller's own check, every section, before the journal is recovered
        LoadedConfig loaded = withDataDir(ConfigCheck.load(options.config(), ConfigCheck.SECTIONS.stream()
                .map(r -> r == WebModule.SECTION ? WebModule.EMULATOR_SECTION : r).toList()), options); // demo users
        HallConfig config = loaded.config();
        Logger.info("Starting hall {} ({} / {}) with its journal in {}", config.hall().id(), config.hall().nameZh(),
                config.hall().nameEn(), config.journal().dataDir());
        EventLog log = new EventLog();
        HallRuntime runtime = HallRuntime.startChecked(loaded, Clock.systemUTC(), modules(loaded, options, log));
        return new Emulator(runtime, log);
    }

    /** The modules of an emulated hall, in start order: the controller's own wiring with emulated parts. */
    static List<HallModule> modules(LoadedConfig loaded, EmulatorOptions options, EventLog log) {
        return HallWiring.modules(new EmulatedParts(Path.of(loaded.config().journal().dataDir()), options, log));
    }

    /**
     * The emulated parts swapped into the controller's wiring: virtual devices ({@link EmulatedDevices} around the
     * controller's own device module), announcements as WAV files, the embedded broker, the virtual SMS centre, the
     * twin's pages, and scripted customers and staff.
     */
    private static final class EmulatedParts implements HallWiring.Parts {
        private final Path dataDir;
        private final EmulatorOptions options;
        private final EventLog log;
        private final EmbeddedBrokerModule broker = new EmbeddedBrokerModule(); // before MQTT: it connects at once
        private final VirtualSmsCentre smsCentre = new VirtualSmsCentre(); // before notify, pointed at itself
        private EmulatedDevices devices;

        EmulatedParts(Path dataDir, EmulatorOptions options, EventLog log) {
            this.dataDir = dataDir;
            this.options = options;
            this.log = log;
        }

        @Override
        public List<HallModule> before() {
            return List.of(log, broker, smsCentre);
        }

        @Override
        public MqttModule mqtt() {
            return new MqttModule(broker::uri);
        }

        @Override
        public HallDevices devices(NearbyHalls nearby) {
            devices = new EmulatedDevices(UnaryOperator.identity(), nearby);
            return devices;
        }

        @Override
        public Supplier<AudioSink> sound() {
            return () -> WavFileSink.perAnnouncement(dataDir.resolve("announcements"), 50);
        }

        @Override
        public VoiceListener voiceListener() {
            return new VoiceAlarmLog();
        }

        @Override
        public NotifyModule notifications() {
            return new NotifyModule(smsCentre::redirect, null);
        }

        @Override
        public boolean emulatorWeb() {
            return true;
        }

        @Override
        public List<WebRoutes> routes(NotifyModule notify) {
            return List.of(new TwinRoutes(devices, dataDir.resolve("announcements")),
                    new SmsTwinRoutes(smsCentre, notify));
        }

        @Override
        public List<HallModule> after() {
            return List.of(new ScriptedTraffic(options.speed(), options.seed(), devices));
        }
    }

    private static LoadedConfig withDataDir(LoadedConfig loaded, EmulatorOptions options) {
        if (options.dataDir() == null) {
            return loaded;
        }
        HallConfig c = loaded.config();
        JournalConfig j = c.journal();
        HallConfig changed = new HallConfig(c.hall(), c.hours(), c.services(), c.classes(), c.counters(), c.alarms(),
                c.rules(), new JournalConfig(options.dataDir().toAbsolutePath().toString(), j.retentionDays(),
                j.snapshotEvery(), j.profileWeeks()), c.roster(), c.appointments());
        return new LoadedConfig(changed, loaded.root(), loaded.file());
    }

    public HallController hall() {
        return runtime.hall();
    }

    /** The running hall: the controller and its modules. */
    public HallRuntime runtime() {
        return runtime;
    }

    /** The board as the emulator's log shows it. */
    public String board() {
        return log.board().render();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
