package io.hallq.controller.voice;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads and writes RIFF/WAVE files holding linear PCM. Only what hallq needs: the {@code fmt } and {@code data}
 * chunks (other chunks are skipped), PCM or WAVE_FORMAT_EXTENSIBLE with a PCM sub-format.
 */
public final class WavCodec {

    /** Size of the canonical 44-byte header written by {@link #header}. */
    public static final int HEADER_BYTES = 44;

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    /** Where the PCM data sits inside a WAV file. */
    public record Info(PcmFormat format, int dataOffset, int dataLength) {
    }

    /** A decoded mono 16-bit file. */
    public record Pcm(PcmFormat format, short[] samples) {
    }

    private WavCodec() {
    }

    /** Parses the header. Throws {@link IllegalArgumentException} with a reason when this is no PCM WAV file. */
    public static Info info(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IllegalArgumentException("not a RIFF/WAVE file");
        }
        PcmFormat format = null;
        int pos = 12;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                format = readFormat(b, body, size);
            } else if (id == 0x61746164) { // "data"
                if (format == null) {
                    throw new IllegalArgumentException("data chunk before fmt chunk");
                }
                int length = (int) Math.min(size, wav.length - body);
                return new Info(format, body, length - length % format.bytesPerFrame());
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new IllegalArgumentException(format == null ? "no fmt chunk" : "no data chunk");
    }

    private static PcmFormat readFormat(ByteBuffer b, int body, long size) {
        if (size < 16 || body + 16 > b.limit()) {
            throw new IllegalArgumentException("fmt chunk too short");
        }
        int tag = Short.toUnsignedInt(b.getShort(body));
        if (tag == FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= b.limit()) {
            tag = Short.toUnsignedInt(b.getShort(body + 24));
        }
        if (tag != FORMAT_PCM) {
            throw new IllegalArgumentException("not linear PCM (format tag " + tag + ")");
        }
        return new PcmFormat(b.getInt(body + 4), Short.toUnsignedInt(b.getShort(body + 2)),
                Short.toUnsignedInt(b.getShort(body + 14)));
    }

    /** Decodes a mono 16-bit file; throws {@link IllegalArgumentException} for anything else. */
    public static Pcm decode(byte[] wav) {
        Info info = info(wav);
        if (!info.format().isMono16()) {
            throw new IllegalArgumentException("expected mono 16-bit PCM, got " + info.format().describe());
        }
        short[] samples = new short[info.dataLength() / 2];
        ByteBuffer.wrap(wav, info.dataOffset(), info.dataLength()).order(ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer().get(samples);
        return new Pcm(info.format(), samples);
    }

    /** Encodes mono 16-bit samples as a complete WAV file. */
    public static byte[] encode(PcmFormat format, short[] samples) {
        byte[] out = new byte[HEADER_BYTES + samples.length * 2];
        System.arraycopy(header(format, samples.length * 2L), 0, out, 0, HEADER_BYTES);
        ByteBuffer.wrap(out, HEADER_BYTES, samples.length * 2).order(ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer().put(samples);
        return out;
    }

    /** The canonical 44-byte header for {@code dataBytes} bytes of PCM data. */
    public static byte[] header(PcmFormat format, long dataBytes) {
        if (dataBytes < 0 || dataBytes > 0xFFFF_FFFFL - 36) {
            throw new IllegalArgumentException("WAV data size out of range: " + dataBytes);
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt((int) (36 + dataBytes)).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) FORMAT_PCM).putShort((short) format.channels());
        b.putInt(format.sampleRate()).putInt(format.sampleRate() * format.bytesPerFrame());
        b.putShort((short) format.bytesPerFrame()).putShort((short) format.bitsPerSample());
        b.putInt(0x61746164).putInt((int) dataBytes);
        return b.array();
    }
}
