package io.hallq.controller.sync;

import io.hallq.protocol.event.HallEvent.NoticePosted;
import io.hallq.protocol.mqtt.HallStatus.Notice;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The notice central or the manager broadcast to the hall board, as journaled ({@code NoticePosted}, so it
 * survives a restart). A newer notice replaces an older one, whatever order they are handed over in; it
 * disappears at its expiry or when withdrawn. Read from any thread (the web board polls {@link #current()}).
 */
public final class NoticeBoard {

    private volatile Clock clock;
    private final AtomicReference<NoticePosted> notice = new AtomicReference<>();

    public NoticeBoard(Clock clock) {
        this.clock = clock;
    }

    /** Reads expiry against {@code clock} from now on (the hall's clock, known only at start). */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** The notice to show now, if any. */
    public Optional<Notice> current() {
        NoticePosted n = notice.get();
        if (n == null || !clock.instant().isBefore(n.until())) {
            return Optional.empty();
        }
        return Optional.of(toStatus(n));
    }

    /** A journaled notice as the hall status carries it: the issuer without the "mqtt:" of the journal. */
    static Notice toStatus(NoticePosted n) {
        return new Notice(n.textZh(), n.textEn(), n.until(), n.by() == null ? "hall" : io.hallq.controller.queue.Actor.issuerOf(n.by()));
    }

    /** Takes a journaled notice unless a later one is already here (a withdrawal is a notice already over). */
    void show(NoticePosted n) {
        notice.accumulateAndGet(n, (old, fresh) -> old != null && old.at().isAfter(fresh.at()) ? old : fresh);
    }
}
