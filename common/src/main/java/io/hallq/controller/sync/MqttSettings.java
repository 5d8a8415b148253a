package io.hallq.controller.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code mqtt:} section of the hall config, as read by {@link MqttSettingsReader}.
 *
 * @param broker         tcp://host:port or ssl://host:port
 * @param embedded       the emulator starts an embedded broker on the broker URI's port (ignored by a real hall)
 * @param allowedIssuers per command name, the issuers (last topic segment, tied to the login by the broker
 *                       ACL) that may send it; a command not listed is allowed to nobody
 * @param password       the password, read from {@code password}, {@code passwordFile} or
 *                       {@code passwordCredential} (systemd's $CREDENTIALS_DIRECTORY)
 * @param commandMaxAge  a command issued longer ago than this is refused as STALE
 */
public record MqttSettings(boolean enabled, URI broker, boolean embedded, String clientId,
                           Optional<String> username, Optional<String> password, Optional<Tls> tls,
                           Duration keepAlive, Duration sessionExpiry, Duration statusInterval, int maxInflight,
                           Duration reconnectMin, Duration reconnectMax,
                           Map<String, Set<String>> allowedIssuers, List<Neighbour> neighbours,
                           Duration commandMaxAge) {

    /** The default of {@code mqtt.commandMaxAge}. */
    public static final Duration DEFAULT_COMMAND_MAX_AGE = Duration.ofSeconds(60);

    public MqttSettings {
        allowedIssuers = Map.copyOf(allowedIssuers);
        neighbours = List.copyOf(neighbours);
    }

    /** With the default command age (a client that takes no commands, e.g. the board Pi). */
    public MqttSettings(boolean enabled, URI broker, boolean embedded, String clientId,
                        Optional<String> username, Optional<String> password, Optional<Tls> tls,
                        Duration keepAlive, Duration sessionExpiry, Duration statusInterval, int maxInflight,
                        Duration reconnectMin, Duration reconnectMax,
                        Map<String, Set<String>> allowedIssuers, List<Neighbour> neighbours) {
        this(enabled, broker, embedded, clientId, username, password, tls, keepAlive, sessionExpiry, statusInterval,
                maxInflight, reconnectMin, reconnectMax, allowedIssuers, neighbours, DEFAULT_COMMAND_MAX_AGE);
    }

    /**
     * PEM files for TLS. Without {@code certFile}/{@code keyFile} the hall logs in with username/password.
     *
     * @param keyFile an unencrypted PKCS#8 private key ("BEGIN PRIVATE KEY")
     */
    public record Tls(Path caFile, Optional<Path> certFile, Optional<Path> keyFile) {}

    /**
     * A nearby hall whose status this hall follows.
     *
     * @param margin how much longer the wait here must be before customers are pointed there
     */
    public record Neighbour(String hall, String nameZh, String nameEn, int distanceMeters, Duration margin) {}

    public MqttSettings withBroker(URI other) {
        return new MqttSettings(enabled, other, embedded, clientId, username, password, tls, keepAlive, sessionExpiry,
                statusInterval, maxInflight, reconnectMin, reconnectMax, allowedIssuers, neighbours, commandMaxAge);
    }

    /** The reconnect backoff: {@code reconnectMin} doubling up to {@code reconnectMax}, spread by 20 %. */
    public ReconnectPolicy reconnect() {
        return ReconnectPolicy.mqtt(reconnectMin, reconnectMax);
    }

    public boolean allows(String command, String issuer) {
        return allowedIssuers.getOrDefault(command, Set.of()).contains(issuer);
    }
}
