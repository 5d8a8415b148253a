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
 * (non-homogeneous Poisson arrivals, hour by hour), the counters' shifts and breaks, and which customers book or
 * join remotely ({@link AppointmentPlan}, drawn from a seed of their own after the rest, so the customers, shifts and
 * breaks are the same whatever the scenario's appointments say).
 */
public record DayPlan(LocalDate date, Instant open, Instant close, List<Customer> customers, List<Shift> shifts,
                      List<Pause> pauses, AppointmentPlan appointments) {

    /** A counter's break: taken at {@code at} or as soon as its current customer is done. */
    public record Pause(int counter, Instant at, long seconds) {}

    /**
     * A booking: the customer books the slot that holds {@code wanted} (the time they would have walked in) and
     * comes {@code offsetSeconds} after the slot's start (negative: early).
     *
     * @param customer the {@link Customer#id()} of the customer who comes, or -1 for a booking nobody comes for
     * @param phone    the customer's (made-up) mobile number, one per booking
     */
    public record Booking(int customer, String service, String customerClass, String phone, Instant wanted,
                          long offsetSeconds) {

        public boolean comes() {
            return customer >= 0;
        }
    }

    /**
     * A remote ticket: joined from the phone at {@code join}, checked in at the dispenser at {@code checkIn}
     * (the time the customer would have walked in), or never ({@code checkIn == null}, customer -1).
     */
    public record Remote(int customer, String service, String customerClass, String phone, Instant join,
                         Instant checkIn) {

        public boolean comes() {
            return customer >= 0;
        }
    }

    /** The day's bookings and remote tickets; customers named in neither walk in. */
    public record AppointmentPlan(List<Booking> bookings, List<Remote> remotes) {

        public static final AppointmentPlan NONE = new AppointmentPlan(List.of(), List.of());

        public boolean any() {
            return !bookings.isEmpty() || !remotes.isEmpty();
        }

        /** Ids of the customers who book or join remotely (and therefore do not walk in). */
        public java.util.Set<Integer> customers() {
            java.util.Set<Integer> ids = new java.util.HashSet<>();
            bookings.stream().filter(Booking::comes).forEach(b -> ids.add(b.customer()));
            remotes.stream().filter(Remote::comes).forEach(r -> ids.add(r.customer()));
            return ids;
        }
    }

    /** The same customers, shifts and breaks with every customer walking in: the "without appointments" day. */
    public DayPlan withoutAppointments() {
        return new DayPlan(date, open, close, customers, shifts, pauses, AppointmentPlan.NONE);
    }

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
        AppointmentPlan appointments = sc.appointments().any()
                ? appointments(sc, hall, customers, open, close, new SplittableRandom(seed ^ APPOINTMENT_SEED))
                : AppointmentPlan.NONE;
        return new DayPlan(date, open, close, customers, shifts, pauses, appointments);
    }

    private static final long APPOINTMENT_SEED = 0x5EED_B00CL;

    /**
     * Who books and who joins remotely, customer by customer in arrival order; bookings nobody comes for and
     * remote tickets never checked in come on top, each booking (remote ticket) of a customer who comes bringing
     * a geometric number of them, so that their share of all bookings (remote tickets) is the scenario's rate.
     */
    static AppointmentPlan appointments(Scenario sc, HallConfig hall, List<Customer> customers, Instant open,
                                     Instant close, SplittableRandom rng) {
        Scenario.Appointments a = sc.appointments();
        List<Booking> bookings = new ArrayList<>();
        List<Remote> remotes = new ArrayList<>();
        int day = LocalDate.ofInstant(open, hall.hall().zone()).getDayOfMonth();
        int phantoms = 0;
        for (Customer c : customers) {
            double book = a.bookingShare().getOrDefault(c.service(), 0.0);
            double remote = a.remoteShare().getOrDefault(c.service(), 0.0);
            double u = rng.nextDouble();
            if (u < book) {
                bookings.add(new Booking(c.id(), c.service(), c.customerClass(), phone(8, day, c.id()), c.arrival(),
                        offset(rng, a)));
                while (rng.nextDouble() < a.bookingNoShow()) {
                    bookings.add(new Booking(-1, c.service(), pick(rng, sc.classes()),
                            phone(8, day, 500_000 + phantoms++), near(rng, c.arrival(), open, close), offset(rng, a)));
                }
            } else if (u < book + remote) {
                long delay = lognormal(rng, a.checkInDelay().toSeconds(), a.checkInDelayCv());
                Instant join = later(open, c.arrival().minusSeconds(delay));
                remotes.add(new Remote(c.id(), c.service(), c.customerClass(), phone(9, day, c.id()), join,
                        c.arrival()));
                while (rng.nextDouble() < a.remoteNoCheckIn()) {
                    remotes.add(new Remote(-1, c.service(), pick(rng, sc.classes()),
                            phone(9, day, 500_000 + phantoms++), near(rng, join, open, close), null));
                }
            }
        }
        return new AppointmentPlan(List.copyOf(bookings), List.copyOf(remotes));
    }

    /** A made-up mobile number, 13{kind}{day of month, 2}{n, 6 digits}: unique per kind, day and customer. */
    private static String phone(int kind, int dayOfMonth, int n) {
        return String.format(java.util.Locale.ROOT, "13%d%02d%06d", kind, dayOfMonth, n);
    }

    /** Arrival relative to the slot: normal around the scenario's mean offset. */
    private static long offset(SplittableRandom rng, Scenario.Appointments a) {
        return Math.round(a.arrivalOffset().toSeconds() + a.arrivalSpread().toSeconds() * gaussian(rng));
    }

    /** Within 15 minutes of {@code t}, inside opening hours. */
    private static Instant near(SplittableRandom rng, Instant t, Instant open, Instant close) {
        Instant x = t.plusSeconds(Math.round((rng.nextDouble() - 0.5) * 1800));
        return x.isBefore(open) ? open : x.isBefore(close) ? x : close.minusSeconds(60);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static long lognormal(SplittableRandom rng, double mean, double cv) {
        if (cv <= 0) {
            return Math.round(mean);
        }
        double sigma2 = Math.log(1 + cv * cv);
        double mu = Math.log(mean) - sigma2 / 2;
        return Math.round(Math.exp(mu + Math.sqrt(sigma2) * gaussian(rng)));
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
        return new DayPlan(date, open, close, customers, List.copyOf(newShifts), newPauses, appointments);
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
