package io.hallq.controller.sync;

import static io.hallq.controller.config.ConfigScalar.DURATION;
import static io.hallq.controller.config.ConfigScalar.NAME;

import io.hallq.controller.config.ConfigNode;
import io.hallq.controller.config.ConfigScalar;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The connection keys every MQTT client of ours reads the same way (the hall's {@code mqtt} section in
 * {@link MqttSettingsReader}, the board Pi's file): broker, client id, reconnect backoff, TLS files.
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
}
