package io.hallq.controller.notify;

import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.Audience;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Sends what the ledger says is pending, through the channel, and journals what became of it (sent, failed,
 * delivered from the receipts). Part of the notification worker: one thread, the module's.
 */
final class SmsDispatch {

    private final NotifyConfig config;
    private final NotificationLedger ledger;
    private final Optional<SmsChannel> channel;
    private final PhoneVault vault;
    private final CustomerReminders reminders;
    private final ConcurrentLinkedQueue<String[]> receipts;
    private final Clock clock;
    /** Journals a notification event; false when the engine refused it. */
    private final Predicate<HallEvent> record;
    private final DirectTexts direct;

    SmsDispatch(NotifyConfig config, NotificationLedger ledger, Optional<SmsChannel> channel, PhoneVault vault,
                CustomerReminders reminders, ConcurrentLinkedQueue<String[]> receipts, Clock clock,
                Predicate<HallEvent> record, DirectTexts direct) {
        this.direct = direct;
        this.config = config;
        this.ledger = ledger;
        this.channel = channel;
        this.vault = vault;
        this.reminders = reminders;
        this.receipts = receipts;
        this.clock = clock;
        this.record = record;
    }

    private void record(HallEvent e) {
        record.test(e);
    }

    void drainReceipts(Instant now) {
        String[] r;
        while ((r = receipts.poll()) != null) {
            String messageId = r[0];
            String state = r[1];
            Optional<String> id = ledger.idOfMessage(messageId);
            if (id.isEmpty()) {
                continue; // a receipt for a message of an earlier day, or of another system on the same account
            }
            record("DELIVRD".equals(state) ? new HallEvent.NotificationDelivered(now, id.get(), messageId)
                    : new HallEvent.NotificationFailed(now, id.get(), "delivery receipt: " + state, false));
        }
    }

    void send(Instant now) {
        List<NotificationLedger.Entry> due = ledger.pending().stream().filter(e -> !now.isBefore(e.nextAttempt))
                .toList();
        if (due.isEmpty()) {
            return;
        }
        for (NotificationLedger.Entry e : due) {
            Optional<String> reason = stale(e, now);
            if (reason.isPresent()) {
                fail(e, reason.get(), false, now);
                continue;
            }
            if (channel.isEmpty()) {
                fail(e, "no SMS channel configured", false, now);
                continue;
            }
            if (!channel.get().ensureBound(now)) {
                return; // the centre is down: everything waits, nothing is lost
            }
            Optional<PhoneNumber> phone = phoneOf(e.request);
            if (phone.isEmpty()) {
                fail(e, "no number kept for it any more", false, now);
                continue;
            }
            try {
                // a direct text (a code) is journaled without its text: what goes out is kept in memory only
                String text = direct.held(e.request.id()).map(DirectTexts.Queued::text).orElse(e.request.text());
                List<String> ids = channel.get().send(phone.get().digits(), text);
                e.state = NotificationLedger.State.SENT; // before journaling: this run never sends it again
                direct.release(e.request.id());
                record(new HallEvent.NotificationSent(clock.instant(), e.request.id(), ids));
            } catch (SmsChannel.SmsException x) {
                fail(e, x.getMessage(), !x.permanent(), now);
            }
        }
    }

    /** Why a pending message should no longer go out, if it should not. */
    private Optional<String> stale(NotificationLedger.Entry e, Instant now) {
        Duration giveUp = config.sms().map(NotifyConfig.Sms::giveUpAfter).orElse(Duration.ofHours(2));
        if (now.isAfter(e.request.at().plus(giveUp))) {
            return Optional.of("not sent within " + giveUp.toMinutes() + " min");
        }
        if (Purpose.VERIFICATION.equals(e.request.purpose())) {
            Optional<DirectTexts.Queued> held = direct.held(e.request.id());
            if (held.isEmpty()) {
                return Optional.of("the code was not sent before the controller restarted; the customer asks again");
            }
            if (!now.isBefore(held.get().until())) {
                return Optional.of("the code expired before it could be sent");
            }
        }
        if (Purpose.AHEAD.equals(e.request.purpose()) && reminders.followed(e.request.ticket()).isEmpty()) {
            return Optional.of("the ticket was called before the reminder could go");
        }
        return Optional.empty();
    }

    private Optional<PhoneNumber> phoneOf(HallEvent.NotificationRequested r) {
        if (Purpose.VERIFICATION.equals(r.purpose())) {
            return direct.held(r.id()).map(DirectTexts.Queued::phone);
        }
        if (r.audience() == Audience.STAFF) {
            return config.staff().contacts().stream().filter(c -> c.id().equals(r.to())).map(NotifyConfig.Contact::phone)
                    .findFirst();
        }
        return reminders.followed(r.ticket()).flatMap(f -> vault.phone(f.token()));
    }

    private void fail(NotificationLedger.Entry e, String reason, boolean retrying, Instant now) {
        if (retrying) {
            e.nextAttempt = now.plus(config.sms().map(NotifyConfig.Sms::retryEvery).orElse(Duration.ofSeconds(30)));
            if (e.failureJournaled) {
                return; // one failure on record is enough; the next outcome is journaled when it comes
            }
            e.failureJournaled = true;
        } else {
            e.state = NotificationLedger.State.FAILED;
            direct.release(e.request.id());
        }
        record(new HallEvent.NotificationFailed(now, e.request.id(), reason, retrying));
    }
}
