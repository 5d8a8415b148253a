package io.hallq.controller.hall;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * systemd's service notification protocol (sd_notify(3)) from Java: one datagram per message, such as
 * {@code READY=1}, {@code WATCHDOG=1} or {@code STATUS=...}, sent to the unix datagram socket systemd names in
 * {@code NOTIFY_SOCKET} (a path, or an abstract name written with a leading '@'). The JDK's channels speak unix
 * sockets only as streams, so the datagram goes through libc via JNA (already on the classpath for Pi4J).
 *
 * <p>Without {@code NOTIFY_SOCKET} (not started by systemd, or not {@code Type=notify}) every call does nothing.
 * A send that fails is logged once and otherwise ignored: losing a notification must not stop the hall (a missed
 * {@code WATCHDOG=1} is then caught by systemd, as it should).
 */
public final class SdNotify {

    /** The libc calls used; JNA binds them at first use. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrLen)
                throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    static final int AF_UNIX = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000; // Linux
    private static final int SUN_PATH_MAX = 108;

    private static volatile LibC libc;

    private final String socket;
    private final Duration watchdog;
    private boolean warned;

    private SdNotify(String socket, Duration watchdog) {
        this.socket = socket;
        this.watchdog = watchdog;
    }

    /** From the process's environment, as systemd sets it. */
    public static SdNotify fromEnvironment() {
        return from(System.getenv(), ProcessHandle.current().pid());
    }

    /**
     * From {@code env}: {@code NOTIFY_SOCKET}, and {@code WATCHDOG_USEC} when {@code WATCHDOG_PID} is unset or is
     * {@code pid} (systemd sets it for the main process only).
     */
    static SdNotify from(Map<String, String> env, long pid) {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket != null && (socket.isEmpty() || !(socket.startsWith("/") || socket.startsWith("@")))) {
            Logger.warn("NOTIFY_SOCKET '{}' is neither a path nor an abstract name: not notifying systemd", socket);
            socket = null;
        }
        Duration watchdog = null;
        String usec = env.get("WATCHDOG_USEC");
        String forPid = env.get("WATCHDOG_PID");
        if (usec != null && (forPid == null || forPid.equals(Long.toString(pid)))) {
            try {
                long us = Long.parseLong(usec.trim());
                watchdog = us > 0 ? Duration.ofNanos(us * 1000) : null;
            } catch (NumberFormatException e) {
                Logger.warn("WATCHDOG_USEC '{}' is not a number of microseconds: no watchdog", usec);
            }
        }
        return new SdNotify(socket, watchdog);
    }

    /** Notifications to {@code socket} (a path or '@' and an abstract name), with the given watchdog interval. */
    public static SdNotify to(String socket, Duration watchdog) {
        return new SdNotify(socket, watchdog);
    }

    /** True when systemd listens (NOTIFY_SOCKET is set). */
    public boolean enabled() {
        return socket != null;
    }

    /** The interval systemd expects WATCHDOG=1 within, when it runs a watchdog for this process. */
    public Optional<Duration> watchdog() {
        return socket == null ? Optional.empty() : Optional.ofNullable(watchdog);
    }

    public void ready(String status) {
        send("READY=1\nSTATUS=" + oneLine(status));
    }

    public void watchdogAlive() {
        send("WATCHDOG=1");
    }

    public void status(String status) {
        send("STATUS=" + oneLine(status));
    }

    public void stopping(String status) {
        send("STOPPING=1\nSTATUS=" + oneLine(status));
    }

    /**
     * Sends {@code message} ("KEY=value" lines) as one datagram; returns false when it could not be sent (or there
     * is nobody to send to).
     */
    public synchronized boolean send(String message) {
        if (socket == null) {
            return false;
        }
        try {
            LibC c = libc();
            byte[] addr = address(socket);
            byte[] data = message.getBytes(StandardCharsets.UTF_8);
            int fd = c.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            try {
                c.sendto(fd, data, new NativeLong(data.length), 0, addr, addr.length);
            } finally {
                c.close(fd);
            }
            return true;
        } catch (LastErrorException | UnsatisfiedLinkError | IllegalArgumentException e) {
            if (!warned) {
                warned = true;
                Logger.warn("Cannot notify systemd at NOTIFY_SOCKET {}: {}", socket, e.getMessage());
            }
            return false;
        }
    }

    /**
     * A {@code struct sockaddr_un} for {@code socket}, cut to its used length: the family (native byte order),
     * then the path with its terminating NUL, or a NUL and the abstract name (no terminator: every byte counts).
     */
    static byte[] address(String socket) {
        boolean abstractName = socket.startsWith("@");
        byte[] name = (abstractName ? socket.substring(1) : socket).getBytes(StandardCharsets.UTF_8);
        int pathLength = name.length + 1; // the leading NUL of an abstract name, or the trailing NUL of a path
        if (pathLength > SUN_PATH_MAX) {
            throw new IllegalArgumentException("socket name longer than " + (SUN_PATH_MAX - 1) + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(2 + pathLength).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_UNIX);
        if (abstractName) {
            b.put((byte) 0).put(name);
        } else {
            b.put(name).put((byte) 0);
        }
        return b.array();
    }

    static LibC libc() {
        LibC c = libc;
        if (c == null) {
            c = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
            libc = c;
        }
        return c;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }
}
