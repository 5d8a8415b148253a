package io.hallq.controller.queue;

/** Internal control flow for rejections; never escapes {@link QueueEngine#handle}. */
final class Reject extends RuntimeException {

    final RejectReason reason;

    Reject(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }
}
