package io.hallq.controller.queue;

import java.time.Instant;

/**
 * An immutable copy of a live ticket, as it was when a query read it on the writer thread. This is what leaves
 * the writer: {@link Ticket} itself never does ({@link QueueView}).
 *
 * @param counter  the counter it is called to, 0 while waiting
 * @param calledAt when it was called, null while waiting
 * @param awaitingPrint a paper ticket whose printing has not been confirmed yet
 */
public record TicketView(String number, String service, String customerClass, Instant issuedAt, Instant rank,
                         long order, boolean vipRoom, String phoneMasked, String token, Ticket.Status status,
                         int counter, Instant calledAt, int recalls, boolean requeued, boolean overdue,
                         boolean awaitingPrint) {

    static TicketView of(Ticket t) {
        return new TicketView(t.number(), t.service(), t.customerClass(), t.issuedAt(), t.rank(), t.order(),
                t.vipRoom(), t.phoneMasked(), t.token(), t.status(), t.counter(), t.calledAt(), t.recalls(),
                t.requeued(), t.overdue(), t.awaitingPrint());
    }

    public boolean waiting() {
        return status == Ticket.Status.WAITING;
    }

    @Override
    public String toString() {
        return number + "(" + service + "/" + customerClass + " " + status + (counter > 0 ? "@" + counter : "") + ")";
    }
}
