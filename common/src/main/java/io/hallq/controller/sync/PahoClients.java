package io.hallq.controller.sync;

import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

/**
 * What every plain Paho v5 subscriber outside the hall's own {@link MqttLink} needs (central's lookup answers,
 * the tests' central): a callback that hands each message over and subscribes again after an automatic
 * reconnect, and a quiet close.
 */
public final class PahoClients {

    private PahoClients() {}

    /**
     * A callback handing each message to {@code messages} (on Paho's thread: hand over, never publish from it)
     * and running {@code resubscribe} after an automatic reconnect, whose clean session forgot the
     * subscriptions. Disconnects and errors are left to the automatic reconnect.
     */
    public static MqttCallback subscriber(BiConsumer<String, MqttMessage> messages, Runnable resubscribe) {
        return new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                messages.accept(topic, message);
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) {
                    resubscribe.run();
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse r) { }

            @Override
            public void mqttErrorOccurred(MqttException e) { }

            @Override
            public void deliveryComplete(IMqttToken token) { }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) { }
        };
    }

    /** Disconnects (waiting up to 5 s) and closes {@code client}; a failure is only logged at debug. */
    public static void closeQuietly(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5000);
            }
            client.close(true);
        } catch (MqttException e) {
            Logger.debug("MQTT client {} closed: {}", client.getClientId(), e.getMessage());
        }
    }
}
