package io.hallq.controller;

import io.hallq.controller.appointments.BookingCapacityModule;
import io.hallq.controller.device.HallDevices;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.notify.NotifyModule;
import io.hallq.controller.sync.BoardNoticeFeed;
import io.hallq.controller.sync.BoardPublisher;
import io.hallq.controller.sync.MqttModule;
import io.hallq.controller.ticket.NearbyHalls;
import io.hallq.controller.voice.AudioSink;
import io.hallq.controller.voice.VoiceListener;
import io.hallq.controller.voice.VoiceModule;
import io.hallq.controller.web.AppointmentRoutes;
import io.hallq.controller.web.NotifyRoutes;
import io.hallq.controller.web.WebModule;
import io.hallq.controller.web.WebRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The hall's one module list, in start order: the Pi ({@link ControllerMain}), its class-data training start and
 * the emulator all run this wiring; what differs is only the {@link Parts} swapped in through its seams (wired or
 * virtual devices, a sound card or WAV files, an outside or an embedded broker, a real or a virtual SMS centre).
 *
 * <p>Start order (closed in reverse): {@link Parts#before} (emulated services the hall talks to), devices, voice,
 * MQTT, notifications, the booking capacity plan, web, the board topic publisher, the neighbours' notices on the board, {@link Parts#after}
 * (e.g. the emulator's scripted customers, which need everything else running).
 */
public final class HallWiring {

    private HallWiring() {}

    /**
     * What a hall is wired to. The wiring asks in this order, once each: {@link #before}, {@link #mqtt},
     * {@link #devices}, {@link #sound}, {@link #voiceListener}, {@link #notifications}, {@link #routes}, {@link #after}.
     */
    public interface Parts {

        /** The hall's devices; {@code nearby} is the MQTT module's neighbour advice for the tickets. */
        HallDevices devices(NearbyHalls nearby);

        /** The sound output of one announcement. */
        Supplier<AudioSink> sound();

        /** Who hears of announcements and sound faults besides the journal. */
        default VoiceListener voiceListener() {
            return VoiceListener.NONE;
        }

        /** The MQTT module (the broker of the {@code mqtt} section, or an embedded one). */
        default MqttModule mqtt() {
            return new MqttModule();
        }

        /** The notification module (the SMS centre of the {@code notify} section, or a virtual one). */
        default NotifyModule notifications() {
            return new NotifyModule();
        }

        /** Whether the web module reads its section as the emulator does (demo users allowed on loopback). */
        default boolean emulatorWeb() {
            return false;
        }

        /** Routes beside the hall's own (the emulator's twin pages); the notify module is the hall's. */
        default List<WebRoutes> routes(NotifyModule notify) {
            return List.of();
        }

        /** Modules started before the hall's own: services they connect to (an embedded broker, a virtual SMS centre). */
        default List<HallModule> before() {
            return List.of();
        }

        /** Modules started after the hall's own (scripted customers and staff). */
        default List<HallModule> after() {
            return List.of();
        }
    }

    /** The modules of a hall wired to {@code parts}, in start order. */
    public static List<HallModule> modules(Parts parts) {
        List<HallModule> modules = new ArrayList<>(parts.before());
        MqttModule mqtt = parts.mqtt(); // its neighbour advice is asked for each ticket printed
        HallDevices devices = parts.devices(mqtt.neighbours()::nearbyHall);
        VoiceModule voice = new VoiceModule(parts.sound(), on -> devices.amplifier().ifPresent(a -> a.set(on)),
                parts.voiceListener());
        NotifyModule notify = parts.notifications(); // SMS: idle without a notify section
        devices.keepPhonesWith(notify.phoneKeeper());
        devices.lookUpCentrallyWith(mqtt.centralLookup()); // brand/VIP through central (mqtt.lookup), then the list
        List<WebRoutes> routes = new ArrayList<>();
        routes.add(new NotifyRoutes(notify));
        routes.add(new AppointmentRoutes(notify)); // bookings and remote tickets; codes by SMS
        routes.addAll(parts.routes(notify));
        WebModule web = new WebModule(routes, parts.emulatorWeb())
                .lookUpCentrallyWith(mqtt.centralLookup()); // kiosk and remote tickets with a number, as the dispenser
        modules.addAll(List.of(devices, voice, mqtt, notify, new BookingCapacityModule(), web, new BoardPublisher(mqtt, web::onBoardView),
                new BoardNoticeFeed(mqtt, web::showNeighbourSuggestions)));
        modules.addAll(parts.after());
        return List.copyOf(modules);
    }
}
