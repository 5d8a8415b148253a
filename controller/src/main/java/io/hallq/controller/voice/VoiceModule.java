package io.hallq.controller.voice;

import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.config.SectionReader;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.controller.device.AmplifierSwitch;
import io.hallq.controller.hall.EventListener;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.notify.PreCallRule;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.TicketView;
import io.hallq.protocol.event.HallEvent;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Announces the hall's calls: reads the {@code voice:} section and the clip set at start, then turns durable
 * events into announcements (call, recall, pre-call of the next tickets when crowded, service unavailable).
 * A missing audio device is logged as a device alarm by the announcer and the hall keeps working.
 */
public final class VoiceModule implements HallModule, EventListener {

    /** The announcer's devices in DEVICE alarms ("voice-<device>"); the other device alarms are the device module's. */
    public static final String DEVICE_PREFIX = "voice-";

    private final Supplier<AudioSink> sink;
    private final AmplifierSwitch amplifier;
    private final VoiceListener listener;
    private HallController hall;
    private HallConfig config;
    private VoiceConfig voice;
    private Announcer announcer;

    /**
     * @param sink      where audio goes: Java Sound on the Pi, WAV files in the emulator and tests
     * @param amplifier the amplifier-enable output (a no-op where there is none)
     * @param listener  told of device alarms and of what was played
     */
    public VoiceModule(Supplier<AudioSink> sink, AmplifierSwitch amplifier, VoiceListener listener) {
        this.sink = sink;
        this.amplifier = amplifier;
        this.listener = listener;
    }

    /**
     * The {@code voice} section's reader, run by the configuration check before anything opens: the settings,
     * and the clip set they name (every clip the templates need, readable and in a format we play).
     */
    public static final SectionReader SECTION = SectionReader.of("voice", VoiceModule::read);

    private record Read(VoiceConfig voice, ClipSet clips) {}

    private static Read read(LoadedConfig loaded) {
        String file = loaded.file().toString();
        VoiceConfigReader.Result read = VoiceConfigReader.read(loaded.root().path("voice"), loaded.baseDir());
        if (!read.ok()) {
            throw new ConfigException(read.errors().stream().map(e -> file + ": " + e).toList());
        }
        ClipSet clips = switch (ClipSetLoader.load(read.config())) {
            case ClipSetLoader.Result.Loaded l -> l.clips();
            case ClipSetLoader.Result.Failed f -> throw new ConfigException(
                    f.errors().stream().map(e -> file + ": voice: " + e).toList());
        };
        return new Read(read.config(), clips);
    }

    @Override
    public String name() {
        return "voice";
    }

    @Override
    public java.util.Optional<SectionReader> section() {
        return java.util.Optional.of(SECTION);
    }

    @Override
    public void start(HallContext context) {
        hall = context.hall();
        config = hall.config();
        Read read = read(context.loaded());
        voice = read.voice();
        ClipSet clips = read.clips();
        // alarms of ours journaled before this start: cleared the first time that device works again
        String ours = QueueEngine.DEVICE_ALARM_PREFIX + DEVICE_PREFIX;
        Set<String> failing = hall.query(s -> s.alarms().keySet().stream().filter(id -> id.startsWith(ours))
                .map(id -> id.substring(ours.length())).collect(Collectors.toSet())).join();
        announcer = Announcer.start(voice, clips, sink.get(), amplifier,
                Clock.system(config.hall().zone()), new Journaling(listener), failing);
        hall.addListener(this);
    }

    @Override
    public void onEvents(List<JournaledEvent> events) {
        for (JournaledEvent je : events) {
            switch (je.event()) {
                case HallEvent.TicketCalled c -> {
                    submit(new Announcement.Call(c.ticket(), c.counter()));
                    preCallAfter(c);
                }
                case HallEvent.TicketRecalled r -> submit(new Announcement.Recall(r.ticket(), r.counter()));
                case HallEvent.ServiceChanged s when !s.enabled() && s.at().isAfter(java.time.Instant.EPOCH) -> {
                    ServiceConfig svc = config.service(s.service()).orElseThrow();
                    submit(new Announcement.ServiceUnavailable(svc.code(), svc.nameZh(), svc.nameEn(),
                            Announcement.Reason.TEMPORARILY_UNAVAILABLE));
                }
                default -> { }
            }
        }
    }

    /**
     * After a call, the called ticket's service asks its next customers to get ready when the hall's pre-call rule
     * ({@link PreCallRule}, the same the board shows) says so: early warning active, outside quiet hours, the
     * service busy. The rule is evaluated on the writer's state; the announcement is submitted from the answer.
     */
    private void preCallAfter(HallEvent.TicketCalled called) {
        hall.query(state -> {
            TicketView t = state.ticket(called.ticket());
            return t == null ? java.util.Optional.<PreCallRule.Group>empty()
                    : PreCallRule.forService(state, called.at(), t.service());
        }).thenAccept(group -> group.ifPresent(g -> submit(new Announcement.PreCall(g.tickets()))));
    }

    private void submit(Announcement a) {
        Announcer.Submitted result = announcer.announce(a);
        if (result == Announcer.Submitted.QUEUE_FULL || result == Announcer.Submitted.CLOSED) {
            Logger.warn("Announcement {} not queued: {}", a.describe(), result);
        }
    }

    /**
     * Turns the announcer's device alarms into journaled DEVICE alarms (so managers and central see them),
     * then tells the given listener. Called on the playback thread: submit never blocks.
     */
    private final class Journaling implements VoiceListener {
        private final VoiceListener next;

        Journaling(VoiceListener next) {
            this.next = next;
        }

        @Override
        public void deviceAlarm(String device, String detail) {
            hall.submit(new Command.DeviceFault(DEVICE_PREFIX + device, "广播设备故障:" + detail,
                    "Announcement device fault: " + detail));
            next.deviceAlarm(device, detail);
        }

        @Override
        public void deviceRecovered(String device) {
            hall.submit(new Command.DeviceRecovered(DEVICE_PREFIX + device));
            next.deviceRecovered(device);
        }

        @Override
        public void played(Announcement a) {
            next.played(a);
        }

        @Override
        public void dropped(Announcement a, String reason) {
            next.dropped(a, reason);
        }
    }

    /** Waits until everything queued has been played (for tests and orderly shutdown). */
    public boolean awaitIdle(java.time.Duration timeout) {
        return announcer == null || announcer.awaitIdle(timeout);
    }

    @Override
    public void close() {
        if (announcer != null) {
            announcer.close();
        }
    }
}
