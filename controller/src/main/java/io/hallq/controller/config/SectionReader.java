package io.hallq.controller.config;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads and checks one top-level section of the hall's YAML that a module owns ({@code devices}, {@code voice},
 * {@code mqtt}, {@code web}, ...). Each module declares its reader ({@code DeviceModule.SECTION}, and
 * {@link io.hallq.controller.hall.HallModule#section()}), so that {@code hallq check} and every start check the
 * whole file, every section, before anything is opened. The module reads its section with the same reader at
 * start; the check only makes sure that it will succeed.
 */
public interface SectionReader {

    /** The top-level key, e.g. "devices". */
    String section();

    /**
     * Every problem of the section, each as {@code <file>: <key>: <what was expected>}; empty when the section
     * can be used (or is absent and has defaults). Opens nothing but files the section names.
     */
    List<String> problems(LoadedConfig loaded);

    /** A reader from a module's read method that throws a {@link ConfigException} listing every problem. */
    static SectionReader of(String section, Consumer<LoadedConfig> read) {
        return new SectionReader() {
            @Override
            public String section() {
                return section;
            }

            @Override
            public List<String> problems(LoadedConfig loaded) {
                try {
                    read.accept(loaded);
                    return List.of();
                } catch (ConfigException e) {
                    return e.errors();
                }
            }

            @Override
            public String toString() {
                return "reader of " + section;
            }
        };
    }
}
