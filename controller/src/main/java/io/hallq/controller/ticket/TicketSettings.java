package io.hallq.controller.ticket;

/**
 * Ticket settings from the hall config ({@code devices.ticket}, {@code devices.printer.paperWidth} and
 * {@code web.publicUrl}).
 *
 * @param mobileUrlBase {@code <web.publicUrl>/m/}: the ticket's token is appended for its QR code; null for no QR
 *                      code (no web server, or no public URL set)
 * @param footerZh      e.g. the quieter hours ("每月6日至25日 11:30-15:00 人少"), or null
 */
public record TicketSettings(int paperWidthMm, String mobileUrlBase, String footerZh, String footerEn) {

    public TicketSettings {
        EscPos.paperDots(paperWidthMm); // 58 or 80 mm
    }

    /** The printable width in dots: 384 on 58 mm paper, 576 on 80 mm. */
    public int paperDots() {
        return EscPos.paperDots(paperWidthMm);
    }
}
