package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A command, published to {@link Topics#command}. The issuer is the topic's last segment, which the broker's
 * ACL ties to the client's login; the MQTT 5 response topic (the issuer's own {@link Topics#replies}) and
 * correlation data say where the {@link CommandResponse} goes.
 *
 * @param id       unique per issuer (a UUID, say): a hall carries out an (issuer, id) at most once, across restarts
 * @param issuedAt when the issuer sent it; a hall refuses a command older than its {@code mqtt.commandMaxAge}
 */
public record CommandRequest(@JsonProperty(required = true) int v,
                             @JsonProperty(required = true) String id,
                             @JsonProperty(required = true) Instant issuedAt,
                             @JsonProperty(required = true) HallCommand command) implements MqttMessage {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    public CommandRequest {
        Require.version(v);
        Require.present("id", id);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("field 'id' must be 1 to 64 of A-Z, a-z, 0-9, '.', '_', ':', '-'");
        }
        Require.present("issuedAt", issuedAt);
        Require.present("command", command);
    }

    /** A command with a fresh random id, issued now. */
    public static CommandRequest of(HallCommand command) {
        return of(UUID.randomUUID().toString(), Instant.now(), command);
    }

    public static CommandRequest of(String id, Instant issuedAt, HallCommand command) {
        return new CommandRequest(MqttCodec.VERSION, id, issuedAt, command);
    }
}
