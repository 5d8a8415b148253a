package io.hallq.controller.notify;

/** Why a notification is sent: the {@code purpose} of its NotificationRequested event and its template key. */
public final class Purpose {
    public static final String AHEAD = "reminder-ahead";
    public static final String OVERDUE = "reminder-overdue";
    public static final String STAFF_ALERT = "staff-alert";
    public static final String STOCK_WARNING = "stock-warning";
    /** A one-time code confirming a customer's phone (the booking page); journaled without the code. */
    public static final String VERIFICATION = "verification-code";

    private Purpose() {}
}
