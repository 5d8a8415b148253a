package io.hallq.controller.queue;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret in a ticket's mobile link ({@code <publicUrl>/m/<token>}): whoever holds it follows that ticket. Made in
 * one place ({@link #random()}: 128 random bits as 32 hex digits) for the dispenser and the web kiosk, and read in one place ({@link #parse}) for every link that carries one. The journal, the wire and the
 * engine carry its text ({@link #value()}); {@link #toString()} never shows it, so it stays out of logs.
 *
 * @param value 16-64 letters, digits, '-' or '_' (the web's tokens of earlier versions, 22 characters of URL-safe
 *              Base64, still parse)
 */
public record TicketToken(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public TicketToken {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a ticket token is 16-64 letters, digits, '-' or '_'");
        }
    }

    /** A new token nobody can guess. */
    public static TicketToken random() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return new TicketToken(HexFormat.of().formatHex(b));
    }

    /** The token a link carries; empty when the text cannot be one (then no ticket has it). */
    public static Optional<TicketToken> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new TicketToken(text)) : Optional.empty();
    }

    /** Masked: a token is a secret and must not reach the logs. */
    @Override
    public String toString() {
        return "TicketToken[" + value.substring(0, 2) + "…]";
    }
}
