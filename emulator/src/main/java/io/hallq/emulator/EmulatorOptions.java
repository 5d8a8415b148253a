package io.hallq.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Command-line options of the emulator.
 *
 * @param config  the hall YAML file
 * @param dataDir overrides the journal directory of the config, or null
 * @param speed   how many times faster than real life the scripted customers and staff act
 * @param seed    seed of the scripted traffic
 * @param runFor  stop after this long, or null to run until interrupted
 */
public record EmulatorOptions(Path config, Path dataDir, double speed, long seed, Duration runFor) {

    static final String USAGE = """
            usage: hallq emulator [--config FILE] [--data DIR] [--speed N] [--seed N] [--run-for SECONDS]
              --config   hall configuration (default config/example-hall.yaml)
              --data     journal directory (default: the config's journal.dataDir)
              --speed    scripted customers and staff act N times faster than real life (default 20)
              --seed     seed of the scripted traffic (default: time of day)
              --run-for  stop after this many seconds (default: run until Ctrl-C)""";

    public static EmulatorOptions parse(List<String> args) {
        Path config = Path.of("config/example-hall.yaml");
        Path data = null;
        double speed = 20;
        long seed = System.nanoTime();
        Duration runFor = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("missing value after " + a + "\n" + USAGE);
            }
            String v = args.get(++i);
            switch (a) {
                case "--config" -> config = Path.of(v);
                case "--data" -> data = Path.of(v);
                case "--speed" -> speed = positive(a, v);
                case "--seed" -> seed = number(a, v);
                case "--run-for" -> runFor = Duration.ofMillis(Math.round(positive(a, v) * 1000));
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        return new EmulatorOptions(config, data, speed, seed, runFor);
    }

    private static double positive(String option, String value) {
        try {
            double d = Double.parseDouble(value);
            if (d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + ": expected a positive number, got '" + value + "'");
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected a whole number, got '" + value + "'");
        }
    }
}
