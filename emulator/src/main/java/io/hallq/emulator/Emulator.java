package io.hallq.emulator;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.ConfigCheck;
import io.hallq.controller.config.JournalConfig;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.sync.BoardNoticeFeed;
import io.hallq.controller.sync.BoardPublisher;
import io.hallq.controller.sync.MqttModule;
import io.hallq.controller.voice.VoiceModule;
import io.hallq.controller.voice.WavFileSink;
import io.hallq.emulator.broker.EmbeddedBrokerModule;
import io.hallq.controller.web.WebModule;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.controller.web.AppointmentRoutes;
import io.hallq.controller.web.NotifyRoutes;
import io.hallq.emulator.devices.EmulatedDevices;
import io.hallq.emulator.sms.SmsTwinRoutes;
import io.hallq.emulator.sms.VirtualSmsCentre;
import io.hallq.emulator.twin.TwinRoutes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

    /** The modules of an emulated hall, in start order. */
    private static List<HallModule> modules(LoadedConfig loaded, EmulatorOptions options, EventLog log) {
        Path dataDir = Path.of(loaded.config().journal().dataDir());
        List<HallModule> modules = new ArrayList<>();
        modules.add(log);
        EmbeddedBrokerModule broker = new EmbeddedBrokerModule(); // before MQTT, so the hall connects at once
        MqttModule mqtt = new MqttModule(broker::uri);
        modules.addAll(List.of(broker, mqtt));
        EmulatedDevices devices = new EmulatedDevices(UnaryOperator.identity(), mqtt.neighbours()::nearbyHall);
        modules.add(devices);
        modules.add(new VoiceModule(() -> WavFileSink.perAnnouncement(dataDir.resolve("announcements"), 50),
                on -> devices.module().amplifier().ifPresent(a -> a.set(on)), new VoiceAlarmLog()));
        VirtualSmsCentre smsCentre = new VirtualSmsCentre(); // before notify, which it points at itself
        NotifyModule notify = new NotifyModule(smsCentre::redirect, null);
        devices.keepPhonesWith(notify.phoneKeeper());
        devices.lookUpCentrallyWith(mqtt.centralLookup()); // brand/VIP through central (mqtt.lookup), then the list
        modules.addAll(List.of(smsCentre, notify));
        modules.add(new io.hallq.controller.appointments.BookingCapacityModule()); // booking slots from the advice
        WebModule web = new WebModule(List.of(new TwinRoutes(devices, dataDir.resolve("announcements")),
                new NotifyRoutes(notify), new AppointmentRoutes(notify), new SmsTwinRoutes(smsCentre, notify)), true);
        modules.add(web);
        modules.add(new BoardPublisher(mqtt, web::onBoardView)); // the board topic, for a board on a Pi of its own
        modules.add(new BoardNoticeFeed(mqtt, web::showNeighbourSuggestions));
        modules.add(new ScriptedTraffic(options.speed(), options.seed(), devices));
        return modules;
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
