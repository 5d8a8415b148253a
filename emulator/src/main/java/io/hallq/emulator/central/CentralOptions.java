package io.hallq.emulator.central;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Command line of {@code hallq central}.
 *
 * @param clientId null for a throw-away session; given, the session (and its queued events) outlives restarts
 */
public record CentralOptions(String broker, String group, String clientId, String username, String password,
                             Path csv, Duration refresh, Duration runFor, byte[] lookupKey,
                             java.util.Map<String, String> lookupPhones) {

    /** Without the phone lookup. */
    public CentralOptions(String broker, String group, String clientId, String username, String password,
                          Path csv, Duration refresh, Duration runFor) {
        this(broker, group, clientId, username, password, csv, refresh, runFor, null, java.util.Map.of());
    }

    /** True when this central answers the halls' phone lookups. */
    public boolean answersLookups() {
        return lookupKey != null;
    }

    static final String USAGE = """
            usage: hallq central [--broker URI] [--group NAME] [--client-id ID] [--csv FILE]
                                 [--username U [--password-file FILE]] [--refresh SECONDS] [--run-for SECONDS]
              --broker     MQTT broker (default tcp://127.0.0.1:18830, the emulator's embedded broker)
              --group      shared-subscription group: copies with the same group split the event stream
                           (default central)
              --client-id  keep a persistent session under this id, so events wait while the tool is down
              --username   log in as U; the password is the first line of --password-file FILE, or the
                           environment variable HALLQ_MQTT_PASSWORD (never an argument: every user sees those in ps)
              --csv        append every event (deduplicated per copy) to this CSV file
              --refresh    seconds between table redraws (default 2)
              --run-for    stop after this many seconds (default: until Ctrl-C)
              --lookup-key FILE --lookup-phones FILE
                           answer the halls' brand/VIP lookups: the key shared with the halls (first line,
                           at least 32 characters, as in their mqtt.lookup.keyFile) and the customer list,
                           one "phone class" per line ('#' starts a comment)
            """;

    public static CentralOptions parse(List<String> args) {
        String broker = "tcp://127.0.0.1:18830";
        String group = "central";
        String clientId = null;
        String user = null;
        String pass = null;
        Path csv = null;
        Duration refresh = Duration.ofSeconds(2);
        Duration runFor = null;
        byte[] lookupKey = null;
        java.util.Map<String, String> lookupPhones = null;
        for (int i = 0; i < args.size(); i++) {
            String key = args.get(i);
            if (key.equals("--help") || key.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(key + ": expected a value after it\n" + USAGE);
            }
            String v = args.get(++i);
            switch (key) {
                case "--broker" -> broker = uri(v);
                case "--group" -> group = segment(v);
                case "--client-id" -> clientId = v;
                case "--username" -> user = v;
                case "--password" -> throw new IllegalArgumentException("--password: a password on the command line is"
                        + " visible to every user of the machine (ps); use --password-file FILE or the environment"
                        + " variable HALLQ_MQTT_PASSWORD\n" + USAGE);
                case "--password-file" -> pass = firstLine(v);
                case "--csv" -> csv = Path.of(v);
                case "--refresh" -> refresh = seconds(key, v);
                case "--run-for" -> runFor = seconds(key, v);
                case "--lookup-key" -> lookupKey = lookupKey(v);
                case "--lookup-phones" -> lookupPhones = phones(v);
                default -> throw new IllegalArgumentException("unknown option " + key + "\n" + USAGE);
            }
        }
        if (pass == null && user != null) {
            pass = System.getenv("HALLQ_MQTT_PASSWORD");
        }
        if ((lookupKey == null) != (lookupPhones == null)) {
            throw new IllegalArgumentException("--lookup-key and --lookup-phones go together\n" + USAGE);
        }
        return new CentralOptions(broker, group, clientId, user, pass, csv, refresh, runFor, lookupKey,
                lookupPhones == null ? java.util.Map.of() : lookupPhones);
    }

    private static byte[] lookupKey(String file) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(Path.of(file));
            String key = lines.isEmpty() ? "" : lines.get(0).strip();
            if (key.length() < 32) {
                throw new IllegalArgumentException("--lookup-key: expected a key of at least 32 characters on the"
                        + " first line of " + file);
            }
            return key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--lookup-key: cannot read " + file + ": " + e.getMessage());
        }
    }

    private static java.util.Map<String, String> phones(String file) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try {
            List<String> lines = java.nio.file.Files.readAllLines(Path.of(file));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replaceAll("#.*", "").strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                if (parts.length != 2 || !io.hallq.protocol.PhoneNumber.isValid(parts[0]) || !parts[1].matches("[A-Za-z0-9_-]{1,32}")) {
                    throw new IllegalArgumentException("--lookup-phones: " + file + " line " + (i + 1)
                            + ": expected \"<" + io.hallq.protocol.PhoneNumber.EXPECTED
                            + "> <class code>\"");
                }
                out.put(parts[0], parts[1]);
            }
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--lookup-phones: cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String firstLine(String file) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(Path.of(file));
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                throw new IllegalArgumentException("--password-file: " + file + " holds no password on its first line");
            }
            return lines.get(0).strip();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--password-file: cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String uri(String v) {
        if (!v.matches("(tcp|ssl)://[^/\\s]+:\\d{1,5}")) {
            throw new IllegalArgumentException("--broker: expected tcp://host:port or ssl://host:port, got '" + v + "'");
        }
        return v;
    }

    private static String segment(String v) {
        if (!io.hallq.protocol.mqtt.Topics.isSegment(v)) {
            throw new IllegalArgumentException("--group: expected a-z, 0-9 and '-', got '" + v + "'");
        }
        return v;
    }

    private static Duration seconds(String key, String v) {
        try {
            double s = Double.parseDouble(v);
            if (s > 0) {
                return Duration.ofMillis(Math.round(s * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": expected a positive number of seconds, got '" + v + "'");
    }
}
