package io.hallq.controller.ticket;

/**
 * Ticket settings from the hall config ({@code devices.ticket} and {@code devices.printer.paperWidth}).
 *
 * @param mobileUrlBase the mobile-ticket page's base URL; the ticket's token is appended; null for no QR code
 * @param footerZh      e.g. the quieter hours ("每月6日至25日 11:30-15:00 人少"), or null
 */
public record TicketSettings(int paperWidthMm, String mobileUrlBase, String footerZh, String footerEn) {

    public TicketSettings {
        if (paperWidthMm != 58 && paperWidthMm != 80) {
            throw new IllegalArgumentException("paper is 58 or 80 mm wide, not " + paperWidthMm);
        }
    }
}
