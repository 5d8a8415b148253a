package io.hallq.controller.notify;

import static io.hallq.controller.config.ConfigScalar.BOOLEAN;
import static io.hallq.controller.config.ConfigScalar.DURATION;
import static io.hallq.controller.config.ConfigScalar.NAME;

import io.hallq.controller.config.ConfigNode;
import io.hallq.controller.config.ConfigProblems;
import io.hallq.controller.config.ConfigScalar;
import io.hallq.controller.config.LoadedConfig;
import io.hallq.controller.sync.MqttConnectionReader;
import io.hallq.protocol.PhoneNumber;
import io.hallq.protocol.event.HallEvent.AlarmKind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code notify:} section. Self-contained so the configuration check can run it beside the other
 * sections' readers: {@link #read(ConfigNode, Path, Path)} records every problem (file and key) in the node's
 * problems and returns a usable config with defaults where a value was wrong.
 */
public final class NotifyConfigReader {

    static final String[] KEYS = {"enabled", "keyFile", "vaultFile", "sms", "reminders", "staff", "templates",
        "paper"};
    static final String[] SMS_KEYS = {"host", "port", "systemId", "password", "passwordFile", "systemType",
        "sourceAddress", "ratePerSecond", "reconnect", "responseTimeout", "retryEvery", "giveUpAfter"};
    static final List<String> PURPOSES = List.of(Purpose.AHEAD, Purpose.OVERDUE, Purpose.STAFF_ALERT,
            Purpose.STOCK_WARNING);
    static final Map<String, Map<String, String>> DEFAULT_TEMPLATES = Map.of(
            "zh", Map.of(
                    Purpose.AHEAD, "【{hall}】您的{ticket}号前面还有{ahead}人,请回到大厅准备办理。回复无需。",
                    Purpose.OVERDUE, "【{hall}】抱歉让您久等了!您的{ticket}号已等候{minutes}分钟,前面还有{ahead}人,"
                            + "我们正在加开窗口。",
                    Purpose.STAFF_ALERT, "【{hall}】{level}告警:{alarm}。请处理。",
                    Purpose.STOCK_WARNING, "【{hall}】取号纸预计{days}天后用完(库存{rolls}卷),请及时补充。"),
            "en", Map.of(
                    Purpose.AHEAD, "{hall}: {ahead} ahead of your ticket {ticket}. Please come back to the hall.",
                    Purpose.OVERDUE, "{hall}: sorry for the long wait! Ticket {ticket} has waited {minutes} min,"
                            + " {ahead} still ahead; we are opening more counters.",
                    Purpose.STAFF_ALERT, "{hall} {level} alert: {alarm}. Please act.",
                    Purpose.STOCK_WARNING, "{hall}: ticket paper runs out in about {days} days ({rolls} rolls"
                            + " in store). Please restock."));

    private static final ConfigScalar<String> HOST =
            ConfigScalar.text("[A-Za-z0-9.:\\[\\]-]{1,253}", "a host name or address");
    private static final ConfigScalar<Integer> PORT = ConfigScalar.integer(1, 65535);
    /** SMPP 3.4 limits: system_id 16, password 9, system_type 13 octets including the terminating NUL. */
    private static final ConfigScalar<String> SYSTEM_ID = ConfigScalar.text("[\\x21-\\x7e]{1,15}",
            "an SMPP system_id of 1 to 15 printable ASCII characters");
    private static final ConfigScalar<String> PASSWORD = ConfigScalar.text("[\\x21-\\x7e]{1,8}",
            "an SMPP password of 1 to 8 printable ASCII characters");
    private static final ConfigScalar<String> SYSTEM_TYPE = ConfigScalar.text("[\\x21-\\x7e]{0,12}",
            "an SMPP system_type of up to 12 printable ASCII characters");
    private static final ConfigScalar<String> ADDRESS = ConfigScalar.text("[0-9A-Za-z]{1,20}",
            "a source address of up to 20 digits or letters");
    private static final ConfigScalar<Double> RATE = ConfigScalar.NUMBER.where(d -> d > 0 && d <= 1000,
            "a rate of more than 0 and at most 1000 messages per second");
    private static final ConfigScalar<Duration> POSITIVE = DURATION.where(Duration::isPositive,
            "a duration more than 0");
    private static final ConfigScalar<String> LANGUAGE = ConfigScalar.text("zh|en", "a language: zh or en");
    private static final ConfigScalar<String> CONTACT_ID = ConfigScalar.text("[a-z0-9][a-z0-9-]{0,31}",
            "an id of a-z, 0-9 and '-' (up to 32)");
    private static final ConfigScalar<String> PHONE = ConfigScalar.TEXT.where(PhoneNumber::isValid,
            "a mobile number of 11 digits starting with 1");

    private NotifyConfigReader() {}

    /** Reads the section of a loaded file; empty when absent or {@code enabled: false}. Throws on any problem. */
    public static Optional<NotifyConfig> read(LoadedConfig loaded) {
        ConfigProblems problems = loaded.problems();
        ConfigNode n = loaded.section("notify", problems);
        NotifyConfig c = read(n, loaded.baseDir(), Path.of(loaded.config().journal().dataDir()));
        problems.throwIfAny();
        return c.enabled() ? Optional.of(c) : Optional.empty();
    }

    /**
     * Reads {@code notify} (which may be absent: then disabled), reporting problems in the node's collector.
     *
     * @param baseDir relative paths are taken from here
     * @param dataDir the journal's folder: the default home of the key and vault files
     */
    public static NotifyConfig read(ConfigNode notify, Path baseDir, Path dataDir) {
        ConfigNode n = notify.mapping(KEYS);
        boolean enabled = n.isGiven() && n.key("enabled").get(BOOLEAN, true);
        Path dir = baseDir == null ? dataDir : baseDir.resolve(dataDir);
        return new NotifyConfig(enabled,
                path(n.key("keyFile"), baseDir, dir.resolve("notify.key")),
                path(n.key("vaultFile"), baseDir, dir.resolve("notify-phones.vault")),
                sms(n.key("sms"), baseDir), reminders(n.key("reminders")), staff(n.key("staff")),
                templates(n.key("templates")), paper(n.key("paper"), dir));
    }

    private static NotifyConfig.Paper paper(ConfigNode node, Path dir) {
        ConfigNode n = node.mapping("ticketsPerRoll", "rollsInStore", "warnDays");
        return new NotifyConfig.Paper(dir.resolve("notify-paper-rolls"),
                n.key("ticketsPerRoll").get(ConfigScalar.integer(10, 100_000), 250),
                n.key("rollsInStore").get(ConfigScalar.integer(0, 10_000), 0),
                n.key("warnDays").get(ConfigScalar.integer(1, 60), 3));
    }

    private static Path path(ConfigNode n, Path base, Path fallback) {
        Optional<String> text = n.optional(NAME);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return base == null ? Path.of(text.get()) : base.resolve(text.get());
        } catch (InvalidPathException e) {
            n.reject("a file path");
            return fallback;
        }
    }

    private static Optional<NotifyConfig.Sms> sms(ConfigNode node, Path base) {
        if (!node.isGiven()) {
            return Optional.empty();
        }
        ConfigNode n = node.mapping(SMS_KEYS);
        String password = password(n, base);
        ConfigNode reconnect = n.key("reconnect").mapping("min", "max");
        Duration min = reconnect.key("min").get(POSITIVE, Duration.ofSeconds(1));
        Duration max = reconnect.key("max").get(POSITIVE, Duration.ofMinutes(1));
        if (max.compareTo(min) < 0) {
            reconnect.key("max").reject("a duration at least reconnect.min (" + min + ")");
        }
        return Optional.of(new NotifyConfig.Sms(
                n.key("host").required(HOST).orElse("localhost"), n.key("port").get(PORT, 2775),
                n.key("systemId").required(SYSTEM_ID).orElse("hallq"), password,
                n.key("systemType").get(SYSTEM_TYPE, ""), n.key("sourceAddress").get(ADDRESS, "hallq"),
                n.key("ratePerSecond").get(RATE, 5.0), min, max,
                n.key("responseTimeout").get(POSITIVE, Duration.ofSeconds(10)),
                n.key("retryEvery").get(POSITIVE, Duration.ofSeconds(30)),
                n.key("giveUpAfter").get(POSITIVE, Duration.ofHours(2))));
    }

    /**
     * The password from {@code password}, or from {@code passwordFile} (one line, in a file readable by its owner
     * alone, as the MQTT password file), never both.
     */
    private static String password(ConfigNode n, Path base) {
        ConfigNode inline = n.key("password");
        ConfigNode file = n.key("passwordFile");
        if (inline.isGiven() && file.isGiven()) {
            file.error("give password or passwordFile, not both");
            return "";
        }
        if (!file.isGiven()) {
            return inline.required(PASSWORD).orElse("");
        }
        Optional<String> name = file.optional(NAME);
        if (name.isEmpty()) {
            return "";
        }
        Path p;
        try {
            p = (base == null ? Path.of(name.get()) : base.resolve(name.get())).normalize();
        } catch (InvalidPathException e) {
            file.error("expected a file name, but " + e.getMessage());
            return "";
        }
        Optional<String> secret = MqttConnectionReader.secretFile(file, p, true, "the SMPP password");
        if (secret.isPresent() && !secret.get().matches("[\\x21-\\x7e]{1,8}")) {
            file.error("expected " + PASSWORD.expected() + " in " + p);
            return "";
        }
        return secret.orElse("");
    }

    private static NotifyConfig.Reminders reminders(ConfigNode node) {
        ConfigNode n = node.mapping("enabled", "ahead", "overdue", "language");
        return new NotifyConfig.Reminders(n.key("enabled").get(BOOLEAN, true),
                n.key("ahead").get(ConfigScalar.integer(1, 50), 3), n.key("overdue").get(BOOLEAN, true),
                n.key("language").get(LANGUAGE, "zh"));
    }

    private static NotifyConfig.Staff staff(ConfigNode node) {
        ConfigNode n = node.mapping("contacts", "escalateAfter", "alarms");
        List<NotifyConfig.Contact> contacts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode item : n.key("contacts").list("contacts")) {
            ConfigNode c = item.requiredMapping("id", "phone", "tier", "language");
            Optional<String> id = c.key("id").required(CONTACT_ID);
            if (id.isPresent() && !ids.add(id.get())) {
                c.key("id").error("duplicate contact id " + id.get());
            }
            contacts.add(new NotifyConfig.Contact(id.orElse("?"), c.key("phone").required(PHONE).map(PhoneNumber::parse).orElse(null),
                    c.key("tier").get(ConfigScalar.integer(0, 5), 0), c.key("language").get(LANGUAGE, "zh")));
        }
        Set<AlarmKind> kinds = EnumSet.noneOf(AlarmKind.class);
        ConfigNode alarms = n.key("alarms");
        if (alarms.isGiven()) {
            for (ConfigNode a : alarms.list("alarm kinds")) {
                a.required(ConfigScalar.oneOf(AlarmKind.class)).ifPresent(kinds::add);
            }
        } else {
            kinds.addAll(EnumSet.of(AlarmKind.DEVICE, AlarmKind.ESCALATION, AlarmKind.TICKET_OVERDUE));
        }
        return new NotifyConfig.Staff(contacts, n.key("escalateAfter").get(POSITIVE, Duration.ofMinutes(15)),
                kinds);
    }

    private static NotifyConfig.Templates templates(ConfigNode node) {
        ConfigNode n = node.mapping("zh", "en");
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (String lang : List.of("zh", "en")) {
            ConfigNode l = n.key(lang).mapping(PURPOSES.toArray(String[]::new));
            Map<String, String> set = new LinkedHashMap<>(DEFAULT_TEMPLATES.get(lang));
            for (String purpose : PURPOSES) {
                l.key(purpose).optional(ConfigScalar.TEXT.where(t -> !t.isBlank() && t.length() <= 400,
                        "a non-blank text of at most 400 characters")).ifPresent(t -> set.put(purpose, t));
            }
            all.put(lang, Map.copyOf(set));
        }
        return new NotifyConfig.Templates(all);
    }
}
