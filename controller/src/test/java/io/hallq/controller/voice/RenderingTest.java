package io.hallq.controller.voice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RenderingTest {

    private static final Rendering RENDERING = new Rendering(PcmFormat.MONO_16K, List.of(
            new Rendering.ClipSegment(new Clip("a", new short[]{1, -2, 32767, -32768})),
            new Rendering.Silence(3),
            new Rendering.ClipSegment(new Clip("b", new short[]{100, 200, -300}))));

    @Property
    void readingInAnyChunkSizeGivesTheWholePcm(@ForAll @IntRange(min = 1, max = 40) int chunkBytes,
                                               @ForAll @DoubleRange(min = 0.0, max = 1.0) double volume) {
        Rendering.PcmReader reader = RENDERING.reader(volume);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[chunkBytes];
        int n;
        while (chunkBytes >= 2 && (n = reader.read(chunk)) > 0) {
            out.write(chunk, 0, n);
        }
        assertArrayEquals(chunkBytes >= 2 ? RENDERING.toPcm(volume) : new byte[0], out.toByteArray());
    }

    @Property
    void everySampleIsScaledAndRounded(@ForAll short sample, @ForAll @DoubleRange(min = 0.0, max = 1.0) double v) {
        assertEquals((int) Math.round(sample * v), Rendering.scale(sample, v));
    }

    @Property(tries = 20)
    void lengthIsTheSumOfTheSegments(@ForAll @IntRange(min = 1, max = 1000) int silence) {
        Rendering r = new Rendering(PcmFormat.MONO_16K, List.of(new Rendering.Silence(silence),
                new Rendering.ClipSegment(new Clip("c", new short[7]))));
        assertEquals(silence + 7, r.totalSamples());
        assertEquals((silence + 7) * 2, r.toPcm(0.3).length);
    }

    @Property(tries = 20)
    void aClipReadOnDemandIsReadOncePerPlayInAnyChunkSize(@ForAll @IntRange(min = 2, max = 40) int chunkBytes) {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        short[] samples = {5, -6, 7, -8, 9, -10, 11};
        Rendering r = new Rendering(PcmFormat.MONO_16K, List.of(new Rendering.ClipSegment(
                Clip.onDemand("d", samples.length, () -> {
                    reads.incrementAndGet();
                    return samples.clone();
                }))));
        Rendering.PcmReader reader = r.reader(1.0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[chunkBytes];
        int n;
        while ((n = reader.read(chunk)) > 0) {
            out.write(chunk, 0, n);
        }
        assertEquals(1, reads.get());
        assertArrayEquals(new Rendering(PcmFormat.MONO_16K, List.of(new Rendering.ClipSegment(new Clip("m", samples))))
                .toPcm(1.0), out.toByteArray());
    }
}
