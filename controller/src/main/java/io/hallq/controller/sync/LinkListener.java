package io.hallq.controller.sync;

/** What {@link MqttLink} reports; always called on the owner's executor, never on a Paho thread. */
public interface LinkListener {

    /** Connected and subscribed; {@code window} is how many QoS 1 publishes may be in flight at once. */
    void connected(int window);

    void disconnected(String why);

    void message(Inbound message);
}
