package io.hallq.controller.ticket;

import io.hallq.display.CallText;

/**
 * A nearby hall with a clearly shorter wait for a ticket's service, as the ticket prints it.
 *
 * @param waitSeconds    the estimated wait there
 * @param distanceMeters how far it is from this hall
 */
public record NearbyHall(String nameZh, String nameEn, long waitSeconds, int distanceMeters) {

    /** "附近X约等 N 分钟,距此 M 米": the same words on the ticket and on the hall board. */
    public String textZh() {
        return whereZh() + howLongZh();
    }

    /** "附近X", the first part of {@link #textZh()}: a narrow ticket prints it on a line of its own. */
    public String whereZh() {
        return "附近" + nameZh;
    }

    /** "约等 N 分钟,距此 M 米", the rest of {@link #textZh()}. */
    public String howLongZh() {
        return "约等 " + CallText.minutes(waitSeconds) + " 分钟,距此 " + distanceMeters + " 米";
    }

    /** "about N min at X, M m away" (the ticket starts its line with it, capitalised). */
    public String textEn() {
        return "about " + CallText.minutes(waitSeconds) + " min at " + nameEn + ", " + distanceMeters + " m away";
    }
}
