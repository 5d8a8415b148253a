package io.hallq.controller.notify;

import java.time.Instant;
import java.util.List;

/** Where SMS go: an SMS centre over SMPP in a hall, the emulator's virtual centre in tests. Used by one thread. */
public interface SmsChannel extends AutoCloseable {

    /**
     * Makes sure the channel is bound, trying again only once its backoff has passed.
     *
     * @return true when a message can be sent now
     */
    boolean ensureBound(Instant now);

    /**
     * Sends {@code text} to {@code phone} (the clear number, which this method never logs).
     *
     * @return the centre's message id of each part, in order
     */
    List<String> send(String phone, String text) throws SmsException;

    @Override
    void close();

    /** Told of delivery receipts, on the channel's own thread: hand over and return. */
    @FunctionalInterface
    interface ReceiptListener {
        /** @param state the receipt's final state (DELIVRD, UNDELIV, EXPIRED, REJECTD, ...) */
        void receipt(String messageId, String state);
    }

    /** A send that failed; {@code permanent} ones are not tried again. */
    final class SmsException extends Exception {
        private final boolean permanent;

        public SmsException(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
