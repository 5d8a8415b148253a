package io.hallq.emulator.broker;

import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.sync.MqttSettings;
import io.hallq.controller.sync.MqttSettingsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Starts the embedded broker when the config's {@code mqtt.embedded} is true, on the port of
 * {@code mqtt.broker}. Listed before the MQTT module, so the hall connects to it at once.
 */
public final class EmbeddedBrokerModule implements HallModule {

    private EmbeddedBroker broker;

    @Override
    public String name() {
        return "embedded-broker";
    }

    @Override
    public void start(HallContext context) {
        Optional<MqttSettings> settings = MqttSettingsReader.read(context.loaded());
        if (settings.isEmpty() || !settings.get().embedded()) {
            return;
        }
        String host = settings.get().broker().getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalStateException(context.loaded().file() + ": mqtt.broker: expected a 127.0.0.1 or "
                    + "localhost URI when mqtt.embedded is true, got " + settings.get().broker());
        }
        int port = settings.get().broker().getPort();
        if (!isFree(port)) {
            int other = freePort();
            Logger.warn("mqtt.broker port {} is taken (another emulator?); the embedded broker uses {}", port, other);
            port = other;
        }
        broker = EmbeddedBroker.start(port);
    }

    /** Where the hall should connect: the embedded broker, when one runs (its port may differ from the config). */
    public Optional<URI> uri() {
        return broker == null ? Optional.empty() : Optional.of(URI.create(broker.uri()));
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the embedded broker", e);
        }
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
