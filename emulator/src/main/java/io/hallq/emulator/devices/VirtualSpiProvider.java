package io.hallq.emulator.devices;

import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiBase;
import com.pi4j.io.spi.SpiConfig;
import com.pi4j.io.spi.SpiProvider;
import com.pi4j.io.spi.SpiProviderBase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Pi4J SPI provider whose devices are virtual MAX7219 chains: the controller's Pi4J board writes to it
 * exactly as to /dev/spidev on the Pi. A chain is attached to a bus and chip select before the controller
 * opens it; writes to an address with nothing attached fail like a missing device.
 */
public final class VirtualSpiProvider extends SpiProviderBase {

    public static final String ID = "hallq-virtual-spi";

    private final Map<String, VirtualMax7219> chains = new ConcurrentHashMap<>();

    public VirtualSpiProvider() {
        super(ID, "hallq virtual SPI (MAX7219)");
    }

    /** Attaches a chain of {@code chips} MAX7219s at bus.chipSelect. */
    public VirtualMax7219 attach(int bus, int chipSelect, int chips) {
        VirtualMax7219 chain = new VirtualMax7219(chips);
        chains.put(bus + "." + chipSelect, chain);
        return chain;
    }

    @Override
    public int getPriority() {
        return 1000; // above Pi4J's mock SPI provider, should both be on the class path
    }

    @Override
    public Spi create(SpiConfig config) {
        VirtualMax7219 chain = chains.get(config.bus().getBus() + "." + config.channel());
        if (chain == null) {
            throw new IllegalStateException("nothing attached at SPI " + config.bus().getBus() + "." + config.channel());
        }
        Spi spi = new VirtualSpi(this, config, chain);
        context.registry().add(spi);
        return spi;
    }

    private static final class VirtualSpi extends SpiBase {

        private final VirtualMax7219 chain;

        VirtualSpi(SpiProvider provider, SpiConfig config, VirtualMax7219 chain) {
            super(provider, config);
            this.chain = chain;
        }

        @Override
        public int transfer(byte[] write, int writeOffset, byte[] read, int readOffset, int length) {
            chain.receive(java.util.Arrays.copyOfRange(write, writeOffset, writeOffset + length));
            return length;
        }

        @Override
        public int write(byte[] data, int offset, int length) {
            chain.receive(java.util.Arrays.copyOfRange(data, offset, offset + length));
            return length;
        }

        @Override
        public int write(byte b) {
            return write(new byte[] {b}, 0, 1);
        }

        @Override
        public int read() {
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return 0; // the MAX7219 has no data out worth reading
        }
    }
}
