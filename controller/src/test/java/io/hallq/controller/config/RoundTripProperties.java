package io.hallq.controller.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever valid hall is written as YAML reads back as the same configuration. */
class RoundTripProperties {

    private static final Path BASE = Path.of("/halls/random");

    @Property(tries = 300)
    void loadingARenderedHall_givesItBack(@ForAll("halls") HallConfig hall, @ForAll boolean isoDurations,
                                          @ForAll boolean omitDefaults) {
        String yaml = new HallYamlWriter(isoDurations, omitDefaults).write(hall, BASE);
        assertEquals(hall, HallConfigLoader.parse(yaml, "random.yaml", BASE), yaml);
    }

    @Provide
    Arbitrary<HallConfig> halls() {
        // built from one random source: the cross-references (codes, coverage) make composed arbitraries unwieldy
        return Arbitraries.randomValue(random -> new RandomHalls(random).hall(BASE));
    }
}
