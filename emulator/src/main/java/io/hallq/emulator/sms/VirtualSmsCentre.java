package io.hallq.emulator.sms;

import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.notify.NotifyConfig;
import io.hallq.controller.notify.NotifyConfigReader;
import io.hallq.controller.notify.SmppCentre;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * The emulator's SMS centre: a real SMPP 3.4 server ({@link SmppCentre}, on jSMPP's server side) on a free
 * loopback port, taking the account the hall's {@code notify.sms} names, joining concatenated parts into the text
 * a phone shows, and answering each part with a delivery receipt. The twin's SMS page shows each phone's inbox.
 * Listed before the notification module, which it points at itself ({@link #redirect}). Bounded: 200 phones, 20
 * messages each.
 */
public final class VirtualSmsCentre implements HallModule {

    private static final int PHONES = 200;
    private static final int PER_PHONE = 20;

    /** One message as the phone shows it. */
    public record Message(Instant at, String text, int parts) {}

    private final Map<String, Deque<Message>> inboxes = new LinkedHashMap<>();
    private SmppCentre centre;

    @Override
    public String name() {
        return "virtual-sms-centre";
    }

    @Override
    public void start(HallContext context) {
        Optional<NotifyConfig.Sms> sms = NotifyConfigReader.read(context.loaded()).flatMap(NotifyConfig::sms);
        if (sms.isEmpty()) {
            return;
        }
        NotifyConfig.Sms account = sms.get();
        try {
            centre = SmppCentre.start(SmppCentre.freePort(), account.systemId(), account.password(), "virtual-smsc",
                    (to, text, parts, dataCoding) -> received(to, text, parts), () -> true);
        } catch (IOException e) {
            throw new IllegalStateException("virtual SMS centre cannot listen: " + e.getMessage(), e);
        }
        Logger.info("Virtual SMS centre (SMPP 3.4) on 127.0.0.1:{} for account {}", centre.port(),
                account.systemId());
    }

    /** The configured centre, moved to this one (for the notification module). */
    public NotifyConfig.Sms redirect(NotifyConfig.Sms configured) {
        return centre == null ? configured : configured.at("127.0.0.1", centre.port());
    }

    /** Every phone's inbox, newest message last (the twin shows them). */
    public synchronized Map<String, List<Message>> inboxes() {
        Map<String, List<Message>> out = new LinkedHashMap<>();
        inboxes.forEach((phone, box) -> out.put(phone, List.copyOf(box)));
        return out;
    }

    private synchronized void received(String phone, String text, int parts) {
        if (!inboxes.containsKey(phone) && inboxes.size() >= PHONES) {
            inboxes.remove(inboxes.keySet().iterator().next());
        }
        Deque<Message> box = inboxes.computeIfAbsent(phone, p -> new ArrayDeque<>());
        if (box.size() >= PER_PHONE) {
            box.removeFirst();
        }
        box.addLast(new Message(Instant.now(), text, parts));
    }

    @Override
    public void close() {
        if (centre != null) {
            centre.close();
        }
    }
}
