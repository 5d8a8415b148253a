package io.hallq.emulator.sim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hallq.controller.config.ConfigException;
import io.hallq.controller.config.ConfigNode;
import io.hallq.controller.config.ConfigProblems;
import io.hallq.controller.config.ConfigScalar;
import io.hallq.controller.config.CounterConfig;
import io.hallq.controller.config.CustomerClassConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.controller.config.HallConfigLoader;
import io.hallq.controller.config.RosterReader;
import io.hallq.controller.config.ServiceConfig;
import io.hallq.emulator.sim.Scenario.Campaign;
import io.hallq.emulator.sim.Scenario.ServiceMix;
import io.hallq.emulator.sim.Scenario.Shift;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reads a scenario YAML file and the hall configuration it names. Like the hall configuration, every mistake is
 * reported at once as {@code <file>: <key>: <what was expected>}; names of services, classes, counters and hours
 * are checked against the hall.
 */
public final class ScenarioReader {

    /** A scenario with the hall it runs in. */
    public record Loaded(Scenario scenario, HallConfig hall) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ConfigScalar<Double> SHARE = ConfigScalar.NUMBER.where(d -> d >= 0, "a number of 0 or more");
    private static final ConfigScalar<Double> RATE = ConfigScalar.NUMBER.where(d -> d >= 0 && d <= 1, "a share from 0 to 1");
    private static final ConfigScalar<Double> POSITIVE = ConfigScalar.NUMBER.where(d -> d > 0, "a number more than 0");
    private static final ConfigScalar<Duration> LENGTH =
            ConfigScalar.DURATION.where(d -> d.toSeconds() > 0, "a duration of at least 1s");
    private static final ConfigScalar<Double> NOT_ALL =
            ConfigScalar.NUMBER.where(d -> d >= 0 && d <= 0.9, "a share from 0 to 0.9");
    private static final ConfigScalar<Duration> SPAN =
            ConfigScalar.DURATION.where(d -> !d.isNegative() && d.toHours() <= 2, "a duration from 0s to 2h");
    private static final ConfigScalar<String> DATE =
            ConfigScalar.TEXT.where(ScenarioReader::isDate, "a date YYYY-MM-DD");

    private ScenarioReader() {}

    /**
     * @param file the scenario; its {@code hall} key is taken relative to the scenario's folder
     * @throws ConfigException listing every problem of the scenario or of its hall configuration
     */
    public static Loaded load(Path file) {
        ConfigProblems problems = new ConfigProblems(file.toString());
        JsonNode json = parse(file, problems);
        problems.throwIfAny();
        ConfigNode root = ConfigNode.root(json, problems).requiredMapping("name", "description", "hall", "startDate",
                "arrivals", "services", "classes", "noShows", "transfers", "roster", "pauses", "campaigns", "appointments");
        String hallRef = root.key("hall").get(ConfigScalar.TEXT, "../config/example-hall.yaml");
        Path hallFile = file.toAbsolutePath().getParent().resolve(hallRef).normalize();
        problems.throwIfAny();
        HallConfig hall;
        try {
            hall = HallConfigLoader.load(hallFile);
        } catch (ConfigException e) {
            root.key("hall").error("the hall configuration " + hallFile + " has errors:\n  "
                    + String.join("\n  ", e.errors()));
            problems.throwIfAny();
            throw e;
        }
        Scenario s = read(root, file, hallFile, hall);
        problems.throwIfAny();
        return new Loaded(s, hall);
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static JsonNode parse(Path file, ConfigProblems problems) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            problems.add("", "no such file");
        } catch (JacksonException e) {
            problems.add("", "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
        return null;
    }

    private static Scenario read(ConfigNode root, Path file, Path hallFile, HallConfig hall) {
        String name = root.key("name").required(ConfigScalar.NAME).orElse("?");
        String description = root.key("description").get(ConfigScalar.TEXT, "");
        LocalDate start = LocalDate.parse(root.key("startDate").get(DATE, "2026-03-10"));
        ConfigNode arrivals = root.key("arrivals").requiredMapping("perDay", "hourly", "weekdays", "monthStart");
        double perDay = arrivals.key("perDay").required(POSITIVE).orElse(1.0);
        Map<Integer, Double> hourly = hourly(arrivals.key("hourly"), hall);
        Map<DayOfWeek, Double> weekdays = weekdays(arrivals.key("weekdays"));
        ConfigNode monthStart = arrivals.key("monthStart").mapping("days", "factor");
        int msDays = monthStart.key("days").get(ConfigScalar.integer(0, 31), 0);
        double msFactor = monthStart.key("factor").get(POSITIVE, 1.0);
        Map<String, ServiceMix> services = services(root.key("services"), hall);
        Map<String, Double> classes = classes(root.key("classes"), hall);
        ConfigNode noShows = root.key("noShows").mapping("rate", "comeBack");
        ConfigNode transfers = root.key("transfers").mapping("rate", "to");
        List<String> transferTo = new ArrayList<>();
        for (ConfigNode t : transfers.key("to").list("service codes")) {
            t.required(serviceCode(hall)).ifPresent(transferTo::add);
        }
        double transferRate = transfers.key("rate").get(RATE, 0.0);
        if (transferRate > 0 && transferTo.isEmpty()) {
            transfers.key("to").error("missing; expected a non-empty list of service codes when rate is above 0");
        }
        ConfigNode pauses = root.key("pauses").mapping("perShift", "length");
        return new Scenario(name, description, file, hallFile, start, perDay, hourly, weekdays, msDays, msFactor,
                services, classes, noShows.key("rate").get(RATE, 0.0), noShows.key("comeBack").get(RATE, 0.5),
                transferRate, transferTo, roster(root.key("roster"), hall),
                pauses.key("perShift").get(ConfigScalar.integer(0, 20), 0),
                pauses.key("length").get(LENGTH, Duration.ofMinutes(5)), campaigns(root.key("campaigns"), hall),
                appointments(root.key("appointments"), hall, services));
    }

    private static ConfigScalar<String> serviceCode(HallConfig hall) {
        List<String> codes = hall.services().stream().map(ServiceConfig::code).toList();
        return ConfigScalar.TEXT.where(codes::contains, "a service code of the hall (" + String.join(", ", codes) + ")");
    }

    private static Map<Integer, Double> hourly(ConfigNode n, HallConfig hall) {
        int open = hall.hours().open().getHour();
        int close = hall.hours().close().getHour() + (hall.hours().close().getMinute() > 0 ? 1 : 0);
        String[] hours = IntStream.range(open, close).mapToObj(Integer::toString).toArray(String[]::new);
        ConfigNode m = n.requiredMapping(hours);
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (String h : hours) {
            m.key(h).optional(SHARE).ifPresent(w -> out.put(Integer.parseInt(h), w));
        }
        if (out.values().stream().mapToDouble(Double::doubleValue).sum() <= 0 && n.isGiven()) {
            n.error("expected at least one opening hour with a weight above 0");
        }
        return out;
    }

    private static Map<DayOfWeek, Double> weekdays(ConfigNode n) {
        String[] days = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};
        ConfigNode m = n.mapping(days);
        Map<DayOfWeek, Double> out = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < days.length; i++) {
            out.put(DayOfWeek.of(i + 1), m.key(days[i]).get(SHARE, 1.0));
        }
        return out;
    }

    private static Map<String, ServiceMix> services(ConfigNode n, HallConfig hall) {
        String[] codes = hall.services().stream().map(ServiceConfig::code).toArray(String[]::new);
        ConfigNode m = n.requiredMapping(codes);
        Map<String, ServiceMix> out = new LinkedHashMap<>();
        for (ServiceConfig sc : hall.services()) {
            ConfigNode s = m.key(sc.code()).mapping("share", "handling", "cv");
            if (!s.isGiven()) {
                continue;
            }
            if (sc.directQueue()) {
                s.error("direct-queue services are not simulated (customers are never called); leave it out");
            }
            out.put(sc.code(), new ServiceMix(s.key("share").required(SHARE).orElse(0.0),
                    s.key("handling").get(LENGTH, sc.handlingTime()), s.key("cv").get(SHARE, 0.5)));
        }
        if (n.isGiven() && out.values().stream().mapToDouble(ServiceMix::share).sum() <= 0) {
            n.error("expected at least one service with a share above 0");
        }
        return out;
    }

    private static Map<String, Double> classes(ConfigNode n, HallConfig hall) {
        String[] codes = hall.classes().stream().map(CustomerClassConfig::code).toArray(String[]::new);
        ConfigNode m = n.mapping(codes);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String c : codes) {
            m.key(c).optional(SHARE).ifPresent(v -> out.put(c, v));
        }
        if (out.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            out.clear();
            out.put(hall.defaultClass().code(), 1.0); // everyone a walk-in when no mix is given
        }
        return out;
    }

    private static List<Shift> roster(ConfigNode n, HallConfig hall) {
        List<Integer> numbers = hall.counters().stream().map(CounterConfig::number).toList();
        ConfigScalar<Integer> counter = ConfigScalar.INTEGER.where(numbers::contains, "a counter number of the hall " + numbers);
        return RosterReader.shifts(n, counter).stream().map(s -> new Shift(s.counter(), s.from(), s.to())).toList();
    }

    private static List<Campaign> campaigns(ConfigNode n, HallConfig hall) {
        List<Campaign> out = new ArrayList<>();
        for (ConfigNode item : n.list("campaigns { service, from, to, extraPerHour }")) {
            ConfigNode c = item.requiredMapping("service", "from", "to", "extraPerHour");
            var service = c.key("service").required(serviceCode(hall));
            var from = c.key("from").required(ConfigScalar.TIME_OF_DAY);
            var to = c.key("to").required(ConfigScalar.TIME_OF_DAY);
            var extra = c.key("extraPerHour").required(POSITIVE);
            if (service.isPresent() && from.isPresent() && to.isPresent() && extra.isPresent()) {
                if (!to.get().isAfter(from.get())) {
                    c.key("to").error("expected a time after from (" + from.get() + "), got " + to.get());
                } else {
                    out.add(new Campaign(service.get(), from.get(), to.get(), extra.get()));
                }
            }
        }
        return out;
    }

    /**
     * {@code appointments: { bookings: { share, noShow, arrival: { early | late, spread } },
     * remote: { share, checkInDelay: { mean, cv }, noCheckIn } }}; both parts optional.
     */
    private static Scenario.Appointments appointments(ConfigNode n, HallConfig hall, Map<String, ServiceMix> mix) {
        if (!n.isGiven()) {
            return Scenario.Appointments.NONE;
        }
        ConfigNode a = n.mapping("bookings", "remote");
        ConfigNode b = a.key("bookings").mapping("share", "noShow", "arrival");
        ConfigNode r = a.key("remote").mapping("share", "checkInDelay", "noCheckIn");
        if (a.isUsable() && !a.key("bookings").isGiven() && !a.key("remote").isGiven()) {
            n.error("expected bookings, remote or both");
        }
        Map<String, Double> booking = b.isGiven() ? shares(b.key("share"), hall, mix) : Map.of();
        Map<String, Double> remote = r.isGiven() ? shares(r.key("share"), hall, mix) : Map.of();
        for (Map.Entry<String, Double> e : remote.entrySet()) {
            double booked = booking.getOrDefault(e.getKey(), 0.0);
            if (booked + e.getValue() > 1) {
                r.key("share").key(e.getKey()).error(String.format(java.util.Locale.ROOT,
                        "expected at most %.2f (1 less the booking share of %s, %.2f), got %s",
                        1 - booked, e.getKey(), booked, e.getValue()));
            }
        }
        ConfigNode arrival = b.key("arrival").mapping("early", "late", "spread");
        Duration offset = Duration.ZERO;
        var early = arrival.key("early").optional(SPAN);
        var late = arrival.key("late").optional(SPAN);
        if (early.isPresent() && late.isPresent()) {
            arrival.key("late").error("expected either early or late, not both (early: " + early.get() + ")");
        } else if (early.isPresent()) {
            offset = early.get().negated();
        } else if (late.isPresent()) {
            offset = late.get();
        }
        ConfigNode delay = r.key("checkInDelay").mapping("mean", "cv");
        return new Scenario.Appointments(booking, b.key("noShow").get(NOT_ALL, 0.0), offset,
                arrival.key("spread").get(SPAN, Duration.ZERO), remote, delay.key("mean").get(LENGTH, Duration.ofMinutes(20)),
                delay.key("cv").get(SHARE, 0.5), r.key("noCheckIn").get(NOT_ALL, 0.0));
    }

    /** Shares per service of the hall that the scenario's customers use ({@code services} above). */
    private static Map<String, Double> shares(ConfigNode n, HallConfig hall, Map<String, ServiceMix> mix) {
        String[] codes = hall.services().stream().map(ServiceConfig::code).toArray(String[]::new);
        ConfigNode m = n.requiredMapping(codes);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String c : codes) {
            m.key(c).optional(RATE).ifPresent(v -> {
                ServiceMix s = mix.get(c);
                if (v > 0 && (s == null || s.share() <= 0)) {
                    m.key(c).error("expected a service the scenario's customers use (services: "
                            + String.join(", ", mix.entrySet().stream().filter(e -> e.getValue().share() > 0)
                            .map(Map.Entry::getKey).toList()) + "), got " + c);
                } else {
                    out.put(c, v);
                }
            });
        }
        return out;
    }
}
