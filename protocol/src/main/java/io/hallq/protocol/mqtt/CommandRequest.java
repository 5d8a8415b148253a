package io.hallq.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A command, published to {@link Topics#command}. The issuer is the topic's last segment, which the broker's
 * ACL ties to the client's login; the MQTT 5 response topic and correlation data say where the
 * {@link CommandResponse} goes.
 */
public record CommandRequest(@JsonProperty(required = true) int v,
                             @JsonProperty(required = true) HallCommand command) implements MqttMessage {
    public CommandRequest {
        Require.version(v);
        Require.present("command", command);
    }

    public static CommandRequest of(HallCommand command) {
        return new CommandRequest(MqttCodec.VERSION, command);
    }
}
