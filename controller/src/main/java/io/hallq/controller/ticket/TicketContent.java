package io.hallq.controller.ticket;

/**
 * What a paper ticket says, in both languages.
 *
 * @param waitMinutes the estimated wait in whole minutes, or -1 when no counter serves it today
 * @param issuedAt    local date and time as printed, e.g. "2026-11-23 10:05"
 * @param mobileUrl   the mobile-ticket page for the QR code, or null for no QR code
 * @param nearby      a nearby hall with a shorter wait to mention, or null
 * @param smsNote     what the ticket says about its SMS reminder ({zh, en}), or null when none will be sent
 * @param tag         how the ticket came, printed under its number ({zh, en}, e.g. {"预约", "Appointment"}), with
 *                    the booking's line ({zh, en}) after it when there is one; null for a walk-in
 */
public record TicketContent(String hallZh, String hallEn, String ticket, String serviceZh, String serviceEn,
                            int peopleAhead, long waitMinutes, String issuedAt, boolean vipRoom, String mobileUrl,
                            String footerZh, String footerEn, NearbyHall nearby, String[] smsNote, String[] tag) {

    /** A walk-in's ticket (no tag). */
    public TicketContent(String hallZh, String hallEn, String ticket, String serviceZh, String serviceEn,
                         int peopleAhead, long waitMinutes, String issuedAt, boolean vipRoom, String mobileUrl,
                         String footerZh, String footerEn, NearbyHall nearby, String[] smsNote) {
        this(hallZh, hallEn, ticket, serviceZh, serviceEn, peopleAhead, waitMinutes, issuedAt, vipRoom, mobileUrl,
                footerZh, footerEn, nearby, smsNote, null);
    }

    /** A ticket without an SMS reminder. */
    public TicketContent(String hallZh, String hallEn, String ticket, String serviceZh, String serviceEn,
                         int peopleAhead, long waitMinutes, String issuedAt, boolean vipRoom, String mobileUrl,
                         String footerZh, String footerEn, NearbyHall nearby) {
        this(hallZh, hallEn, ticket, serviceZh, serviceEn, peopleAhead, waitMinutes, issuedAt, vipRoom, mobileUrl,
                footerZh, footerEn, nearby, null);
    }

    /** A ticket that mentions no nearby hall. */
    public TicketContent(String hallZh, String hallEn, String ticket, String serviceZh, String serviceEn,
                         int peopleAhead, long waitMinutes, String issuedAt, boolean vipRoom, String mobileUrl,
                         String footerZh, String footerEn) {
        this(hallZh, hallEn, ticket, serviceZh, serviceEn, peopleAhead, waitMinutes, issuedAt, vipRoom, mobileUrl,
                footerZh, footerEn, null);
    }
}
