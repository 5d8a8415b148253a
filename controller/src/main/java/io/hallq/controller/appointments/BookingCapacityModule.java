package io.hallq.controller.appointments;

import io.hallq.controller.config.HallConfig;
import io.hallq.controller.hall.HallContext;
import io.hallq.controller.hall.HallController;
import io.hallq.controller.hall.HallModule;
import io.hallq.controller.hall.JournaledEvent;
import io.hallq.controller.queue.Command;
import io.hallq.controller.queue.Result;
import io.hallq.controller.stats.HallStatistics;
import io.hallq.controller.stats.StaffingAdvice;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.PlannedHour;
import io.hallq.protocol.stats.BusyIdleProfile;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * Plans the booking capacity from the staffing advice: at start and after each new business day it reads the
 * busy/idle profile of the last {@code journal.profileWeeks} weeks (closed days, from the journal), asks Erlang C for
 * the counters each hour of each weekday needs (80% within the wait target, as the manager page's advice), caps
 * them at the counters the hall has, and submits them as {@link Command.PlanBookingCapacity} (journaled only when
 * they changed). Hours the profile never saw keep the roster's count (the engine's rule). Runs on a thread of its
 * own: the journal is never read on the writer or on the effects thread. Idle when bookings are off.
 */
public final class BookingCapacityModule implements HallModule {

    /** The source named in the journaled plan. */
    public static final String SOURCE = "erlang-c";
    /** Share of customers the advice aims to serve within the wait target. */
    static final double SERVICE_LEVEL = 0.8;

    private HallController hall;
    private ExecutorService thread;

    @Override
    public String name() {
        return "booking-capacity";
    }

    @Override
    public void start(HallContext context) {
        hall = context.hall();
        if (!hall.config().appointments().enabled()) {
            return;
        }
        thread = Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().daemon().name("hallq-booking-plan").unstarted(r));
        hall.addListener(this::onEvents);
        thread.execute(this::plan);
    }

    private void onEvents(List<JournaledEvent> events) {
        for (JournaledEvent e : events) {
            if (e.event() instanceof HallEvent.DayStarted) {
                thread.execute(this::plan); // yesterday is now a closed day of the profile
                return;
            }
        }
    }

    /** Reads the profile and submits the plan; a failure is logged and the plan in force stays. */
    void plan() {
        try {
            HallConfig config = hall.config();
            List<PlannedHour> hours = hours(config, HallStatistics.profile(hall, config.journal().profileWeeks()));
            hall.submit(new Command.PlanBookingCapacity(hours, SOURCE)).thenAccept(o -> {
                if (o.result() instanceof Result.Rejected r) {
                    Logger.warn("Booking capacity plan refused: {}", r.message());
                }
            });
        } catch (RuntimeException e) {
            Logger.warn(e, "Booking capacity not planned; the plan in force (or the roster) stays");
        }
    }

    /** Counters per weekday and hour where the profile saw customers: Erlang C's count, at most the hall's. */
    public static List<PlannedHour> hours(HallConfig config, BusyIdleProfile profile) {
        int most = StaffingAdvice.hallCounters(config);
        List<PlannedHour> out = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (StaffingAdvice.Hour h : StaffingAdvice.forWeekday(config, profile, day, SERVICE_LEVEL)) {
                out.add(new PlannedHour(day.getValue(), h.hour(), Math.min(most, Math.max(0, h.counters()))));
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
