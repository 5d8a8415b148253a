package io.hallq.controller.voice.bench;

import io.hallq.controller.voice.Announcement;
import io.hallq.controller.voice.AnnouncementRenderer;
import io.hallq.controller.voice.Announcer;
import io.hallq.controller.voice.AudioSink;
import io.hallq.controller.voice.ClipSet;
import io.hallq.controller.voice.ClipSetLoader;
import io.hallq.controller.voice.ClipSource;
import io.hallq.controller.voice.PcmFormat;
import io.hallq.controller.voice.VoiceConfig;
import io.hallq.controller.voice.VoiceListener;
import io.hallq.controller.voice.WavFileSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Latency from a call being submitted to the first audio frame written to the sink, p50/p99 over many calls,
 * beside a baseline that writes a pre-rendered buffer to the same kind of sink from the calling thread.
 * Each call is submitted to an idle announcer (the common case: a counter calls the next ticket). Amplifier
 * warm-up is 0 here; on the Pi add the configured {@code voice.warmUp}. Not a unit test: run by hand, see
 * docs/voice.md "Benchmark".
 *
 * <p>Arguments: [measured calls, default 2000] [warm-up calls, default 200].
 */
public final class VoiceLatencyBench {

    private VoiceLatencyBench() {
    }

    public static void main(String[] args) throws IOException {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        VoiceConfig config = VoiceConfig.defaults();
        ClipSet clips = switch (ClipSetLoader.load(ClipSource.shipped(), config)) {
            case ClipSetLoader.Result.Loaded(ClipSet c) -> c;
            case ClipSetLoader.Result.Failed(var errors) -> throw new IllegalStateException(errors.toString());
        };
        Path dir = Files.createTempDirectory("hallq-voice-bench");
        System.out.printf("# voice latency: %d calls (after %d warm-up), languages %s, repeat %d, warmUp 0 ms%n",
                measured, warmup, config.languages(), config.repeat());
        System.out.printf("# java %s, %s %s, %d cpus%n%n", Runtime.version(), System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
        System.out.println("| sink | path | p50 | p99 | max |");
        System.out.println("| --- | --- | --- | --- | --- |");
        run("memory (discard)", NullSink::new, config, clips, measured, warmup);
        run("WAV file per call", () -> WavFileSink.perAnnouncement(dir), config, clips, measured, warmup);
        deleteTree(dir);
    }

    private static void run(String sinkName, Supplier<AudioSink> sinks, VoiceConfig config, ClipSet clips,
                            int measured, int warmup) {
        Stats baseline = baseline(new TimingSink(sinks.get()), config, clips, measured, warmup);
        Stats announcer = announcer(new TimingSink(sinks.get()), config, clips, measured, warmup);
        System.out.println(baseline.row(sinkName, "baseline: pre-rendered buffer, caller thread"));
        System.out.println(announcer.row(sinkName, "announce() -> first frame"));
    }

    private static Stats announcer(TimingSink sink, VoiceConfig config, ClipSet clips, int measured, int warmup) {
        long[] nanos = new long[measured];
        VoiceConfig noWarmUp = withoutWarmUp(config);
        try (Announcer a = Announcer.start(noWarmUp, clips, sink, on -> { }, Clock.systemDefaultZone(),
                VoiceListener.NONE)) {
            for (int i = -warmup; i < measured; i++) {
                Announcement call = call(i);
                long start = System.nanoTime();
                a.announce(call);
                if (!a.awaitIdle(Duration.ofSeconds(10))) {
                    throw new IllegalStateException("announcement did not finish");
                }
                if (i >= 0) {
                    nanos[i] = sink.firstWriteNanos - start;
                }
                sink.deleteLastFile();
            }
        }
        return new Stats(nanos);
    }

    private static Stats baseline(TimingSink sink, VoiceConfig config, ClipSet clips, int measured, int warmup) {
        long[] nanos = new long[measured];
        byte[] pcm = new AnnouncementRenderer(config, clips).render(call(0)).toPcm(1.0);
        int chunk = clips.format().sampleRate() * 2 / 20;
        for (int i = -warmup; i < measured; i++) {
            long start = System.nanoTime();
            if (!(sink.open(clips.format(), "baseline " + i) instanceof AudioSink.Opened)) {
                throw new IllegalStateException("sink unavailable");
            }
            for (int off = 0; off < pcm.length; off += chunk) {
                sink.write(pcm, off, Math.min(chunk, pcm.length - off));
            }
            sink.drain();
            sink.close();
            if (i >= 0) {
                nanos[i] = sink.firstWriteNanos - start;
            }
            sink.deleteLastFile();
        }
        return new Stats(nanos);
    }

    private static Announcement call(int i) {
        return new Announcement.Call(String.format("A%03d", Math.floorMod(i, 1000)), 1 + Math.floorMod(i, 12));
    }

    private static VoiceConfig withoutWarmUp(VoiceConfig c) {
        return new VoiceConfig(c.enabled(), c.languages(), c.templates(), c.repeat(), c.recallJumpsQueue(),
                Duration.ZERO, c.gap(), c.pause(), c.repeatGap(), c.volume(), c.quietHours(), c.clipDirectory(),
                c.maxQueued());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Sorted latencies. */
    private record Stats(long[] nanos) {
        Stats {
            nanos = nanos.clone();
            Arrays.sort(nanos);
        }

        String row(String sink, String path) {
            return String.format("| %s | %s | %s | %s | %s |", sink, path, micros(percentile(0.50)),
                    micros(percentile(0.99)), micros(nanos[nanos.length - 1]));
        }

        long percentile(double p) {
            return nanos[(int) Math.min(nanos.length - 1, Math.ceil(p * nanos.length) - 1)];
        }

        static String micros(long nanos) {
            return String.format("%.0f µs", nanos / 1000.0);
        }
    }

    /** Records when the first frame of each announcement is written. */
    private static final class TimingSink implements AudioSink {
        private final AudioSink inner;
        private volatile long firstWriteNanos;
        private boolean first;

        TimingSink(AudioSink inner) {
            this.inner = inner;
        }

        @Override
        public OpenResult open(PcmFormat format, String label) {
            first = true;
            return inner.open(format, label);
        }

        @Override
        public void write(byte[] pcm, int offset, int length) {
            if (first) {
                first = false;
                firstWriteNanos = System.nanoTime();
            }
            inner.write(pcm, offset, length);
        }

        @Override
        public void drain() {
            inner.drain();
        }

        @Override
        public void close() {
            inner.close();
        }

        void deleteLastFile() {
            if (inner instanceof WavFileSink w && !w.files().isEmpty()) {
                try {
                    Files.deleteIfExists(w.files().getLast());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Takes the audio and forgets it. */
    private static final class NullSink implements AudioSink {
        @Override
        public OpenResult open(PcmFormat format, String label) {
            return OPENED;
        }

        @Override
        public void write(byte[] pcm, int offset, int length) {
            // discarded
        }

        @Override
        public void drain() {
        }

        @Override
        public void close() {
        }
    }
}
