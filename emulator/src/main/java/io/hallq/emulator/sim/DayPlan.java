package io.hallq.emulator.sim;

import io.hallq.controller.config.CounterConfig;
import io.hallq.controller.config.HallConfig;
import io.hallq.emulator.sim.Scenario.Campaign;
import io.hallq.emulator.sim.Scenario.ServiceMix;
import io.hallq.emulator.sim.Scenario.Shift;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Everything random about one simulated day, drawn from its own seed before the day runs: the customers
 * (non-homogeneous Poisson arrivals, hour by hour) and the counters' shifts and breaks.
 */
public record DayPlan(LocalDate date, Instant open, Instant close, List<Customer> customers, List<Shift> shifts,
                      List<Pause> pauses) {

    /** A counter's break: taken at {@code at} or as soon as its current customer is done. */
    public record Pause(int counter, Instant at, long seconds) {}

    public static DayPlan draw(Scenario sc, HallConfig hall, LocalDate date, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ZoneId zone = hall.hall().zone();
        Instant open = date.atTime(hall.hours().open()).atZone(zone).toInstant();
        Instant close = date.atTime(hall.hours().close()).atZone(zone).toInstant();
        List<Customer> customers = customers(sc, hall, date, rng);
        List<Shift> shifts = shifts(sc, hall);
        List<Pause> pauses = new ArrayList<>();
        for (Shift s : shifts) {
            long from = date.atTime(s.from()).atZone(zone).toEpochSecond();
            long to = date.atTime(s.to()).atZone(zone).toEpochSecond();
            for (int i = 0; i < sc.pausesPerShift(); i++) {
                long at = from + (long) (rng.nextDouble() * (to - from));
                pauses.add(new Pause(s.counter(), Instant.ofEpochSecond(at), sc.pauseLength().toSeconds()));
            }
        }
        return new DayPlan(date, open, close, customers, shifts, pauses);
    }

    /**
     * The same day (the same customers) with other shifts, and breaks drawn for them from a seed of the date, so
     * that every roster tried for a day meets the same customers.
     */
    public DayPlan withShifts(List<Shift> newShifts, int perShift, long pauseSeconds, ZoneId zone) {
        SplittableRandom rng = new SplittableRandom(date.toEpochDay() * 1_000_003L + 7);
        List<Pause> newPauses = new ArrayList<>();
        for (Shift s : newShifts) {
            long from = date.atTime(s.from()).atZone(zone).toEpochSecond();
            long to = date.atTime(s.to()).atZone(zone).toEpochSecond();
            for (int i = 0; i < perShift; i++) {
                long at = from + (long) (rng.nextDouble() * (to - from));
                newPauses.add(new Pause(s.counter(), Instant.ofEpochSecond(at), pauseSeconds));
            }
        }
        return new DayPlan(date, open, close, customers, List.copyOf(newShifts), newPauses);
    }

    private static List<Shift> shifts(Scenario sc, HallConfig hall) {
        List<Shift> out = new ArrayList<>();
        for (CounterConfig c : hall.counters()) {
            List<Shift> own = sc.roster().stream().filter(s -> s.counter() == c.number()).toList();
            if (!own.isEmpty()) {
                out.addAll(own);
            } else if (c.openAtStart()) {
                out.add(new Shift(c.number(), hall.hours().open(), hall.hours().close()));
            }
        }
        return out;
    }

    private static List<Customer> customers(Scenario sc, HallConfig hall, LocalDate date, SplittableRandom rng) {
        ZoneId zone = hall.hall().zone();
        double weightSum = sc.hourlyWeights().values().stream().mapToDouble(Double::doubleValue).sum();
        double perDay = sc.arrivalsOn(date);
        List<Customer> out = new ArrayList<>();
        for (Map.Entry<Integer, Double> h : sc.hourlyWeights().entrySet()) {
            long hourStart = date.atTime(LocalTime.of(h.getKey(), 0)).atZone(zone).toEpochSecond();
            poisson(rng, hourStart, 3600, perDay * h.getValue() / weightSum,
                    t -> out.add(customer(sc, hall, rng, out.size(), t, pick(rng, shares(sc)))));
        }
        for (Campaign c : sc.campaigns()) {
            long from = date.atTime(c.from()).atZone(zone).toEpochSecond();
            long length = date.atTime(c.to()).atZone(zone).toEpochSecond() - from;
            poisson(rng, from, length, c.extraPerHour() * length / 3600.0,
                    t -> out.add(customer(sc, hall, rng, out.size(), t, c.service())));
        }
        out.sort(java.util.Comparator.comparing(Customer::arrival).thenComparingInt(Customer::id));
        return out;
    }

    /** Poisson arrivals with {@code expected} arrivals spread evenly over [start, start + seconds). */
    private static void poisson(SplittableRandom rng, long start, long seconds, double expected,
                                java.util.function.LongConsumer at) {
        if (expected <= 0) {
            return;
        }
        double rate = expected / seconds;
        double t = 0;
        while (true) {
            t += -Math.log(1 - rng.nextDouble()) / rate;
            if (t >= seconds) {
                return;
            }
            at.accept(start + (long) t);
        }
    }

    private static Map<String, Double> shares(Scenario sc) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        sc.services().forEach((k, v) -> m.put(k, v.share()));
        return m;
    }

    private static Customer customer(Scenario sc, HallConfig hall, SplittableRandom rng, int id, long at,
                                     String service) {
        String cls = pick(rng, sc.classes());
        long handling = handling(rng, mix(sc, hall, service));
        boolean absent = rng.nextDouble() < sc.noShowRate();
        boolean back = rng.nextDouble() < sc.noShowReturn();
        String to = null;
        long second = 0;
        if (!sc.transferTo().isEmpty() && rng.nextDouble() < sc.transferRate()) {
            List<String> targets = sc.transferTo().stream().filter(s -> !s.equals(service)).toList();
            if (!targets.isEmpty()) {
                to = targets.get(rng.nextInt(targets.size()));
                second = handling(rng, mix(sc, hall, to));
            }
        }
        return new Customer(id, Instant.ofEpochSecond(at), service, cls, handling, absent, back, to, second);
    }

    private static ServiceMix mix(Scenario sc, HallConfig hall, String service) {
        ServiceMix m = sc.services().get(service);
        return m != null ? m : new ServiceMix(0, hall.service(service).orElseThrow().handlingTime(), 0.5);
    }

    /** Log-normal with the given mean and coefficient of variation, at least 20 s (nobody is served faster). */
    private static long handling(SplittableRandom rng, ServiceMix m) {
        double mean = m.handling().toSeconds();
        if (m.cv() <= 0) {
            return Math.max(20, Math.round(mean));
        }
        double sigma2 = Math.log(1 + m.cv() * m.cv());
        double mu = Math.log(mean) - sigma2 / 2;
        return Math.max(20, Math.round(Math.exp(mu + Math.sqrt(sigma2) * gaussian(rng))));
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static String pick(SplittableRandom rng, Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double x = rng.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            last = e.getKey();
            x -= e.getValue();
            if (x < 0) {
                return last;
            }
        }
        return last;
    }
}
