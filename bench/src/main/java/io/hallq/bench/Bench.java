package io.hallq.bench;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.ServiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Helpers shared by the benchmarks. */
final class Bench {

    private Bench() {}

    /** Numbers up to 9999 for every service, so a benchmark iteration does not run out of tickets. */
    static HallConfig wideNumbers(HallConfig c) {
        List<ServiceConfig> services = c.services().stream().map(s -> new ServiceConfig(s.code(), s.nameZh(),
                s.nameEn(), s.prefix(), 1, 9999, s.handlingTime(), true, s.disabledMessageZh(), s.disabledMessageEn(),
                s.directQueue())).toList();
        return new HallConfig(c.hall(), c.hours(), services, c.classes(), c.counters(), c.alarms(), c.rules(),
                c.journal(), c.roster());
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
