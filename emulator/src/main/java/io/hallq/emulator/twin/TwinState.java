package io.hallq.emulator.twin;

import io.hallq.controller.config.HallConfig;
import io.hallq.emulator.devices.EmulatedDevices;
import io.hallq.emulator.devices.PrintedTicket;
import io.hallq.emulator.devices.VirtualMax7219;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the emulated devices into a {@link TwinView}. */
final class TwinState {

    static final int TICKETS_SHOWN = 6;
    static final int ANNOUNCEMENTS_SHOWN = 5;

    private final EmulatedDevices devices;
    private final HallConfig config;
    private final Path announcements;

    TwinState(EmulatedDevices devices, HallConfig config, Path announcements) {
        this.devices = devices;
        this.config = config;
        this.announcements = announcements;
    }

    /** @param serving counter number to the ticket the controller has at it */
    TwinView read(long seq, Map<Integer, String> serving) {
        List<TwinView.Button> buttons = config.services().stream().map(s -> {
            var b = devices.button(s.code());
            return new TwinView.Button(s.code(), s.nameZh(), s.nameEn(), b.isPresent(),
                    b.map(x -> x.lit()).orElse(false));
        }).toList();
        List<TwinView.Counter> counters = config.counters().stream().map(c -> {
            VirtualMax7219.Position d = devices.counterDisplay(c.number()).orElse(null);
            int ratings = 0;
            while (devices.ratingKey(c.number(), ratings + 1).isPresent()) {
                ratings++;
            }
            return new TwinView.Counter(c.number(), c.nameZh(), c.nameEn(),
                    devices.counterKeypad(c.number()).isPresent(), ratings, d == null ? null : d.digits().strip(),
                    d != null && d.lit(), d == null ? 0 : d.chip() + 1, d == null ? 0 : d.chain().chips(),
                    serving.get(c.number()));
        }).toList();
        return new TwinView(seq, config.hall().nameZh(), config.hall().nameEn(), buttons,
                devices.phoneKeypad().isPresent(), counters, tickets(), announcements(),
                devices.hallMatrix().map(VirtualMax7219::pixelText).orElse(null), devices.amplifierOn());
    }

    private List<TwinView.Printed> tickets() {
        List<PrintedTicket> all = devices.printer().tickets();
        List<TwinView.Printed> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < TICKETS_SHOWN; i--) {
            PrintedTicket t = all.get(i);
            out.add(new TwinView.Printed(t.texts(), t.qrPayload(), mobilePath(t.qrPayload()),
                    TwinRoutes.TICKET_IMAGE + i));
        }
        return out;
    }

    /** The QR code holds the hall's public mobile URL; the twin links to the same token on this server. */
    static String mobilePath(String qr) {
        if (qr == null || qr.isBlank()) {
            return null;
        }
        String token = qr.substring(qr.lastIndexOf('/') + 1);
        return token.matches("[A-Za-z0-9_-]{16,64}") ? "/m/" + token : null;
    }

    private List<String> announcements() {
        if (!Files.isDirectory(announcements)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(announcements)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wav"))
                    .sorted(Comparator.reverseOrder()).limit(ANNOUNCEMENTS_SHOWN).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

}
