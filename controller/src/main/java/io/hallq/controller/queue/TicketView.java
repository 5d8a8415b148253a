package io.hallq.controller.queue;

import io.hallq.protocol.event.HallEvent.TicketOrigin;
import java.time.Instant;

/**
 * An immutable copy of a live ticket, as it was when a query read it on the writer thread. This is what leaves
 * the writer: {@link Ticket} itself never does ({@link QueueView}).
 *
 * @param counter  the counter it is called to, 0 while waiting
 * @param calledAt when it was called, null while waiting
 * @param awaitingPrint a paper ticket whose printing has not been confirmed yet
 * @param origin   walk-in, appointment (a booking checked in) or remote (taken from a phone)
 * @param booking  the booking an appointment ticket redeems, else null
 * @param checkedIn false only for a remote ticket that has not checked in at the dispenser yet
 */
public record TicketView(String number, String service, String customerClass, Instant issuedAt, Instant rank,
                         long order, boolean vipRoom, String phoneMasked, String token, Ticket.Status status,
                         int counter, Instant calledAt, int recalls, boolean requeued, boolean overdue,
                         boolean awaitingPrint, TicketOrigin origin, String booking, boolean checkedIn) {

    static TicketView of(Ticket t) {
        return new TicketView(t.number(), t.service(), t.customerClass(), t.issuedAt(), t.rank(), t.order(),
                t.vipRoom(), t.phoneMasked(), t.token(), t.status(), t.counter(), t.calledAt(), t.recalls(),
                t.requeued(), t.overdue(), t.awaitingPrint(), t.origin(), t.booking(), t.checkedIn());
    }

    public boolean waiting() {
        return status == Ticket.Status.WAITING;
    }

    @Override
    public String toString() {
        return number + "(" + service + "/" + customerClass + " " + status + (counter > 0 ? "@" + counter : "") + ")";
    }
}
