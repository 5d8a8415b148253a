package io.hallq.controller.hall;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * Gives back the pages of the class-data-sharing archives that the start read and the running hall does not need.
 *
 * <p>The JVM maps its archives (the JDK's {@code classes.jsa} and the controller's own, about 40 MB together) and
 * reads nearly every page of them while it starts; the kernel's fault-around maps whole 64 KB runs around each page
 * touched. A running hall uses a part of those classes. Once the hall serves, this advises the kernel that the
 * archives' pages are read at random ({@code MADV_RANDOM}: a page is mapped when it is used, without its
 * neighbours) and that those mapped now may go ({@code MADV_PAGEOUT}, Linux 5.4): clean pages of the file are
 * dropped from the process (a dirtied private page is kept, there being no swap), and the ones the hall uses come
 * back from the file (the page cache) at their next use. Nothing changes but the resident size; the archives are
 * written only by a training start while no controller runs ({@code hallq cds-archive}).
 *
 * <p>Without JNA's native library, on a kernel without {@code MADV_PAGEOUT}, or without archives, it does nothing.
 */
public final class ArchivePages {

    static final int MADV_RANDOM = 1;
    static final int MADV_PAGEOUT = 21;

    private ArchivePages() {}

    interface LibC extends Library {
        int madvise(Pointer address, NativeLong length, int advice);
    }

    /** A mapping of a file: its address range and path, as /proc/self/maps gives it. */
    record Mapping(long start, long end, String path) {}

    /** The mappings of files whose name ends with {@code .jsa}, from the text of /proc/self/maps. */
    static List<Mapping> archives(List<String> maps) {
        List<Mapping> out = new ArrayList<>();
        for (String line : maps) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length == 6 && f[5].endsWith(".jsa")) {
                String[] range = f[0].split("-");
                out.add(new Mapping(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16), f[5]));
            }
        }
        return out;
    }

    /**
     * Advises the kernel as the class comment says, for this process's archive mappings.
     *
     * @return bytes of archive mappings advised (0 when nothing was done)
     */
    public static long release() {
        if (!Platform.isLinux()) {
            return 0;
        }
        List<Mapping> archives;
        try {
            archives = archives(Files.readAllLines(Path.of("/proc/self/maps")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        if (archives.isEmpty()) {
            return 0;
        }
        LibC c;
        try {
            c = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
        } catch (RuntimeException | LinkageError e) {
            Logger.debug("Archive pages kept: no libc through JNA ({})", e.toString());
            return 0;
        }
        long advised = 0;
        for (Mapping m : archives) {
            Pointer at = new Pointer(m.start());
            NativeLong length = new NativeLong(m.end() - m.start());
            if (c.madvise(at, length, MADV_RANDOM) != 0 || c.madvise(at, length, MADV_PAGEOUT) != 0) {
                Logger.debug("Archive pages of {} kept: madvise refused (a kernel before 5.4?)", m.path());
                continue;
            }
            advised += m.end() - m.start();
        }
        Logger.debug("Archive pages: {} KB of class-data archives left to be mapped on use", advised / 1024);
        return advised;
    }
}
