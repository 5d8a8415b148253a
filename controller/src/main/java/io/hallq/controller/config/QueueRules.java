package io.hallq.controller.config;

import java.time.Duration;

/**
 * Rules of the counter actions.
 *
 * @param recallLimit        how many times a called ticket may be recalled
 * @param noShowRequeue      a no-show ticket goes back into the queue once (at its old place)
 * @param transferMode       what a transferred ticket keeps
 * @param transferPriority   with {@link TransferMode#RAISED_PRIORITY}: the head start a transferred ticket gets
 * @param vipRoomOverflow    idle VIP-room counters take ordinary tickets
 * @param estimateWindow     how many recent handling times per service the estimate learns from
 * @param selection          how a counter picks its next ticket; {@link SelectionPolicy#AGEING} in a real hall, the
 *                           others exist so the simulator can compare policies on the same arrivals
 */
public record QueueRules(int recallLimit, boolean noShowRequeue, TransferMode transferMode,
                         Duration transferPriority, boolean vipRoomOverflow, int estimateWindow,
                         SelectionPolicy selection) {

    public QueueRules {
        ConfigChecks.require(recallLimit >= 0, "QueueRules", "recallLimit must be 0 or more, got " + recallLimit);
        ConfigChecks.given(transferMode, "QueueRules", "transferMode");
        ConfigChecks.notNegative(transferPriority, "QueueRules", "transferPriority");
        ConfigChecks.require(estimateWindow >= 1, "QueueRules",
                "estimateWindow must be 1 or more, got " + estimateWindow);
        ConfigChecks.given(selection, "QueueRules", "selection");
    }

    /** The rules with the default selection policy (ageing). */
    public QueueRules(int recallLimit, boolean noShowRequeue, TransferMode transferMode, Duration transferPriority,
                      boolean vipRoomOverflow, int estimateWindow) {
        this(recallLimit, noShowRequeue, transferMode, transferPriority, vipRoomOverflow, estimateWindow,
                SelectionPolicy.AGEING);
    }

    public QueueRules withSelection(SelectionPolicy policy) {
        return new QueueRules(recallLimit, noShowRequeue, transferMode, transferPriority, vipRoomOverflow,
                estimateWindow, policy);
    }

    /** How a counter picks among the tickets its profile lets it take. */
    public enum SelectionPolicy {
        /** Lowest {@code rank - profile weight}: class head starts and counter weights, bounded (the hall's rule). */
        AGEING,
        /** Plain first come, first served by issue order; classes and weights are ignored. */
        FCFS,
        /** The class with the largest head start always goes first; arrival order within a class. */
        STRICT_PRIORITY
    }

    public enum TransferMode {
        /** The ticket keeps its place: it ranks by its original arrival time. */
        KEEP_ARRIVAL,
        /** The ticket ranks as if it had arrived {@code transferPriority} before the transfer. */
        RAISED_PRIORITY
    }
}
