package io.hallq.controller.voice;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Writes announcements to WAV files instead of a sound card: the emulator's "speaker" and the tests' ear.
 * Either one file per announcement ({@code 0001-call-A012-3.wav}, ...) or every announcement appended to one
 * file. The header is rewritten when each announcement closes, so every file is a complete WAV between
 * announcements. An I/O failure on open is reported as {@link AudioSink.Unavailable}, like a missing device.
 */
public final class WavFileSink implements AudioSink {

    private final Path target;
    private final boolean append;
    private final int keep;
    private final List<Path> files = new CopyOnWriteArrayList<>();
    private int sequence;
    private FileChannel channel;
    private Path current;
    private PcmFormat format;
    private long dataBytes;

    private WavFileSink(Path target, boolean append, int keep) {
        this.target = target;
        this.append = append;
        this.keep = keep;
    }

    /** One numbered WAV file per announcement in {@code directory} (created when missing). */
    public static WavFileSink perAnnouncement(Path directory) {
        return new WavFileSink(directory, false, 0);
    }

    /**
     * Like {@link #perAnnouncement(Path)} but keeps only the newest {@code keepLast} files: an emulator that runs
     * for days must not fill the disk with speech.
     */
    public static WavFileSink perAnnouncement(Path directory, int keepLast) {
        if (keepLast < 1) {
            throw new IllegalArgumentException("keepLast must be at least 1, got " + keepLast);
        }
        return new WavFileSink(directory, false, keepLast);
    }

    /** Every announcement appended to {@code file}; an existing file must be one this sink wrote, same format. */
    public static WavFileSink appending(Path file) {
        return new WavFileSink(file, true, 0);
    }

    /** Files completed so far, in order (the appended file once per announcement). */
    public List<Path> files() {
        return List.copyOf(files);
    }

    @Override
    public OpenResult open(PcmFormat pcmFormat, String label) {
        close();
        try {
            if (append) {
                return openAppending(pcmFormat);
            }
            Files.createDirectories(target);
            prune();
            sequence++;
            current = target.resolve(String.format(Locale.ROOT, "%04d-%s.wav", sequence, slug(label)));
            channel = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            start(pcmFormat, 0);
            return OPENED;
        } catch (IOException | RuntimeException e) {
            close();
            return new Unavailable("cannot write " + (current == null ? target : current) + ": " + e);
        }
    }

    private void prune() throws IOException {
        while (keep > 0 && files.size() >= keep) {
            Files.deleteIfExists(files.remove(0));
        }
    }

    private OpenResult openAppending(PcmFormat pcmFormat) throws IOException {
        current = target;
        long existing = 0;
        if (Files.exists(target) && Files.size(target) > 0) {
            byte[] head = new byte[WavCodec.HEADER_BYTES];
            try (FileChannel in = FileChannel.open(target, StandardOpenOption.READ)) {
                in.read(ByteBuffer.wrap(head));
            }
            WavCodec.Info info = WavCodec.info(head);
            if (info.dataOffset() != WavCodec.HEADER_BYTES || !info.format().equals(pcmFormat)) {
                return new Unavailable(target + " is not a " + pcmFormat.describe() + " WAV file written by hallq");
            }
            existing = Files.size(target) - WavCodec.HEADER_BYTES;
        } else if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        start(pcmFormat, existing);
        return OPENED;
    }

    private void start(PcmFormat pcmFormat, long existingBytes) throws IOException {
        format = pcmFormat;
        dataBytes = existingBytes;
        channel.write(ByteBuffer.wrap(WavCodec.header(format, dataBytes)), 0);
        channel.position(WavCodec.HEADER_BYTES + dataBytes);
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        if (channel == null) {
            throw new AudioSinkException("WAV sink is not open");
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(pcm, offset, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            dataBytes += length;
        } catch (IOException e) {
            throw new AudioSinkException("cannot write " + current, e);
        }
    }

    @Override
    public void drain() {
        // File writes complete synchronously; the header is finished in close().
    }

    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try (FileChannel c = channel) {
            c.write(ByteBuffer.wrap(WavCodec.header(format, dataBytes)), 0);
            files.add(current);
        } catch (IOException e) {
            throw new AudioSinkException("cannot finish " + current, e);
        } finally {
            channel = null;
        }
    }

    private static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "announcement" : s.substring(0, Math.min(40, s.length()));
    }
}
