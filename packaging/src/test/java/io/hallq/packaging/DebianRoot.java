package io.hallq.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fresh Debian root made by debootstrap, with /proc mounted inside; commands run in it with chroot. Closing it
 * unmounts /proc (also from a shutdown hook, so an aborted run leaves no mount behind) and deletes the root.
 */
final class DebianRoot implements AutoCloseable {

    /** What a command printed (stdout and stderr together) and its exit status. */
    record Result(int status, String output) {
        Result expect(int wanted, String what) {
            if (status != wanted) {
                throw new AssertionError(what + ": exit status " + status + ", expected " + wanted + "\n" + output);
            }
            return this;
        }
    }

    private final Path dir;
    private final Path log;
    private volatile boolean procMounted;
    private final Thread cleanup = new Thread(this::unmount, "debian-root-unmount");

    private DebianRoot(Path dir, Path log) {
        this.dir = dir;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * debootstrap {@code --variant=minbase} of {@code suite} into {@code dir} (emptied first), with the extra
     * packages given; copies the host's resolv.conf so apt inside reaches the mirror; mounts /proc.
     */
    static DebianRoot create(Path dir, String suite, String mirror, List<String> include, Path log)
            throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            run(List.of("umount", "-l", dir.resolve("proc").toString()), log, 60); // a mount an earlier run left
            deleteTree(dir);
        }
        Files.createDirectories(dir.getParent());
        DebianRoot root = new DebianRoot(dir, log);
        List<String> cmd = new ArrayList<>(List.of("debootstrap", "--variant=minbase"));
        if (!include.isEmpty()) {
            cmd.add("--include=" + String.join(",", include));
        }
        cmd.addAll(List.of(suite, dir.toString(), mirror));
        run(cmd, log, 1200).expect(0, "debootstrap " + suite + " (log: " + log + ")");
        Files.copy(Path.of("/etc/resolv.conf"), dir.resolve("etc/resolv.conf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        run(List.of("mount", "-t", "proc", "proc", dir.resolve("proc").toString()), log, 60).expect(0, "mount /proc");
        root.procMounted = true;
        return root;
    }

    Path dir() {
        return dir;
    }

    /** A path inside the root, as the host sees it. */
    Path path(String inside) {
        return dir.resolve(inside.startsWith("/") ? inside.substring(1) : inside);
    }

    /** Runs {@code sh -c script} as root inside the root. */
    Result sh(String script) throws IOException, InterruptedException {
        return run(List.of("chroot", dir.toString(), "/bin/sh", "-c", script), log, 900);
    }

    /** Starts {@code command} inside the root as {@code user}, its output appended to {@code output}. */
    Process start(String user, List<String> command, Path output) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("chroot", "--userspec=" + user + ":" + user, dir.toString()));
        cmd.addAll(command);
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
    }

    static Result run(List<String> cmd, Path log, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("hallq-cmd", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                String text = Files.readString(out, StandardCharsets.UTF_8);
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + cmd + "\n" + text);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.writeString(log, "$ " + String.join(" ", cmd) + "\n" + text + "[exit " + p.exitValue() + "]\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            return new Result(p.exitValue(), text);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private synchronized void unmount() {
        if (!procMounted) {
            return;
        }
        try {
            Result r = run(List.of("umount", dir.resolve("proc").toString()), log, 60);
            if (r.status() != 0) {
                run(List.of("umount", "-l", dir.resolve("proc").toString()), log, 60); // a process still in it
            }
            procMounted = false;
        } catch (IOException | InterruptedException e) {
            System.err.println("could not unmount " + dir.resolve("proc") + ": " + e);
        }
    }

    @Override
    public void close() throws IOException {
        unmount();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs
        }
        if (!procMounted && !Boolean.getBoolean("hallq.keepRoot")) {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir.resolve("proc/self"))) {
            throw new IOException("refusing to delete " + dir + ": /proc is still mounted in it");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
