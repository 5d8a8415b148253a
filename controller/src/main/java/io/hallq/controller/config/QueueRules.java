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
 */
public record QueueRules(int recallLimit, boolean noShowRequeue, TransferMode transferMode,
                         Duration transferPriority, boolean vipRoomOverflow, int estimateWindow) {

    public enum TransferMode {
        /** The ticket keeps its place: it ranks by its original arrival time. */
        KEEP_ARRIVAL,
        /** The ticket ranks as if it had arrived {@code transferPriority} before the transfer. */
        RAISED_PRIORITY
    }
}
