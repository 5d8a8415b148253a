package io.hallq.controller.notify;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.tinylog.Logger;

/**
 * SMS over SMPP 3.4 with jSMPP: bound as a transceiver (so delivery receipts come on the same session), rebinding
 * with a doubling backoff after the centre goes away, and no faster than the configured rate (each part counts).
 *
 * <p>jSMPP quirks handled here: {@code connectAndBind} reports a refused bind as an IOException whose cause is the
 * NegativeResponseException; a session whose socket died only notices at its next enquire_link or submit, so
 * {@link #ensureBound} checks the session state and a failed submit closes the session so the next call rebinds.
 * Receipts arrive on jSMPP's PDU processor threads: they are handed to the listener, which must return quickly.
 */
public final class SmppSmsChannel implements SmsChannel {

    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    private static final DataCoding DEFAULT = new GeneralDataCoding(Alphabet.ALPHA_DEFAULT);
    private static final DataCoding UCS2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2);

    private final NotifyConfig.Sms settings;
    private final ReceiptListener receipts;
    private final long minGapNanos;
    private SMPPSession session;
    /** Failed binds in a row: the same backoff as the MQTT links, without their spread. */
    private final io.hallq.controller.sync.ReconnectPolicy.Attempts binds;
    private Instant nextAttempt = Instant.MIN;
    private long lastSubmitNanos;
    private int reference;
    private boolean downLogged;

    public SmppSmsChannel(NotifyConfig.Sms settings, ReceiptListener receipts) {
        this.settings = settings;
        this.receipts = receipts;
        this.minGapNanos = (long) (1_000_000_000L / settings.ratePerSecond());
        this.binds = new io.hallq.controller.sync.ReconnectPolicy(settings.reconnectMin(), settings.reconnectMax(), 0)
                .attempts();
        this.lastSubmitNanos = System.nanoTime() - minGapNanos;
    }

    @Override
    public boolean ensureBound(Instant now) {
        if (session != null && session.getSessionState().isBound()) {
            return true;
        }
        if (session != null) {
            session.close();
            session = null;
        }
        if (now.isBefore(nextAttempt)) {
            return false;
        }
        SMPPSession s = new SMPPSession();
        s.setTransactionTimer(settings.responseTimeout().toMillis());
        s.setEnquireLinkTimer(30_000);
        s.setMessageReceiverListener(new Receipts());
        try {
            s.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
                    settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), BIND_TIMEOUT.toMillis());
        } catch (IOException e) {
            s.close();
            String why = e.getCause() instanceof NegativeResponseException n
                    ? "bind refused, status 0x" + Integer.toHexString(n.getCommandStatus()) : e.getMessage();
            if (!downLogged) {
                Logger.warn("SMS centre {}:{} unavailable ({}); retrying with backoff up to {}", settings.host(),
                        settings.port(), why, settings.reconnectMax());
                downLogged = true;
            }
            nextAttempt = now.plus(binds.failed(java.util.concurrent.ThreadLocalRandom.current()));
            return false;
        }
        Logger.info("Bound to SMS centre {}:{} as {}", settings.host(), settings.port(), settings.systemId());
        session = s;
        binds.reset();
        downLogged = false;
        return true;
    }

    @Override
    public List<String> send(String phone, String text) throws SmsException {
        if (session == null) {
            throw new SmsException("not bound to the SMS centre", false, null);
        }
        SmsParts parts = SmsParts.of(text, reference++ & 0xff);
        ESMClass esm = parts.concatenated()
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI) : new ESMClass();
        DataCoding coding = parts.dataCoding() == SmsParts.UCS2 ? UCS2 : DEFAULT;
        List<String> ids = new ArrayList<>();
        for (byte[] part : parts.parts()) {
            pace();
            try {
                ids.add(session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        settings.sourceAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, phone, esm,
                        (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                        (byte) 0, coding, (byte) 0, part).getMessageId());
            } catch (NegativeResponseException e) {
                int status = e.getCommandStatus();
                boolean transientStatus = status == SMPPConstant.STAT_ESME_RTHROTTLED
                        || status == SMPPConstant.STAT_ESME_RMSGQFUL || status == SMPPConstant.STAT_ESME_RSYSERR;
                throw new SmsException("refused by the SMS centre, status 0x" + Integer.toHexString(status)
                        + partNote(ids), !transientStatus, e);
            } catch (PDUException e) {
                throw new SmsException("message not encodable: " + e.getMessage(), true, e);
            } catch (ResponseTimeoutException | InvalidResponseException | IOException e) {
                dropSession();
                throw new SmsException("SMS centre did not answer: " + e.getClass().getSimpleName() + partNote(ids),
                        false, e);
            }
        }
        return ids;
    }

    private static String partNote(List<String> sent) {
        return sent.isEmpty() ? "" : " (after " + sent.size() + " part(s) went out)";
    }

    /** Spaces submits to the configured rate; runs on the sender's own thread, never on a shared one. */
    private void pace() {
        long wait = lastSubmitNanos + minGapNanos - System.nanoTime();
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            wait = lastSubmitNanos + minGapNanos - System.nanoTime();
        }
        lastSubmitNanos = System.nanoTime();
    }

    private void dropSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    private final class Receipts implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                return; // a customer's reply: not read (the SMS says no reply is needed)
            }
            try {
                DeliveryReceipt r = deliverSm.getShortMessageAsDeliveryReceipt();
                receipts.receipt(r.getId(), r.getFinalStatus().name());
            } catch (InvalidDeliveryReceiptException e) {
                Logger.warn("Unreadable delivery receipt from the SMS centre: {}", e.getMessage());
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm, Session source)
                throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
