package io.hallq.controller.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tinylog.Logger;

/** The segment that appends go to: the newest one, kept open for writing. */
final class ActiveSegment implements AutoCloseable {

    private final FileChannel channel;
    private SegmentInfo info;

    private ActiveSegment(FileChannel channel, SegmentInfo info) {
        this.channel = channel;
        this.info = info;
    }

    /** Creates the file with its header only, durably, so an empty segment still tells the sequence. */
    static ActiveSegment create(Path dir, String day, long firstSequence) {
        Path path = JournalFiles.segmentPath(dir, day);
        byte[] header = SegmentFormat.encodeHeader(firstSequence);
        JournalFiles.writeAtomically(path, header);
        return reopen(new SegmentInfo(day, path, firstSequence, firstSequence - 1, header.length));
    }

    /**
     * Forces the file once first: a process that crashed (without a power cut) may have left a
     * written but unforced batch in the page cache, and a replay must not act on records that a
     * later power cut could still take away.
     */
    static ActiveSegment reopen(SegmentInfo info) {
        try {
            FileChannel channel = FileChannel.open(info.path(), StandardOpenOption.WRITE);
            try {
                channel.force(true);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new ActiveSegment(channel, info);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal segment " + info.path(), e);
        }
    }

    SegmentInfo info() {
        return info;
    }

    /**
     * Writes an encoded batch after the last whole batch and forces it to disk.
     *
     * <p>force(false) (fdatasync) is enough: it leaves out only metadata that is not needed to
     * read the data back, such as the modification time, but a grown file size is needed and is
     * flushed with the data (fdatasync(2); ext4 honours this). Since every append grows the file
     * the inode is written either way, so force(true) would cost about the same and buy nothing.
     */
    void append(ByteBuffer batch, long lastSequence) {
        long position = info.size();
        try {
            while (batch.hasRemaining()) {
                position += channel.write(batch, position);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal segment " + info.path(), e);
        }
        info = new SegmentInfo(info.day(), info.path(), info.firstSequence(), lastSequence, position);
    }

    /** Every batch was forced when appended, so failing to close loses nothing and is only logged. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            Logger.warn(e, "Cannot close journal segment {}", info.path());
        }
    }
}
