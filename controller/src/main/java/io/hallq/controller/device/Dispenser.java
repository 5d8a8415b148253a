package io.hallq.controller.device;

import io.hallq.controller.device.DevicesConfig.NearEndPolicy;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.event.HallEvent;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The ticket dispenser: a lit button per service, an optional phone keypad, the printer. A press becomes
 * {@link Command.IssueTicket} with a fresh token; the ticket is printed only once its TicketIssued event is
 * durable, journaled as printed once the printer took it, and voided if printing fails (or, after a power cut,
 * at the next start if it was never confirmed), so no ticket waits that nobody holds. While the printer has a fault
 * the buttons blink and nothing is issued. Scanning runs on the device thread, printing on the printer thread.
 */
public final class Dispenser {

    /** A service button as wired. */
    public record Button(String service, InputPin pin, OutputPin light, KeyDebouncer debouncer) {}

    static final long BLINK_HALF_PERIOD_MS = 500;

    private final HallController hall;
    private final List<Button> buttons;
    private final MatrixKeypad phoneKeypad;
    private final PhoneEntry phone;
    private final PhoneLookup lookup;
    private final DeviceAlarms alarms;
    private final PrintQueue printing;
    private final NearEndPolicy nearEnd;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> pendingTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
    private volatile PrinterStatus printer = PrinterStatus.OK;
    private Consumer<String> notice = n -> { };
    private volatile PhoneKeeper phoneKeeper = PhoneKeeper.NONE;
    private volatile CentralLookup central = CentralLookup.NONE;
    /** The bookings' phone hash (null while the hall takes neither bookings nor remote tickets). */
    private volatile io.hallq.controller.appointments.PhoneHasher hasher;

    public Dispenser(HallController hall, List<Button> buttons, MatrixKeypad phoneKeypad, PhoneEntry phone,
                     PhoneLookup lookup, DeviceAlarms alarms, PrintQueue printing, NearEndPolicy nearEnd) {
        this.hall = hall;
        this.buttons = List.copyOf(buttons);
        this.phoneKeypad = phoneKeypad;
        this.phone = phone;
        this.lookup = lookup;
        this.alarms = alarms;
        this.printing = printing;
        this.nearEnd = nearEnd;
    }

    /** Where the customer notice goes (a screen, the log): null when there is nothing to tell. */
    public void onNotice(Consumer<String> notice) {
        this.notice = notice;
    }

    /** Where typed numbers go for SMS reminders (the notification module), unless the customer declined. */
    public void keepPhonesWith(PhoneKeeper keeper) {
        this.phoneKeeper = keeper;
    }

    /**
     * Where typed numbers are looked up first (central over MQTT, with a short timeout); the local list and then
     * the walk-in class are the fallbacks.
     */
    public void lookUpCentrallyWith(CentralLookup central) {
        this.central = central;
    }

    public void start() {
        var appointments = hall.config().appointments();
        if (appointments.enabled() || appointments.remoteTickets()) {
            hasher = io.hallq.controller.appointments.PhoneHasher.of(hall.config()); // reads (or makes) the key now
        }
        hall.query(s -> {
            buttons.forEach(b -> enabled.put(b.service(), s.serviceState(b.service()).enabled()));
            return null;
        }).join();
    }

    /** One scan of the buttons and the phone keypad; also drives the lights. */
    public void scan(long nowMs) {
        for (Button b : buttons) {
            switch (b.debouncer().sample(!b.pin().high(), nowMs)) {
                case PRESSED -> press(b.service(), nowMs);
                case RATE_LIMITED -> Logger.debug("Button {} pressed again too soon: ignored", b.service());
                case STUCK -> alarms.stuckKey(DeviceAlarms.BUTTON_PREFIX + b.service(), "取号按键 " + b.service() + " 卡住",
                        "Dispenser button " + b.service() + " stuck");
                case UNSTUCK -> alarms.clear(DeviceAlarms.BUTTON_PREFIX + b.service());
                default -> { }
            }
        }
        if (phoneKeypad != null) {
            for (MatrixKeypad.KeySignal k : phoneKeypad.scan(nowMs)) {
                if (k.signal() == KeyDebouncer.Signal.PRESSED) {
                    phone.key(k.key(), nowMs);
                } else if (k.signal() == KeyDebouncer.Signal.STUCK) {
                    alarms.stuckKey(DeviceAlarms.PHONE_KEYPAD, "号码键盘按键卡住", "Phone keypad key stuck");
                } else if (k.signal() == KeyDebouncer.Signal.UNSTUCK) {
                    alarms.clear(DeviceAlarms.PHONE_KEYPAD);
                }
            }
            phone.expire(nowMs);
        }
        lights(nowMs);
    }

    private void lights(long nowMs) {
        boolean blinkOn = nowMs / BLINK_HALF_PERIOD_MS % 2 == 0;
        for (Button b : buttons) {
            b.light().set(stopped() ? blinkOn : enabled.getOrDefault(b.service(), false));
        }
    }

    private boolean stopped() {
        PrinterStatus p = printer;
        return p.fault() || (nearEnd == NearEndPolicy.STOP && p.paperNearEnd());
    }

    private void press(String service, long nowMs) {
        PhoneEntry.Typed entry = phone.takeEntry(nowMs);
        String typed = entry.phone();
        if (stopped()) {
            Logger.info("Button {} pressed while the printer cannot print: no ticket", service);
            return;
        }
        if (!enabled.getOrDefault(service, false)) {
            Logger.info("Button {} pressed while the service is off: no ticket", service);
            return;
        }
        String masked = typed == null ? null : PhoneNumbers.mask(typed);
        String phoneHash = typed == null || hasher == null ? null : hasher.hash(typed);
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        pendingTokens.add(token);
        if (typed != null && !entry.smsDeclined()) {
            phoneKeeper.keep(token, typed);
        }
        if (typed == null) {
            issue(service, null, null, null, token);
            return;
        }
        // central (bounded by its timeout), then the local list, then walk-in; the scan goes on meanwhile
        CentralLookup.thenLocal(central, lookup).apply(typed)
                .thenAccept(cls -> issue(service, cls.orElse(null), masked, phoneHash, token));
    }

    /**
     * With a typed number in a hall that takes bookings or remote tickets, the press is a check-in: the engine
     * redeems the phone's booking (a ticket marked 预约 / Appointment) or checks its remote ticket in, and issues a
     * walk-in ticket when there is neither (docs/appointments.md).
     */
    private void issue(String service, String cls, String masked, String phoneHash, String token) {
        Command command = phoneHash == null ? new Command.IssueTicket(service, cls, masked, token, true)
                : new Command.CheckIn(service, cls, masked, phoneHash, token, true, true);
        hall.submit(command).thenAccept(outcome -> {
            if (outcome.result() instanceof Result.Rejected r) {
                pendingTokens.remove(token);
                notice.accept(r.message());
                Logger.info("No ticket for {}: {}", service, r.message());
            }
        });
    }

    /** Durable events: prints this dispenser's tickets and follows the services' on/off state. */
    public void on(HallEvent event) {
        switch (event) {
            case HallEvent.TicketIssued t when t.token() != null && pendingTokens.remove(t.token()) ->
                    printing.print(t, this::printed, this::printFailed);
            case HallEvent.TicketCheckedIn c when c.token() != null && pendingTokens.remove(c.token()) ->
                    printCheckedIn(c);
            case HallEvent.ServiceChanged s -> enabled.computeIfPresent(s.service(), (k, v) -> s.enabled());
            default -> { }
        }
    }

    /**
     * A remote ticket checked in here: its paper is printed (marked 线上取号 / Remote ticket, with the QR code of
     * its own mobile page). It already waits, so a failed print voids nothing: the customer is told and keeps the
     * phone's page.
     */
    private void printCheckedIn(HallEvent.TicketCheckedIn c) {
        hall.query(s -> {
            var t = s.ticket(c.ticket());
            return t == null ? null : new HallEvent.TicketIssued(c.at(), t.number(), t.service(), t.customerClass(),
                    t.rank(), c.peopleAhead(), c.estimatedWaitSeconds(), t.vipRoom(), false, t.phoneMasked(),
                    t.token(), false, HallEvent.TicketOrigin.REMOTE, null, null);
        }).thenAccept(paper -> {
            if (paper != null) {
                printing.print(paper, p -> Logger.info("Remote ticket {} checked in and printed", p.ticket()),
                        (p, reason) -> {
                            Logger.warn("Remote ticket {} checked in but not printed: {}", p.ticket(), reason);
                            notice.accept("已签到 " + p.ticket() + ",打印失败,请以手机页面为准 / Checked in "
                                    + p.ticket() + "; the ticket did not print, please follow it on your phone");
                        });
            }
        });
    }

    /** The customer holds it now: journaled, so a restart does not void it. */
    private void printed(HallEvent.TicketIssued t) {
        hall.submit(new Command.MarkPrinted(t.ticket())).thenAccept(o -> {
            if (o.result() instanceof Result.Rejected r) {
                Logger.warn("Ticket {} printed but not marked printed: {}", t.ticket(), r.message());
            }
        });
    }

    private void printFailed(HallEvent.TicketIssued t, String reason) {
        Logger.warn("Ticket {} not printed ({}): voiding it", t.ticket(), reason);
        hall.submit(new Command.VoidTicket(t.ticket(), "print failed: " + reason));
    }

    /** The printer's latest status, from the printer monitor. */
    public void printerStatus(PrinterStatus status) {
        PrinterStatus before = printer;
        printer = status;
        if (status.fault() && !before.fault()) {
            notice.accept(status.message()[0] + " / " + status.message()[1]);
        } else if (!status.fault() && before.fault()) {
            notice.accept(null);
        }
    }
}
