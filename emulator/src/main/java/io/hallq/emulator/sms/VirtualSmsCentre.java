package io.hallq.emulator.sms;

import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.notify.NotifyConfig;
import io.hallq.controller.notify.NotifyConfigReader;
import io.hallq.controller.notify.SmsParts;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.*;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.*;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;
import org.tinylog.Logger;

/**
 * The emulator's SMS centre: a real SMPP 3.4 server (jSMPP's server side) on a free loopback port, taking the
 * account the hall's {@code notify.sms} names, joining concatenated parts into the text a phone shows, and
 * answering each part with a delivery receipt. The twin's SMS page shows each phone's inbox. Listed before
 * the notification module, which it points at itself ({@link #redirect}). Bounded: 200 phones, 20 messages each.
 */
public final class VirtualSmsCentre implements HallModule {

    private static final int PHONES = 200;
    private static final int PER_PHONE = 20;

    /** One message as the phone shows it. */
    public record Message(Instant at, String text, int parts) {}

    private final Map<String, Deque<Message>> inboxes = new LinkedHashMap<>();
    private final Map<String, List<byte[]>> partial = new HashMap<>();
    private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "virtual-smsc");
        t.setDaemon(true);
        return t;
    });
    private SMPPServerSessionListener listener;
    private NotifyConfig.Sms account;
    private volatile boolean closed;
    private int port = -1;

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
        account = sms.get();
        try {
            port = freePort();
            listener = new SMPPServerSessionListener(port);
        } catch (IOException e) {
            throw new IllegalStateException("virtual SMS centre cannot listen: " + e.getMessage(), e);
        }
        listener.setMessageReceiverListener(new Receiver());
        workers.execute(this::acceptLoop);
        Logger.info("Virtual SMS centre (SMPP 3.4) on 127.0.0.1:{} for account {}", port, account.systemId());
    }

    /** The configured centre, moved to this one (for the notification module). */
    public NotifyConfig.Sms redirect(NotifyConfig.Sms configured) {
        return port < 0 ? configured : configured.at("127.0.0.1", port);
    }

    /** Every phone's inbox, newest message last (the twin shows them). */
    public synchronized Map<String, List<Message>> inboxes() {
        Map<String, List<Message>> out = new LinkedHashMap<>();
        inboxes.forEach((phone, box) -> out.put(phone, List.copyOf(box)));
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                workers.execute(() -> bind(session));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest req = session.waitForBind(5000);
            if (req.getSystemId().equals(account.systemId()) && req.getPassword().equals(account.password())) {
                req.accept("virtual-smsc", InterfaceVersion.IF_34);
            } else {
                req.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            }
        } catch (IllegalStateException | TimeoutException | IOException | PDUStringException e) {
            session.close();
        }
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

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession session)
                throws ProcessRequestException {
            byte[] body = sm.getShortMessage();
            boolean udhi = (sm.getEsmClass() & 0x40) != 0;
            if (body == null || (udhi && (body.length < 6 || body[0] != 5))) {
                throw new ProcessRequestException("malformed message", SMPPConstant.STAT_ESME_RINVMSGLEN);
            }
            MessageId id = ids.newMessageId();
            if (udhi) {
                joinPart(sm, body);
            } else {
                received(sm.getDestAddress(), SmsParts.decode(sm.getDataCoding(), false, body), 1);
            }
            workers.execute(() -> receipt(session, sm, id.getValue()));
            return new SubmitSmResult(id, new OptionalParameter[0]);
        }

        private void joinPart(SubmitSm sm, byte[] body) {
            String key = sm.getDestAddress() + "/" + (body[3] & 0xff);
            List<byte[]> done = null;
            synchronized (partial) {
                List<byte[]> got = partial.computeIfAbsent(key, k -> new ArrayList<>());
                got.add(body);
                if (got.size() == (body[4] & 0xff)) {
                    done = partial.remove(key);
                }
            }
            if (done != null) {
                done.sort((a, b) -> (a[5] & 0xff) - (b[5] & 0xff));
                StringBuilder text = new StringBuilder();
                done.forEach(p -> text.append(SmsParts.decode(sm.getDataCoding(), true, p)));
                received(sm.getDestAddress(), text.toString(), done.size());
            }
        }

        private void receipt(SMPPServerSession session, SubmitSm sm, String id) {
            try {
                DeliveryReceipt r = new DeliveryReceipt(id, 1, 1, new Date(), new Date(), DeliveryReceiptState.DELIVRD,
                        "000", "");
                session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        sm.getDestAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, sm.getSourceAddr(),
                        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, r.toString().getBytes());
            } catch (Exception e) {
                Logger.debug("No receipt for {}: the hall went away", id);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s) throws ProcessRequestException {
            throw refused();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s) throws ProcessRequestException {
            throw refused();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
            throw refused();
        }

        @Override
        public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
            throw refused();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s)
                throws ProcessRequestException {
            throw refused();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s)
                throws ProcessRequestException {
            throw refused();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s)
                throws ProcessRequestException {
            throw refused();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
            throw refused();
        }

        private ProcessRequestException refused() {
            return new ProcessRequestException("not supported by the virtual centre", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                Logger.debug("Virtual SMS centre closed: {}", e.getMessage());
            }
        }
        workers.shutdownNow();
    }
}
