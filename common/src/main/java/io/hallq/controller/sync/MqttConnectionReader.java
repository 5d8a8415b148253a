package io.hallq.controller.sync;

import static io.hallq.controller.config.ConfigScalar.DURATION;
import static io.hallq.controller.config.ConfigScalar.NAME;

import io.hallq.controller.config.ConfigNode;
import io.hallq.controller.config.ConfigScalar;
import java.net.URI;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tinylog.Logger;

/**
 * The connection keys every MQTT client of ours reads the same way (the hall's {@code mqtt} section in
 * {@link MqttSettingsReader}, the board Pi's file): broker, client id, the password (inline, from a file or a
 * systemd credential), reconnect backoff, TLS files.
 */
public final class MqttConnectionReader {

    /** A broker address as every MQTT client of ours takes it (the hall, the board Pi). */
    public static final ConfigScalar<String> BROKER = ConfigScalar.text("(tcp|ssl)://[A-Za-z0-9.\\[\\]:-]+:\\d{1,5}",
            "a broker URI tcp://host:port or ssl://host:port");
    /** A client id as the brokers take it. */
    public static final ConfigScalar<String> CLIENT_ID =
            ConfigScalar.text("[A-Za-z0-9_-]{1,64}", "a client id of A-Z, a-z, 0-9, '_', '-'");
    public static final ConfigScalar<Duration> POSITIVE =
            DURATION.where(Duration::isPositive, "a duration more than 0");

    private MqttConnectionReader() {}

    /** The required {@code broker} key of an mqtt mapping (the hall's, the board Pi's). */
    public static URI broker(ConfigNode n) {
        return URI.create(n.key("broker").required(BROKER).orElse("tcp://127.0.0.1:1883"));
    }

    /** The optional {@code reconnect: {min, max}} of an mqtt mapping, 1 s to 30 s by default, max not below min. */
    public static ReconnectPolicy reconnect(ConfigNode n) {
        ConfigNode reconnect = n.key("reconnect").mapping("min", "max");
        Duration min = reconnect.key("min").get(POSITIVE, Duration.ofSeconds(1));
        Duration max = reconnect.key("max").get(POSITIVE, Duration.ofSeconds(30));
        if (max.compareTo(min) < 0) {
            reconnect.key("max").reject("a duration at least reconnect.min (" + min + ")");
        }
        return ReconnectPolicy.mqtt(min, max.compareTo(min) < 0 ? min : max); // a rejected max: the error is reported
    }

    /**
     * The {@code tls} mapping ({@code caFile}, {@code certFile}, {@code keyFile}, relative to {@code base}),
     * of the hall's mqtt section and of the standalone board's file; an ssl:// broker without it is an error.
     */
    public static Optional<MqttSettings.Tls> tls(ConfigNode n, Path base, URI broker) {
        ConfigNode t = n.mapping("caFile", "certFile", "keyFile");
        if (!t.isGiven()) {
            if ("ssl".equals(broker.getScheme())) {
                n.error("missing: an ssl:// broker needs tls.caFile (PEM) to check the broker's certificate");
            }
            return Optional.empty();
        }
        Optional<Path> ca = file(t.key("caFile"), base, true);
        Optional<Path> cert = file(t.key("certFile"), base, false);
        Optional<Path> key = file(t.key("keyFile"), base, false);
        if (cert.isPresent() != key.isPresent()) {
            t.key(cert.isPresent() ? "keyFile" : "certFile").error("missing: certFile and keyFile go together");
        }
        return ca.map(c -> new MqttSettings.Tls(c, cert, key));
    }

    private static Optional<Path> file(ConfigNode n, Path base, boolean required) {
        Optional<String> name = required ? n.required(NAME) : n.optional(NAME);
        Optional<Path> path = name.map(s -> base.resolve(s).normalize());
        if (path.isPresent() && !Files.isReadable(path.get())) {
            n.error("expected a readable PEM file, but " + path.get() + " cannot be read");
        }
        return path;
    }

    /**
     * The password from at most one of {@code password} (in the file, warned about by {@link #warnings}),
     * {@code passwordFile} (one line in a file readable by its owner alone, relative to {@code base}) or
     * {@code passwordCredential} (the name of a systemd credential: {@code LoadCredential=} /
     * {@code SetCredentialEncrypted=} put it under {@code $CREDENTIALS_DIRECTORY}, taken from {@code env}).
     * Every mistake is reported on the key that names the source; empty when none is given or on a mistake.
     */
    public static Optional<String> password(ConfigNode n, Path base, Map<String, String> env) {
        Optional<String> inline = n.key("password").optional(NAME);
        Optional<String> file = n.key("passwordFile").optional(NAME);
        Optional<String> credential = n.key("passwordCredential").optional(
                ConfigScalar.text("[A-Za-z0-9_.-]{1,64}", "a credential name of A-Z, a-z, 0-9, '_', '.', '-'"));
        int given = (inline.isPresent() ? 1 : 0) + (file.isPresent() ? 1 : 0) + (credential.isPresent() ? 1 : 0);
        if (given > 1) {
            n.key(file.isPresent() ? "passwordFile" : "passwordCredential")
                    .error("give only one of password, passwordFile and passwordCredential");
            return Optional.empty();
        }
        if (file.isPresent()) {
            return secretFile(n.key("passwordFile"), base.resolve(file.get()).normalize(), true, "the password");
        }
        if (credential.isPresent()) {
            String dir = env.get("CREDENTIALS_DIRECTORY");
            if (dir == null || dir.isBlank()) {
                n.key("passwordCredential").error("expected $CREDENTIALS_DIRECTORY from systemd (LoadCredential="
                        + credential.get() + ":... in the unit), but it is not set");
                return Optional.empty();
            }
            // systemd makes the directory and file readable by the service alone
            return secretFile(n.key("passwordCredential"), Path.of(dir).resolve(credential.get()), false,
                    "the password");
        }
        return inline;
    }

    /**
     * One line of secret text from {@code path}, or an error on {@code key} naming the file and what is wrong:
     * missing or not a readable file, readable by group or others (when {@code checkMode}), empty, or more than
     * one line. {@code what} names the secret in the message ("the password", "the lookup key").
     */
    public static Optional<String> secretFile(ConfigNode key, Path path, boolean checkMode, String what) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            key.error("expected a readable file holding " + what + ", but " + path + " cannot be read");
            return Optional.empty();
        }
        try {
            if (checkMode) {
                try {
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                    if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                        key.error("expected a file readable by its owner alone (chmod 600 " + path + "), but it is "
                                + PosixFilePermissions.toString(mode));
                        return Optional.empty();
                    }
                } catch (UnsupportedOperationException noPosix) {
                    // a file system without POSIX modes: nothing to check
                }
            }
            String text = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (text.isEmpty() || text.contains("\n")) {
                key.error("expected one line holding " + what + " in " + path);
                return Optional.empty();
            }
            return Optional.of(text);
        } catch (IOException e) {
            key.error("expected a readable file holding " + what + ", but " + path + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Warns (once, at start) about a password in clear in {@code file} ({@code inFile}: the {@code password} key
     * was given), or one sent in clear over tcp:// to a broker on another machine.
     */
    public static void warnings(MqttSettings s, Path file, boolean inFile) {
        if (inFile) {
            Logger.warn("{}: mqtt.password is in clear in the file; put it in a file readable only by the service user"
                    + " (mqtt.passwordFile) or in a systemd credential (mqtt.passwordCredential)", file);
        }
        if (s.password().isPresent() && "tcp".equals(s.broker().getScheme()) && !loopback(s.broker().getHost())) {
            Logger.warn("{}: mqtt.broker {} is on another machine over tcp://: the MQTT password and every message"
                    + " cross the network in clear; use ssl:// with tls.caFile", file, s.broker());
        }
    }

    private static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
    }
}
