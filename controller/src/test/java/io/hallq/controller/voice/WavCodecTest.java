package io.hallq.controller.voice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WavCodecTest {

    @Property(tries = 200)
    void encodeThenDecodeGivesTheSamples(@ForAll @Size(max = 300) List<Short> samples,
                                         @ForAll @IntRange(min = 8000, max = 48000) int rate) {
        short[] s = new short[samples.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = samples.get(i);
        }
        PcmFormat format = new PcmFormat(rate, 1, 16);
        WavCodec.Pcm pcm = WavCodec.decode(WavCodec.encode(format, s));
        assertEquals(format, pcm.format());
        assertArrayEquals(s, pcm.samples());
    }

    @Test
    void skipsUnknownChunksAndReadsExtensibleFormat() {
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + 40 + 8 + 4 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(b.capacity() - 8).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(40).putShort((short) 0xFFFE).putShort((short) 1).putInt(22050).putInt(44100)
                .putShort((short) 2).putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(4)
                .putShort((short) 1).put(new byte[14]);
        b.putInt(0x5453494c).putInt(4).putInt(0); // "LIST"
        b.putInt(0x61746164).putInt(4).putShort((short) 7).putShort((short) -7);
        WavCodec.Pcm pcm = WavCodec.decode(b.array());
        assertEquals(new PcmFormat(22050, 1, 16), pcm.format());
        assertArrayEquals(new short[]{7, -7}, pcm.samples());
    }

    @Test
    void refusesWhatIsNotMono16Pcm() {
        assertThrows(IllegalArgumentException.class, () -> WavCodec.info(new byte[]{1, 2, 3}));
        byte[] stereo = WavCodec.encode(new PcmFormat(16000, 2, 16), new short[]{1, 2});
        assertEquals(new PcmFormat(16000, 2, 16), WavCodec.info(stereo).format());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WavCodec.decode(stereo));
        assertEquals("expected mono 16-bit PCM, got 16000 Hz, stereo, 16-bit", e.getMessage());
    }
}
