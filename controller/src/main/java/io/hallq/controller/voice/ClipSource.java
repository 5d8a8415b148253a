package io.hallq.controller.voice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where a clip set's files are read from: a hall's directory, or the set shipped on the class path. */
public interface ClipSource {

    /** For messages: the directory or class-path location. */
    String describe();

    /** The bytes of a file named relative to the set ("zh/digit-0.wav"), or empty when there is no such file. */
    Optional<byte[]> read(String relativeName);

    /** The clip set shipped with hallq. */
    static ClipSource shipped() {
        return classpath("voice/default");
    }

    /** Files under a directory; names leaving the directory are treated as missing. */
    static ClipSource directory(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return new ClipSource() {
            @Override
            public String describe() {
                return root.toString();
            }

            @Override
            public Optional<byte[]> read(String relativeName) {
                Path file = root.resolve(relativeName).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readAllBytes(file));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        };
    }

    /** Resources under a class-path folder such as "voice/default". */
    static ClipSource classpath(String folder) {
        return new ClipSource() {
            @Override
            public String describe() {
                return "classpath:" + folder;
            }

            @Override
            public Optional<byte[]> read(String relativeName) {
                if (relativeName.contains("..")) {
                    return Optional.empty();
                }
                try (InputStream in = ClipSource.class.getClassLoader()
                        .getResourceAsStream(folder + "/" + relativeName)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + describe() + "/" + relativeName, e);
                }
            }
        };
    }
}
