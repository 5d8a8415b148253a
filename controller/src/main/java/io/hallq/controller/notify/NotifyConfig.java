package io.hallq.controller.notify;

import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code notify:} section: how SMS are sent, who gets which, and in which words.
 *
 * @param keyFile   the AES key of the phone vault (created 0600 when missing)
 * @param vaultFile where customers' numbers are kept, encrypted, until the day ends
 * @param sms       the SMS centre; empty: nothing is sent (requests are journaled and fail as "no SMS channel")
 */
public record NotifyConfig(boolean enabled, Path keyFile, Path vaultFile, Optional<Sms> sms, Reminders reminders,
                           Staff staff, Templates templates, Paper paper) {

    /**
     * Ticket paper stock.
     *
     * @param file           where the rolls in store are kept
     * @param ticketsPerRoll how many tickets one roll prints
     * @param rollsAtStart   rolls in store before the manager first counts them
     * @param warnDays       staff are warned when fewer days than this are left
     */
    public record Paper(Path file, int ticketsPerRoll, int rollsAtStart, int warnDays) {}

    /** An SMPP 3.4 SMS centre (ESME bound as transceiver, so receipts arrive on the same session). */
    public record Sms(String host, int port, String systemId, String password, String systemType,
                      String sourceAddress, double ratePerSecond, Duration reconnectMin, Duration reconnectMax,
                      Duration responseTimeout, Duration retryEvery, Duration giveUpAfter) {
        /** The same account at another address (the emulator's virtual SMS centre). */
        public Sms at(String newHost, int newPort) {
            return new Sms(newHost, newPort, systemId, password, systemType, sourceAddress, ratePerSecond,
                    reconnectMin, reconnectMax, responseTimeout, retryEvery, giveUpAfter);
        }

        @Override
        public String toString() { // the password stays out of logs
            return "Sms[" + systemId + "@" + host + ":" + port + ", from " + sourceAddress + ", " + ratePerSecond
                    + "/s]";
        }
    }

    /**
     * Reminders to customers who left a number.
     *
     * @param ahead    an SMS when this many people or fewer are ahead
     * @param overdue  an SMS when the wait passes the class's target
     * @param language the language of customers' SMS
     */
    public record Reminders(boolean enabled, int ahead, boolean overdue, String language) {}

    /**
     * Staff alerts.
     *
     * @param contacts      who is told, by tier (0: on-duty manager, 1: area manager, ...)
     * @param escalateAfter an alarm still active this long after its last alert goes to the next tier
     * @param alarms        the alarm kinds that alert staff
     */
    public record Staff(List<Contact> contacts, Duration escalateAfter, Set<AlarmKind> alarms) {
        public Staff {
            contacts = List.copyOf(contacts);
            alarms = Set.copyOf(alarms);
        }

        public List<Contact> tier(int tier) {
            return contacts.stream().filter(c -> c.tier() == tier).toList();
        }

        public int topTier() {
            return contacts.stream().mapToInt(Contact::tier).max().orElse(-1);
        }
    }

    /** A staff member who gets alerts; the number is config, never journaled (events carry the id). */
    public record Contact(String id, PhoneNumber phone, int tier, String language) {
        @Override
        public String toString() {
            return "Contact[" + id + ", tier " + tier + "]";
        }
    }

    /** Message texts per language and purpose, with {placeholders}. */
    public record Templates(Map<String, Map<String, String>> byLanguage) {
        public Templates {
            byLanguage = Map.copyOf(byLanguage);
        }

        public String render(String language, String purpose, Map<String, String> values) {
            Map<String, String> set = byLanguage.getOrDefault(language, byLanguage.get("zh"));
            String t = set.get(purpose);
            for (Map.Entry<String, String> v : values.entrySet()) {
                t = t.replace("{" + v.getKey() + "}", v.getValue());
            }
            return t;
        }
    }
}
