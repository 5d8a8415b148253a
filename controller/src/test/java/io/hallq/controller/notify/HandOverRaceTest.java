package io.hallq.controller.notify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.TestHalls;
import io.hallq.controller.hall.HallRuntime;
import io.hallq.controller.queue.Command;
import io.hallq.protocol.PhoneNumber;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispenser hands a typed number over, then submits the ticket. When that happens after a worker's round has
 * stored the numbers handed over so far, but before the same round reads the journal, the round reads the ticket
 * while its number is still in the hand-over: the ticket must still be followed for reminders (it was not: its
 * customer got no SMS, and {@code SmppNotificationsIT} waited for a receipt that never came).
 */
class HandOverRaceTest {

    @TempDir
    Path dir;

    @Test
    void aNumberHandedOverInTheMiddleOfARound_isKeptBeforeItsTicketIsRead() throws Exception {
        NotifyModule notify = new NotifyModule().manualRounds();
        // an SMS centre nobody listens on: this round only stores and follows, it sends nothing yet
        try (HallRuntime rt = HallRuntime.start(SmppNotificationsIT.loaded(dir, SmppNotificationsIT.yaml(1, "")),
                TestHalls.runningFrom(TestHalls.MONDAY_10AM), List.of(notify))) {
            notify.roundWith(() -> {
                notify.keepPhone("tok-mid-round", PhoneNumber.parse(SmppNotificationsIT.CUSTOMER));
                rt.hall().submit(new Command.IssueTicket("PAY", null, "138****5678", "tok-mid-round")).join();
            });
            assertTrue(notify.follows("E001"), "the ticket issued in the middle of the round is followed");
        }
    }
}
