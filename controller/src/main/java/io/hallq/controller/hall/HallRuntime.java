package io.hallq.controller.hall;

import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.LoadedConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.tinylog.Logger;

/** A started hall: the controller plus its modules, closed together (modules first, in reverse order). */
public final class HallRuntime implements AutoCloseable {

    private final HallController hall;
    private final List<HallModule> started = new ArrayList<>();

    private HallRuntime(HallController hall) {
        this.hall = hall;
    }

    /**
     * Checks every module's section ({@link HallModule#section()}) all at once, then starts the controller from
     * the loaded config (journal recovery), then each module; on a failure, stops what started.
     *
     * @throws ConfigException listing every problem of the modules' sections, before the journal is opened
     */
    public static HallRuntime start(LoadedConfig loaded, Clock clock, List<HallModule> modules) {
        checkSections(loaded, modules);
        return startChecked(loaded, clock, modules);
    }

    /**
     * As {@link #start}, for a configuration whose every section {@code ConfigCheck.load} has checked already
     * (the controller's and the emulator's main): the modules' readers are not run a second time.
     */
    public static HallRuntime startChecked(LoadedConfig loaded, Clock clock, List<HallModule> modules) {
        HallRuntime runtime = new HallRuntime(HallController.start(loaded.config(), clock, Duration.ofSeconds(1)));
        HallContext context = new HallContext(runtime.hall, loaded, clock);
        try {
            for (HallModule m : modules) {
                m.start(context);
                runtime.started.add(m);
                Logger.info("Module {} started", m.name());
            }
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    private static void checkSections(LoadedConfig loaded, List<HallModule> modules) {
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (HallModule m : modules) {
            m.section().filter(r -> seen.add(r.section())).ifPresent(r -> problems.addAll(r.problems(loaded)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    public HallController hall() {
        return hall;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (RuntimeException e) {
                Logger.warn(e, "Module {} failed to close", started.get(i).name());
            }
        }
        started.clear();
        hall.close();
    }
}
