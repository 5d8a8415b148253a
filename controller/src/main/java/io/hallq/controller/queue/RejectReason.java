package io.hallq.controller.queue;

/** Why a command changed nothing. */
public enum RejectReason {
    UNKNOWN_SERVICE,
    UNKNOWN_CLASS,
    UNKNOWN_COUNTER,
    UNKNOWN_TICKET,
    SERVICE_DISABLED,
    NUMBERS_EXHAUSTED,
    COUNTER_CLOSED,
    COUNTER_PAUSED,
    ALREADY_IN_STATE,
    NO_CURRENT_TICKET,
    NOBODY_WAITING,
    TICKET_NOT_WAITING,
    RECALL_LIMIT,
    SAME_SERVICE,
    NOT_DIRECT_QUEUE,
    DIRECT_QUEUE_NOT_CALLED,
    NOTHING_TO_RATE,
    INVALID,
    /**
     * The writer's queue is full: the command was not looked at. Nothing changed; try again shortly (HTTP 503,
     * an MQTT reason code). The queue is bounded so that a flood cannot grow memory without limit.
     */
    OVERLOADED
}
