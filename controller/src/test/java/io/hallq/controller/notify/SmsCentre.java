package io.hallq.controller.notify;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.*;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.*;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;

/**
 * A real SMPP 3.4 SMS centre in process, on jSMPP's server side: checks the bind's credentials, takes submit_sm,
 * joins concatenated parts into the text a phone would show, and sends a delivery receipt for each part.
 */
public final class SmsCentre implements AutoCloseable {

    /** A whole message as a phone shows it. */
    public record Received(String to, String text, int parts, byte dataCoding) {}

    private final int port;
    private final String systemId;
    private final String password;
    private final SMPPServerSessionListener listener;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-smsc");
        t.setDaemon(true);
        return t;
    });
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    public final List<Received> inbox = new CopyOnWriteArrayList<>();
    final List<byte[]> rawParts = new CopyOnWriteArrayList<>();
    private final Map<String, List<byte[]>> partial = new HashMap<>();
    private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();
    volatile boolean receipts = true;
    private volatile boolean closed;

    public SmsCentre(int port, String systemId, String password) throws IOException {
        this.port = port;
        this.systemId = systemId;
        this.password = password;
        this.listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        workers.execute(this::acceptLoop);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                workers.execute(() -> bind(session));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest req = session.waitForBind(5000);
            if (req.getSystemId().equals(systemId) && req.getPassword().equals(password)) {
                req.accept("test-smsc", InterfaceVersion.IF_34);
                sessions.add(session);
            } else {
                req.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            }
        } catch (IllegalStateException | TimeoutException | IOException | org.jsmpp.PDUStringException e) {
            session.close();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession session) {
            MessageId id = ids.newMessageId();
            byte[] body = sm.getShortMessage();
            rawParts.add(body);
            boolean udhi = (sm.getEsmClass() & 0x40) != 0;
            synchronized (partial) {
                if (udhi) {
                    String key = sm.getDestAddress() + "/" + (body[3] & 0xff);
                    List<byte[]> got = partial.computeIfAbsent(key, k -> new ArrayList<>());
                    got.add(body);
                    int total = body[4] & 0xff;
                    if (got.size() == total) {
                        got.sort((a, b) -> (a[5] & 0xff) - (b[5] & 0xff));
                        StringBuilder text = new StringBuilder();
                        got.forEach(p -> text.append(SmsParts.decode(sm.getDataCoding(), true, p)));
                        inbox.add(new Received(sm.getDestAddress(), text.toString(), total, sm.getDataCoding()));
                        partial.remove(key);
                    }
                } else {
                    inbox.add(new Received(sm.getDestAddress(), SmsParts.decode(sm.getDataCoding(), false, body), 1,
                            sm.getDataCoding()));
                }
            }
            if (receipts) {
                workers.execute(() -> receipt(session, sm, id.getValue()));
            }
            return new SubmitSmResult(id, new OptionalParameter[0]);
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
                // the client went away: no receipt
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    @Override
    public void close() {
        closed = true;
        sessions.forEach(SMPPServerSession::unbindAndClose);
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        workers.shutdownNow();
    }
}
