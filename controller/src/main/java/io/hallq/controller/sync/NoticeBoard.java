package io.hallq.controller.sync;

import io.hallq.protocol.mqtt.HallStatus.Notice;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The notice central or the manager broadcast to the hall board. A new notice replaces the old one; it
 * disappears at its expiry. Read from any thread (the web board polls {@link #current()}).
 */
public final class NoticeBoard {

    private final Clock clock;
    private final AtomicReference<Notice> notice = new AtomicReference<>();

    public NoticeBoard(Clock clock) {
        this.clock = clock;
    }

    /** The notice to show now, if any. */
    public Optional<Notice> current() {
        Notice n = notice.get();
        return n != null && clock.instant().isBefore(n.until()) ? Optional.of(n) : Optional.empty();
    }

    void show(Notice n) {
        notice.set(n);
    }
}
