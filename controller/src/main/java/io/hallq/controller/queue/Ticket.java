package io.hallq.controller.queue;

import java.time.Instant;
import java.util.Comparator;

/**
 * A live ticket (waiting, or called to a counter). Mutated only by {@link QueueState} while it applies events;
 * other packages see it read-only.
 */
public final class Ticket {

    /** Queue order: earlier rank first, then the order of issue. */
    static final Comparator<Ticket> BY_RANK = Comparator.comparing(Ticket::rank).thenComparingLong(Ticket::order);

    public enum Status { WAITING, CALLED }

    private final String number;
    private final String customerClass;
    private final Instant issuedAt;
    private final long order;
    private final boolean vipRoom;
    private final String phoneMasked;
    private final String token;
    private String service;
    private Instant rank;
    private Status status = Status.WAITING;
    private int counter;
    private Instant calledAt;
    private int recalls;
    private boolean requeued;
    private boolean overdue;
    private boolean awaitingPrint;
    private io.hallq.protocol.event.HallEvent.TicketOrigin origin = io.hallq.protocol.event.HallEvent.TicketOrigin.WALK_IN;
    private String booking;
    private String phoneHash;
    private boolean checkedIn = true;
    private Instant passedOverAt;

    Ticket(String number, String service, String customerClass, Instant issuedAt, Instant rank, long order,
           boolean vipRoom, String phoneMasked, String token) {
        this.number = number;
        this.service = service;
        this.customerClass = customerClass;
        this.issuedAt = issuedAt;
        this.rank = rank;
        this.order = order;
        this.vipRoom = vipRoom;
        this.phoneMasked = phoneMasked;
        this.token = token;
    }

    public String number() { return number; }
    public String service() { return service; }
    public String customerClass() { return customerClass; }
    public Instant issuedAt() { return issuedAt; }
    public Instant rank() { return rank; }
    public long order() { return order; }
    public boolean vipRoom() { return vipRoom; }
    public String phoneMasked() { return phoneMasked; }
    public String token() { return token; }
    public Status status() { return status; }
    /** The counter it is called to, 0 while waiting. */
    public int counter() { return counter; }
    public Instant calledAt() { return calledAt; }
    public int recalls() { return recalls; }
    public boolean requeued() { return requeued; }
    public boolean overdue() { return overdue; }
    /** A paper ticket whose printing has not been confirmed yet. */
    public boolean awaitingPrint() { return awaitingPrint; }

    /** How it came: walk-in, appointment (a booking checked in) or remote (taken from a phone). */
    public io.hallq.protocol.event.HallEvent.TicketOrigin origin() { return origin; }
    /** The booking an appointment ticket redeems, else null. */
    public String booking() { return booking; }
    /** A remote ticket's keyed phone hash, else null. */
    public String phoneHash() { return phoneHash; }
    /** False for a remote ticket until it checks in at the dispenser: counters pass it over until then. */
    public boolean checkedIn() { return checkedIn; }
    /** When a counter first passed this remote ticket over because it had not checked in, or null. */
    public Instant passedOverAt() { return passedOverAt; }

    void origin(io.hallq.protocol.event.HallEvent.TicketOrigin o, String bookingId, String hash) {
        origin = o == null ? io.hallq.protocol.event.HallEvent.TicketOrigin.WALK_IN : o;
        booking = bookingId;
        phoneHash = hash;
        checkedIn = origin != io.hallq.protocol.event.HallEvent.TicketOrigin.REMOTE;
    }

    void checkIn() { checkedIn = true; }
    void passedOver(Instant at) {
        if (passedOverAt == null) {
            passedOverAt = at;
        }
    }

    void called(int counterNumber, Instant at) {
        status = Status.CALLED;
        counter = counterNumber;
        calledAt = at;
        recalls = 0;
    }

    void waitAgain(String newService, Instant newRank) {
        status = Status.WAITING;
        counter = 0;
        calledAt = null;
        service = newService;
        rank = newRank;
    }

    void recalled(int count) { recalls = count; }
    void markRequeued() { requeued = true; }
    void markOverdue(boolean value) { overdue = value; }
    void markAwaitingPrint(boolean value) { awaitingPrint = value; }

    @Override
    public String toString() {
        return number + "(" + service + "/" + customerClass + " " + status + (counter > 0 ? "@" + counter : "") + ")";
    }
}
