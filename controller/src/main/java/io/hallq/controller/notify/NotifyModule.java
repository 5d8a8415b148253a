package io.hallq.controller.notify;

import io.hallq.controller.config.SectionReader;
import io.hallq.controller.device.PrinterFault;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.hall.Outcome;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.Result;
import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.Audience;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.tinylog.Logger;

/**
 * Reaches people outside the hall by SMS: reminders to customers who left a number, tiered alerts to staff.
 * Reads durable events like every other module, through a cursor into the journal (so a restart misses nothing),
 * and journals every message before it goes out (NotificationRequested), when it went (NotificationSent), and
 * what became of it (NotificationDelivered, NotificationFailed). After a kill a requested message is sent once
 * the process is back; a sent one is never sent again (see docs/notifications.md for the one window where a
 * crash between the centre's answer and the journal write repeats a message).
 *
 * <p>One thread of its own, "hall-notify", does all of it: catching up with the journal, deciding reminders and
 * alerts, sending (rate-limited, blocking on the SMS centre). The controller's effects thread only wakes it.
 */
public final class NotifyModule implements HallModule {

    private static final Duration IDLE_WAKE = Duration.ofSeconds(1);
    private static final int BATCH = 500;

    private final UnaryOperator<NotifyConfig.Sms> smsOverride;
    private final Clock clockOverride;
    private final Semaphore wake = new Semaphore(0);
    private final ConcurrentLinkedQueue<String[]> receipts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String[]> optIns = new ConcurrentLinkedQueue<>();
    /** A typed number on its way to the vault, with the business day it belongs to. */
    private record Kept(String day, PhoneNumber phone) {}

    /** token -> number to keep, from the dispenser's thread to the worker. */
    private final java.util.concurrent.ConcurrentHashMap<String, Kept> toKeep =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Verification codes handed over by the web server, bounded ({@link DirectTexts#MAX_QUEUED}). */
    private final DirectTexts direct = new DirectTexts();
    private volatile boolean running;
    private Thread worker;
    private HallController hall;
    private Clock clock;
    private NotifyConfig config;
    private PhoneVault vault;
    private Optional<SmsChannel> channel = Optional.empty();
    private NotificationLedger ledger;
    private SmsDispatch dispatch;
    private CustomerReminders reminders;
    private StaffAlerts staff;
    private PaperStock paper;
    private boolean historyDue = true;
    private long cursor;
    private String day;
    private boolean queueMoved;
    private volatile Snapshot snapshot = new Snapshot(List.of(), 0);
    private volatile java.util.Set<String> followedTickets = java.util.Set.of();
    /**
     * TICKET_OVERDUE alarms of today read at start (the replay): each may have been journaled while this module
     * was not running (the process down, or stopped between the alarm and its apology). The first round asks for
     * the apology of each; a request's id says whether it was asked for before, so it goes out once.
     */
    private final List<HallEvent.AlarmRaised> overdueBeforeStart = new java.util.ArrayList<>();
    private volatile io.hallq.controller.config.LoadedConfig loaded;
    /** Tests: no worker thread; the test runs the rounds ({@link #roundWith}). */
    private boolean manualRounds;

    /** With the SMPP channel the config names, on the controller's clock. */
    public NotifyModule() {
        this(UnaryOperator.identity(), null);
    }

    /**
     * @param smsOverride   changes the configured SMS centre (the emulator points it at its virtual one)
     * @param clockOverride the clock for reminders and escalation (tests), or null for the controller's
     */
    public NotifyModule(UnaryOperator<NotifyConfig.Sms> smsOverride, Clock clockOverride) {
        this.smsOverride = smsOverride;
        this.clockOverride = clockOverride;
    }

    /** The notify section's reader, for the one configuration check ({@code hallq check}). */
    public static final SectionReader SECTION = SectionReader.of("notify", NotifyConfigReader::read);

    @Override
    public String name() {
        return "notify";
    }

    @Override
    public Optional<SectionReader> section() {
        return Optional.of(SECTION);
    }

    @Override
    public void start(HallContext context) {
        loaded = context.loaded();
        Optional<NotifyConfig> read = NotifyConfigReader.read(context.loaded());
        if (read.isEmpty()) {
            return;
        }
        config = read.get();
        hall = context.hall();
        clock = clockOverride != null ? clockOverride : context.clock();
        vault = PhoneVault.open(config.keyFile(), config.vaultFile());
        ledger = new NotificationLedger();
        reminders = new CustomerReminders(config.reminders());
        staff = new StaffAlerts(config.staff());
        paper = new PaperStock(config.paper(), config.paper().file());
        channel = config.sms().map(s -> new SmppSmsChannel(smsOverride.apply(s), this::receipt));
        dispatch = new SmsDispatch(config, ledger, channel, vault, reminders, receipts, clock, this::record, direct);
        replayToday();
        running = true;
        if (!manualRounds) {
            worker = new Thread(this::run, "hall-notify");
            worker.setDaemon(true);
            worker.start();
        }
        hall.addListener(events -> wake.release());
        Logger.info("Notifications on: {}, {} pending from before the start, {} numbers kept", channel.isPresent()
                ? smsOverride.apply(config.sms().orElseThrow()) : "no SMS channel", ledger.pending().size(),
                vault.size());
    }

    /** The configuration this module was started with (for routes mounted by the web module after it). */
    public Optional<io.hallq.controller.config.LoadedConfig> loaded() {
        return Optional.ofNullable(loaded);
    }

    /** True once started with a {@code notify:} section that is not switched off. */
    public boolean enabled() {
        return vault != null;
    }

    /** Wakes the worker (tests with a controlled clock: after moving the clock on). */
    public void wake() {
        wake.release();
    }

    /** What the manager page shows: today's notifications, newest last. Safe from any thread. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Whether the worker, at its last round, followed {@code ticket} for reminders (tests). */
    boolean follows(String ticket) {
        return followedTickets.contains(ticket);
    }

    /** Today's notifications as last seen by the worker, and the paper stock estimate. */
    public record Snapshot(List<Line> lines, int pending, PaperStock.Estimate paper) {
        public Snapshot(List<Line> lines, int pending) {
            this(lines, pending, null);
        }
    }

    /** The paper stock the manager page sets (empty while notifications are off). */
    public Optional<PaperStock> paper() {
        return Optional.ofNullable(paper);
    }

    /** One notification: never a clear number. */
    public record Line(String id, Audience audience, String to, String purpose, String ticket, int tier,
                       String state, String error, Instant at) {}

    /** A receipt from the channel's thread: handed to the worker. */
    private void receipt(String messageId, String state) {
        receipts.add(new String[] {messageId, state});
        wake.release();
    }

    /**
     * A customer asks for the reminders of a ticket that is already in the queue: on the mobile ticket page (no
     * number typed at the dispenser), or by taking a remote ticket on the booking page with a verified number. As
     * at the dispenser, the number is handed to the worker, which keeps it encrypted (a file write and fsync, not
     * on the caller's thread: a Vert.x event loop) and follows the ticket from its next round. Safe from any
     * thread.
     */
    public void optIn(String token, PhoneNumber phone) {
        if (vault == null) {
            throw new IllegalStateException("notifications are off");
        }
        toKeep.put(token, new Kept(businessDay(), phone)); // before the opt-in: takeOptIns stores it first
        optIns.add(new String[] {token, phone.masked()});
        wake.release();
    }

    /**
     * Sends a one-time text to a customer's phone now (the booking page's verification code), ahead of nothing
     * but the messages already due. The clear number and the text stay in memory only until the message is sent
     * or given up; the journal gets a NotificationRequested (purpose {@link Purpose#VERIFICATION}) with the number
     * masked and {@code journaledText} in place of the text, so no code is ever on disk or on the wire. Safe from
     * any thread.
     *
     * @param validFor after this long the text is useless: it is given up instead of sent late
     * @return false when no SMS can be sent (notifications off, no SMS centre configured) or too many are queued
     */
    public boolean sendDirect(PhoneNumber phone, String text, String journaledText, Duration validFor) {
        if (vault == null || config.sms().isEmpty()) {
            return false;
        }
        if (!direct.offer(phone, text, journaledText, clock.instant().plus(validFor))) {
            return false;
        }
        wake.release();
        return true;
    }

    /** True when this hall texts customers their reminders (notifications and reminders on). */
    public boolean remindsCustomers() {
        return vault != null && config.reminders().enabled();
    }

    /** True when this hall can text a customer (notifications on, with an SMS centre). */
    public boolean canText() {
        return vault != null && config.sms().isPresent();
    }

    /** Keeps the number a customer typed at the dispenser for the ticket that gets {@code token}. */
    public void keepPhone(String token, PhoneNumber phone) {
        if (vault != null) {
            // the vault writes and fsyncs: not on the dispenser's scan thread. The worker stores it first thing in
            // a round, or, when the ticket's TicketIssued (always submitted after this call) is read in the same
            // round that started before the hand-over, right before reading it.
            toKeep.put(token, new Kept(businessDay(), phone));
            wake.release();
        }
    }

    /** Numbers handed over by the dispenser, into the vault; first thing of every round. */
    private void storeHandedOver() {
        for (String token : List.copyOf(toKeep.keySet())) {
            Kept kept = toKeep.get(token);
            vault.keep(kept.day(), token, kept.phone());
            toKeep.remove(token);
        }
    }

    /** The dispenser's hand-over: typed numbers in, the ticket's SMS note out. */
    public io.hallq.controller.device.PhoneKeeper phoneKeeper() {
        return new io.hallq.controller.device.PhoneKeeper() {
            @Override
            public void keep(String token, PhoneNumber phone) {
                keepPhone(token, phone);
            }

            @Override
            public Optional<String[]> ticketNote(String token) {
                return NotifyModule.this.ticketNote(token);
            }
        };
    }

    /** What the paper ticket with {@code token} says about its SMS reminder, if one will be sent. */
    public Optional<String[]> ticketNote(String token) {
        if (vault == null || !config.reminders().enabled() || !(toKeep.containsKey(token) || vault.has(token))) {
            return Optional.empty();
        }
        int n = config.reminders().ahead();
        return Optional.of(new String[] {"短信提醒:前面剩" + n + "人时通知您", "SMS reminder when " + n + " are ahead"});
    }

    /** The business day a ticket issued now belongs to (the day may not have started in the journal yet). */
    private String businessDay() {
        var h = hall.config();
        return io.hallq.controller.queue.BusinessDay.of(clock.instant(), h.hall().zone(), h.hours().dayRollover());
    }

    private void replayToday() {
        Optional<String> today = hall.currentDay();
        List<JournaledEvent> events = today.map(hall::eventsOfDay).orElse(List.of());
        cursor = events.isEmpty() ? hall.lastSequence() : events.get(events.size() - 1).sequence();
        day = today.orElse("");
        vault.keepOnly(day);
        events.forEach(e -> apply(e.event(), true));
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(IDLE_WAKE.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                round();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Logger.error(e, "Notification round failed; trying again");
            }
        }
    }

    /** Tests: started without a worker thread, the test runs each round on its own thread. Call before start. */
    NotifyModule manualRounds() {
        this.manualRounds = true;
        return this;
    }

    /** One round: catch up with the journal, decide, send what is due. */
    void round() {
        roundWith(() -> {});
    }

    /**
     * One round with {@code afterStoring} run between storing the handed-over numbers and catching up with the
     * journal: what another thread may do at that moment of a worker's round (tests).
     */
    void roundWith(Runnable afterStoring) {
        storeHandedOver();
        afterStoring.run();
        catchUp();
        takeOptIns();
        for (HallEvent.AlarmRaised a : overdueBeforeStart) {
            overdue(a);
        }
        overdueBeforeStart.clear();
        Instant now = clock.instant();
        takeDirect(now);
        if (reminders.any() && queueMoved) {
            queueMoved = false;
            Map<String, Integer> ahead = hall.query(reminders.aheadQuery(now)).join();
            for (CustomerReminders.Due due : reminders.dueAhead(ahead)) {
                request(reminders.request(now, day, due, config.templates(), hallName()));
            }
        }
        for (HallEvent.NotificationRequested r : staff.due(now, day, config.templates(),
                hall.config().hall().nameZh(), hall.config().hall().nameEn())) {
            request(r);
        }
        if (historyDue) {
            historyDue = false;
            paper.history(printedPerPastDay());
        }
        paper.low().ifPresent(e -> stockWarning(now, e));
        dispatch.drainReceipts(now);
        dispatch.send(now);
        catchUp();
        publishSnapshot();
    }

    /** Tickets printed on each of the last 14 days before today that the journal still holds. */
    private List<Long> printedPerPastDay() {
        List<String> days = hall.journalDays().stream().filter(d -> !d.equals(day)).toList();
        return days.subList(Math.max(0, days.size() - 14), days.size()).stream()
                .map(d -> hall.eventsOfDay(d).stream().filter(e -> e.event() instanceof HallEvent.TicketPrinted)
                        .count()).toList();
    }

    private void stockWarning(Instant now, PaperStock.Estimate e) {
        for (NotifyConfig.Contact c : config.staff().tier(0)) {
            boolean zh = c.language().equals("zh");
            String text = config.templates().render(c.language(), Purpose.STOCK_WARNING, Map.of(
                    "hall", zh ? hall.config().hall().nameZh() : hall.config().hall().nameEn(),
                    "days", String.format("%.1f", e.daysLeft()), "rolls", Integer.toString(e.rolls())));
            request(new HallEvent.NotificationRequested(now, day + "/paper-stock/" + c.id(), "sms", Audience.STAFF,
                    c.id(), Purpose.STOCK_WARNING, null, null, 0, c.language(), text));
        }
    }

    private String hallName() {
        return config.reminders().language().equals("en") ? hall.config().hall().nameEn()
                : hall.config().hall().nameZh();
    }

    private void catchUp() {
        List<JournaledEvent> batch;
        do {
            batch = hall.eventsAfter(cursor, BATCH);
            for (JournaledEvent e : batch) {
                apply(e.event(), false);
                cursor = e.sequence();
            }
        } while (batch.size() == BATCH);
    }

    private void apply(HallEvent event, boolean replay) {
        if (ledger.apply(event)) {
            if (event instanceof HallEvent.NotificationRequested r && r.audience() == Audience.STAFF) {
                staff.alerted(r);
            }
            return;
        }
        switch (event) {
            case HallEvent.DayStarted d -> newDay(d.day(), replay);
            case HallEvent.TicketIssued t -> {
                if (t.token() != null && toKeep.containsKey(t.token())) {
                    // handed over after this round stored the numbers, and the ticket already journaled: store it
                    // now, or the ticket would never be followed (the dispenser hands over, then submits)
                    storeHandedOver();
                }
                if (t.token() != null && vault.has(t.token())) {
                    reminders.follow(new CustomerReminders.Followed(t.ticket(), t.token(), t.phoneMasked(), t.at()));
                }
                queueMoved = true;
            }
            case HallEvent.TicketCalled c -> left(c.ticket());
            case HallEvent.TicketServed s -> left(s.ticket());
            case HallEvent.TicketVoided v -> left(v.ticket());
            case HallEvent.TicketNoShow n when !n.requeued() -> left(n.ticket());
            case HallEvent.AlarmRaised a -> {
                if (a.alarmId().equals(PrinterFault.PAPER_ALARM_ID)) {
                    paper.nearEnd(true);
                }
                staff.raised(a);
                if (a.kind() == HallEvent.AlarmKind.TICKET_OVERDUE) {
                    if (replay) {
                        overdueBeforeStart.add(a); // asked for (once) in the first round
                    } else {
                        overdue(a);
                    }
                }
            }
            case HallEvent.AlarmCleared c -> {
                if (c.alarmId().equals(PrinterFault.PAPER_ALARM_ID)) {
                    if (replay) {
                        paper.nearEnd(false); // the store was counted down when it happened
                    } else {
                        paper.rollChanged();
                    }
                }
                staff.cleared(c.alarmId());
            }
            default -> queueMoved = true;
        }
    }

    private void newDay(String newDay, boolean replay) {
        if (!replay && !newDay.equals(day)) {
            for (NotificationLedger.Entry e : ledger.pending()) {
                record(new HallEvent.NotificationFailed(clock.instant(), e.request.id(), "the business day ended",
                        false));
            }
        }
        day = newDay;
        historyDue = true;
        ledger.clear();
        reminders.clear();
        overdueBeforeStart.clear();
        staff.clear();
        int gone = vault.keepOnly(newDay);
        if (gone > 0) {
            Logger.info("Business day {} started: {} kept phone numbers of earlier days deleted", newDay, gone);
        }
    }

    /** A called, served or voided ticket is no longer followed; its number goes once nothing waits to be sent. */
    private void left(String ticket) {
        queueMoved = true;
        reminders.leave(ticket).ifPresent(f -> {
            boolean waiting = ledger.pending().stream().anyMatch(e -> ticket.equals(e.request.ticket()));
            if (!waiting) {
                vault.forget(f.token());
            }
        });
    }

    private void overdue(HallEvent.AlarmRaised a) {
        Map<String, Integer> ahead = hall.query(reminders.aheadQuery(clock.instant())).join();
        reminders.dueOverdue(a, ahead).ifPresent(due -> request(reminders.request(clock.instant(), day, due,
                config.templates(), hallName())));
    }

    private void takeOptIns() {
        storeHandedOver(); // every opt-in polled below handed its number over before it was queued
        String[] o;
        while ((o = optIns.poll()) != null) {
            String token = o[0];
            String masked = o[1];
            hall.query(s -> s.ticketByToken(token).map(t -> new CustomerReminders.Followed(t.number(), token, masked, t.issuedAt())))
                    .join().ifPresent(f -> {
                        reminders.follow(f);
                        queueMoved = true;
                    });
        }
    }

    /** Journals the direct texts handed over (codes), masked and without their text; the dispatch sends them. */
    private void takeDirect(Instant now) {
        DirectTexts.Queued q;
        while ((q = direct.poll()) != null) {
            String id = day + "/direct/" + java.util.UUID.randomUUID();
            if (!now.isBefore(q.until())) {
                continue;
            }
            direct.hold(id, q);
            HallEvent.NotificationRequested r = new HallEvent.NotificationRequested(now, id, "sms", Audience.CUSTOMER,
                    q.phone().masked(), Purpose.VERIFICATION, null, null, 0,
                    "zh", q.journaledText());
            if (!ledger.known(id) && record(r)) {
                ledger.apply(r);
            } else {
                direct.release(id);
            }
        }
        direct.dropExpired(now);
    }

    /** Journals a request once: the id says whether it was asked for before (in this run or an earlier one). */
    private void request(HallEvent.NotificationRequested r) {
        if (ledger.known(r.id())) {
            return;
        }
        if (record(r)) {
            ledger.apply(r); // the catch-up sees it again; applying a request twice changes nothing
        }
    }

    private boolean record(HallEvent event) {
        Outcome o = hall.submit(new Command.RecordNotification(event)).join();
        if (o.result() instanceof Result.Rejected r) {
            Logger.error("Notification record refused: {}", r.message());
            return false;
        }
        return true;
    }

    private void publishSnapshot() {
        List<Line> lines = ledger.all().stream().map(e -> new Line(e.request.id(), e.request.audience(),
                e.request.to(), e.request.purpose(), e.request.ticket(), e.request.tier(), e.state.name(),
                e.lastError, e.at)).toList();
        snapshot = new Snapshot(lines, (int) lines.stream().filter(l -> l.state().equals("PENDING")).count(),
                paper.estimate());
        followedTickets = reminders.tickets();
    }

    @Override
    public void close() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channel.ifPresent(SmsChannel::close);
    }
}
