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
import java.util.function.BooleanSupplier;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;
import org.tinylog.Logger;

/**
 * A small SMS centre speaking SMPP 3.4 on jSMPP's server side, on a loopback port: it binds one account (system
 * id and password), takes submit_sm, joins concatenated parts (UDH) into the text a phone shows, and answers each
 * part with a delivery receipt. The hall itself never runs one; it is the emulator's virtual centre and the
 * tests' centre, so that the notification module always talks to a real SMPP server.
 */
public final class SmppCentre implements AutoCloseable {

    /** Where the centre hands over what it took. Called on jSMPP's threads. */
    public interface Phones {
        /** A whole message for {@code to}, as the phone shows it, made of {@code parts} parts. */
        void received(String to, String text, int parts, byte dataCoding);

        /** The body of each part as it was submitted, before joining (for a test that checks the bytes). */
        default void part(byte[] body) {
        }
    }

    private final int port;
    private final String systemId;
    private final String password;
    private final String name;
    private final Phones phones;
    private final BooleanSupplier receipts;
    private final SMPPServerSessionListener listener;
    private final ExecutorService workers;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, List<byte[]>> partial = new HashMap<>();
    private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();
    private volatile boolean closed;

    private SmppCentre(int port, String systemId, String password, String name, Phones phones,
            BooleanSupplier receipts) throws IOException {
        this.port = port;
        this.systemId = systemId;
        this.password = password;
        this.name = name;
        this.phones = phones;
        this.receipts = receipts;
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        this.listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        workers.execute(this::acceptLoop);
    }

    /**
     * Starts a centre on {@code port} for the account {@code systemId}/{@code password}; {@code name} is its own
     * system id in the bind answer and its threads' name. Receipts are sent while {@code receipts} says so.
     */
    public static SmppCentre start(int port, String systemId, String password, String name, Phones phones,
            BooleanSupplier receipts) throws IOException {
        return new SmppCentre(port, systemId, password, name, phones, receipts);
    }

    /** A free TCP port to start a centre on. */
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
                req.accept(name, InterfaceVersion.IF_34);
                sessions.add(session);
            } else {
                req.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            }
        } catch (IllegalStateException | TimeoutException | IOException | PDUStringException e) {
            session.close();
        }
    }

    /** Adds a part of a concatenated message; hands the message over once all its parts are in. */
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
            phones.received(sm.getDestAddress(), text.toString(), done.size(), sm.getDataCoding());
        }
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
            phones.part(body);
            if (udhi) {
                joinPart(sm, body);
            } else {
                phones.received(sm.getDestAddress(), SmsParts.decode(sm.getDataCoding(), false, body), 1,
                        sm.getDataCoding());
            }
            if (receipts.getAsBoolean()) {
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
                Logger.debug("No receipt for {}: the client went away", id);
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
            return new ProcessRequestException("not supported by " + name, SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    @Override
    public void close() {
        closed = true;
        sessions.forEach(SMPPServerSession::unbindAndClose);
        try {
            listener.close();
        } catch (IOException e) {
            Logger.debug("SMS centre {} closed: {}", name, e.getMessage());
        }
        workers.shutdownNow();
    }
}
