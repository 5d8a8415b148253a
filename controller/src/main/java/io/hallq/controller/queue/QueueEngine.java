package io.hallq.controller.queue;

import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.QueueRules.TransferMode;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.controller.queue.Command.*;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.*;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue engine: a pure state machine. {@link #handle} takes a command and the wall-clock time and returns
 * the events it caused (already applied to {@link #state()}) or a rejection with a reason, which changes
 * nothing. No I/O, no threads, no clock of its own. Not thread-safe: one writer owns it.
 */
public final class QueueEngine {

    /** Satisfaction keys fitted at most (评价器: 3 or 4 keys). */
    public static final int MAX_RATING = 4;
    /** Prefix of the alarm ids of {@link DeviceFault}s. */
    public static final String DEVICE_ALARM_PREFIX = "DEVICE:";

    private final HallConfig config;
    private final QueueState state;
    private final List<HallEvent> pending = new ArrayList<>();
    private final HallAdmin admin;
    private final AppointmentDesk desk;
    /** Who asked for the command being handled ({@link By}), or null. */
    private String actor;

    public QueueEngine(HallConfig config) {
        this(new QueueState(config));
    }

    public QueueEngine(QueueState state) {
        this.config = state.config();
        this.state = state;
        this.admin = new HallAdmin(state, this::emit);
        this.desk = new AppointmentDesk(state, admin, this::emit, this::issueAs);
    }

    public QueueState state() { return state; }

    /** Applies a journaled event during replay. */
    public void replay(HallEvent event) {
        state.apply(event);
    }

    public Result handle(Command command, Instant wallNow) {
        pending.clear();
        Instant now = wallNow.isBefore(state.lastAt()) ? state.lastAt() : wallNow;
        desk.expire(now);
        DayRoll.roll(state, now, this::emit);
        List<HallEvent> timeEvents = List.copyOf(pending);
        try {
            actor = null;
            decide(command, now);
        } catch (Reject r) {
            if (pending.size() != timeEvents.size()) {
                throw new IllegalStateException("rejected after emitting events: " + command, r);
            }
            return new Result.Rejected(r.reason, r.getMessage(), timeEvents);
        }
        Alarms.evaluate(state, now, command instanceof Tick).forEach(this::emit);
        return new Result.Accepted(pending);
    }

    private void emit(HallEvent e) {
        state.apply(e);
        pending.add(e);
    }

    private void decide(Command command, Instant now) {
        switch (command) {
            case IssueTicket c -> issue(c, now);
            case CallNext c -> callNext(c, now);
            case CallTicket c -> callTicket(c, now);
            case Recall c -> recall(c, now);
            case NoShow c -> noShow(c, now);
            case Transfer c -> transfer(c, now);
            case Finish c -> finish(requireCurrent(c.counter()), now);
            case Pause c -> changeCounter(c.counter(), CounterStatus.PAUSED, now);
            case Resume c -> changeCounter(c.counter(), CounterStatus.OPEN, now);
            case PauseOrResume c -> changeCounter(c.counter(),
                    counter(c.counter()).status() == CounterStatus.PAUSED ? CounterStatus.OPEN : CounterStatus.PAUSED, now);
            case OpenCounter c -> changeCounter(c.counter(), CounterStatus.OPEN, now);
            case CloseCounter c -> changeCounter(c.counter(), CounterStatus.CLOSED, now);
            case ServeDirect c -> serveDirect(c, now);
            case SetService c -> admin.setService(c, now, actor);
            case VoidTicket c -> admin.voidTicket(c, now);
            case MarkPrinted c -> admin.markPrinted(c, now);
            case SetCounterProfile c -> admin.setProfile(c, now, actor);
            case PostNotice c -> admin.postNotice(c, now, actor);
            case RateService c -> admin.rate(c, now);
            case DeviceFault c -> admin.deviceFault(c, now);
            case DeviceRecovered c -> admin.deviceRecovered(c, now);
            case By c -> by(c, now);
            case Tick c -> { }
            case RecordNotification c -> recordNotification(c);
            case Book c -> desk.book(c, now, actor);
            case CancelBooking c -> desk.cancel(c, now, actor);
            case CheckIn c -> desk.checkIn(c, now);
            case JoinRemote c -> desk.joinRemote(c, now);
            case PlanBookingCapacity c -> desk.plan(c, now);
        }
    }

    private void recordNotification(RecordNotification c) {
        switch (c.event()) {
            case NotificationRequested e -> emit(e);
            case NotificationSent e -> emit(e);
            case NotificationDelivered e -> emit(e);
            case NotificationFailed e -> emit(e);
            default -> throw new Reject(RejectReason.INVALID, "not a notification event: "
                    + c.event().getClass().getSimpleName());
        }
    }

    private void issue(IssueTicket c, Instant now) {
        ServiceConfig service = service(c.service());
        CustomerClassConfig cls = c.customerClass() == null ? config.defaultClass()
                : config.customerClass(c.customerClass()).orElseThrow(() -> new Reject(RejectReason.UNKNOWN_CLASS,
                        "unknown customer class '" + c.customerClass() + "'"));
        issueAs(service, cls, c.phoneMasked(), c.token(), c.paper(), TicketOrigin.WALK_IN, null, null, null, now);
    }

    /**
     * Issues a ticket; {@code rank} null gives the class's rank (arrival minus its head start). An appointment's
     * rank comes from its slot ({@link AppointmentDesk}).
     */
    private void issueAs(ServiceConfig service, CustomerClassConfig cls, String phoneMasked, String token,
                         boolean paper, TicketOrigin origin, String booking, String phoneHash, Instant rank,
                         Instant now) {
        ServiceChanged st = state.serviceState(service.code());
        if (!st.enabled()) {
            throw new Reject(RejectReason.SERVICE_DISABLED, service.code() + " is not available: "
                    + st.messageZh() + " / " + st.messageEn());
        }
        int number = state.nextNumber(service.code());
        if (number > service.numberTo()) {
            throw new Reject(RejectReason.NUMBERS_EXHAUSTED, "all numbers of " + service.code() + " are used today");
        }
        String ticket = service.prefix() + String.format("%0" + service.digits() + "d", number);
        boolean vipRoom = cls.vipRoom() && Selection.vipRoomTakes(state, service.code(), cls.code());
        Instant r = rank != null ? rank : now.minus(cls.priority());
        Estimator.Estimate est = Estimator.forNewTicket(state, service.code(), cls.code(), vipRoom, r, now);
        emit(new TicketIssued(now, ticket, service.code(), cls.code(), r, est.peopleAhead(), est.waitSeconds(),
                vipRoom, service.directQueue(), phoneMasked, token, paper,
                origin == TicketOrigin.WALK_IN ? null : origin, booking, phoneHash));
    }

    private void by(By c, Instant now) {
        if (c.actor() == null || !c.actor().matches("[A-Za-z0-9_.@:-]{1,64}")) {
            throw new Reject(RejectReason.INVALID, "an actor is 1-64 letters, digits or '_.@:-', not " + c.actor());
        }
        if (c.command() instanceof By || c.command() instanceof Tick) {
            throw new Reject(RejectReason.INVALID, "a " + c.command().getClass().getSimpleName()
                    + " cannot be given on someone's behalf");
        }
        actor = c.actor();
        decide(c.command(), now);
    }

    private void callNext(CallNext c, Instant now) {
        CounterState counter = requireServing(c.counter());
        boolean finished = counter.current() != null;
        if (finished) {
            finish(counter, now);
        }
        var next = Selection.next(state, counter);
        if (next.isPresent()) {
            for (Ticket skipped : Selection.passedOver(state, counter, next.get())) {
                emit(new TicketPassedOver(now, skipped.number(), counter.number()));
            }
            emit(new TicketCalled(now, next.get().number(), counter.number()));
        } else if (!finished) {
            throw new Reject(RejectReason.NOBODY_WAITING, "nobody is waiting for counter " + c.counter());
        }
    }

    private void callTicket(CallTicket c, Instant now) {
        CounterState counter = requireServing(c.counter());
        Ticket t = state.ticket(c.ticket());
        if (t == null) {
            throw new Reject(RejectReason.UNKNOWN_TICKET, c.ticket() + " is not in today's queue");
        }
        if (t.status() != Ticket.Status.WAITING) {
            throw new Reject(RejectReason.TICKET_NOT_WAITING, c.ticket() + " is already called to counter " + t.counter());
        }
        if (service(t.service()).directQueue()) {
            throw new Reject(RejectReason.DIRECT_QUEUE_NOT_CALLED, c.ticket() + " is in a direct queue and is not called");
        }
        AppointmentDesk.requireCheckedIn(t);
        if (counter.current() != null) {
            finish(counter, now);
        }
        emit(new TicketCalled(now, t.number(), counter.number()));
    }

    private void recall(Recall c, Instant now) {
        CounterState counter = requireCurrent(c.counter());
        Ticket t = state.ticket(counter.current());
        int limit = config.rules().recallLimit();
        if (t.recalls() >= limit) {
            throw new Reject(RejectReason.RECALL_LIMIT, t.number() + " was recalled " + limit
                    + " times already; mark it as no-show");
        }
        emit(new TicketRecalled(now, t.number(), counter.number(), t.recalls() + 1));
    }

    private void noShow(NoShow c, Instant now) {
        CounterState counter = requireCurrent(c.counter());
        Ticket t = state.ticket(counter.current());
        boolean requeue = config.rules().noShowRequeue() && !t.requeued();
        emit(new TicketNoShow(now, t.number(), counter.number(), requeue));
    }

    private void transfer(Transfer c, Instant now) {
        CounterState counter = requireCurrent(c.counter());
        Ticket t = state.ticket(counter.current());
        ServiceConfig to = service(c.toService());
        if (to.code().equals(t.service())) {
            throw new Reject(RejectReason.SAME_SERVICE, t.number() + " is already for " + to.code());
        }
        if (!state.serviceState(to.code()).enabled()) {
            throw new Reject(RejectReason.SERVICE_DISABLED, to.code() + " is not available");
        }
        Instant rank = t.rank();
        if (config.rules().transferMode() == TransferMode.RAISED_PRIORITY) {
            Duration head = config.customerClass(t.customerClass()).orElseThrow().priority();
            rank = now.minus(config.rules().transferPriority()).minus(head);
        }
        emit(new TicketTransferred(now, t.number(), counter.number(), t.service(), to.code(), rank));
    }

    private void finish(CounterState counter, Instant now) {
        Ticket t = state.ticket(counter.current());
        long seconds = Math.max(0, Duration.between(t.calledAt(), now).toSeconds());
        emit(new TicketServed(now, t.number(), counter.number(), seconds));
    }

    private void changeCounter(int number, CounterStatus target, Instant now) {
        CounterState counter = counter(number);
        if (counter.status() == target) {
            throw new Reject(RejectReason.ALREADY_IN_STATE, "counter " + number + " is already "
                    + target.name().toLowerCase());
        }
        if (target == CounterStatus.PAUSED && counter.status() == CounterStatus.CLOSED) {
            throw new Reject(RejectReason.COUNTER_CLOSED, "counter " + number + " is closed");
        }
        if (counter.current() != null) {
            finish(counter, now);
        }
        emit(new CounterChanged(now, number, target, actor));
    }

    private void serveDirect(ServeDirect c, Instant now) {
        CounterState counter = requireServing(c.counter());
        ServiceConfig s = service(c.service());
        if (!s.directQueue()) {
            throw new Reject(RejectReason.NOT_DIRECT_QUEUE, s.code() + " is not a direct-queue service");
        }
        if (state.waiting(s.code()).isEmpty()) {
            throw new Reject(RejectReason.NOBODY_WAITING, "nobody is waiting for " + s.code());
        }
        emit(new TicketServed(now, state.waiting(s.code()).first().number(), counter.number(), -1));
    }

    private ServiceConfig service(String code) {
        return admin.service(code);
    }

    private CounterState counter(int number) {
        return admin.counter(number);
    }

    private CounterState requireServing(int number) {
        CounterState c = counter(number);
        switch (c.status()) {
            case CLOSED -> throw new Reject(RejectReason.COUNTER_CLOSED, "counter " + number + " is closed");
            case PAUSED -> throw new Reject(RejectReason.COUNTER_PAUSED, "counter " + number + " is paused");
            case OPEN -> { }
        }
        return c;
    }

    private CounterState requireCurrent(int number) {
        CounterState c = requireServing(number);
        if (c.current() == null) {
            throw new Reject(RejectReason.NO_CURRENT_TICKET, "counter " + number + " has no current customer");
        }
        return c;
    }
}
