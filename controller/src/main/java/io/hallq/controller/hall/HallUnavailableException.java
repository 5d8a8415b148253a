package io.hallq.controller.hall;

/**
 * A request to the hall's writer that cannot be answered: the hall is stopped, its writer failed (the process is
 * ending so that the supervisor restarts it), or, for a query, its queue is full. A future fails with this instead
 * of never completing. A command refused for a full queue is not an exception: it is a
 * {@link io.hallq.controller.queue.RejectReason#OVERLOADED} rejection.
 */
public final class HallUnavailableException extends IllegalStateException {

    /** Why the hall could not answer. */
    public enum Why { STOPPED, WRITER_FAILED, OVERLOADED }

    private final Why why;

    public HallUnavailableException(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
