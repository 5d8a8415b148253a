package io.hallq.controller.hall;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A real unix datagram socket bound where systemd's would be, receiving what {@link SdNotify} sends: the
 * listening side of the protocol, as systemd runs it, for tests (bound with libc through JNA).
 */
final class NotifySocket implements AutoCloseable {

    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, byte[] addr, int addrLen) throws LastErrorException;

        int setsockopt(int fd, int level, int name, byte[] value, int length) throws LastErrorException;

        NativeLong recv(int fd, byte[] buf, NativeLong len, int flags) throws LastErrorException;

        int close(int fd);
    }

    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int EAGAIN = 11;
    private static final LibC C = Native.load(Platform.C_LIBRARY_NAME, LibC.class);

    private final int fd;
    private final String name;

    /** Binds {@code name}: a path, or '@' and an abstract name, as NOTIFY_SOCKET gives them. */
    NotifySocket(String name) {
        this.name = name;
        this.fd = C.socket(SdNotify.AF_UNIX, SdNotify.SOCK_DGRAM, 0);
        byte[] addr = SdNotify.address(name);
        C.bind(fd, addr, addr.length);
        // a receive gives up after 10 s, so a test never waits for ever on a message that is not coming
        ByteBuffer tv = ByteBuffer.allocate(2 * Native.LONG_SIZE).order(ByteOrder.nativeOrder());
        if (Native.LONG_SIZE == 8) {
            tv.putLong(10).putLong(0);
        } else {
            tv.putInt(10).putInt(0);
        }
        C.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv.array(), tv.capacity());
    }

    String name() {
        return name;
    }

    /** The next datagram, or empty when none came within 10 s. */
    Optional<String> receive() {
        byte[] buf = new byte[4096];
        try {
            long n = C.recv(fd, buf, new NativeLong(buf.length), 0).longValue();
            return Optional.of(new String(buf, 0, (int) n, StandardCharsets.UTF_8));
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Datagrams until one contains {@code wanted}; fails when none does within 10 s of the last one. */
    String receiveUntil(String wanted) {
        while (true) {
            String m = receive().orElseThrow(() -> new AssertionError("no datagram with " + wanted + " on " + name));
            if (m.contains(wanted)) {
                return m;
            }
        }
    }

    @Override
    public void close() {
        C.close(fd);
    }
}
