package io.hallq.controller.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.hallq.controller.queue.ArrivalRates;
import io.hallq.controller.queue.CounterState;
import io.hallq.controller.queue.CounterView;
import io.hallq.controller.queue.HandlingTimes;
import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.QueueState;
import io.hallq.controller.queue.QueueView;
import io.hallq.controller.queue.Ticket;
import io.hallq.controller.queue.TicketView;
import java.util.Set;

/**
 * The read seam's rules (issue #17): the queue's live state ({@link QueueState} and the mutable objects it holds)
 * is touched only by the queue package, the hall's writer and the simulator (which runs an engine of its own on
 * one thread); every other module reads through {@link QueueView}, whose answers are immutable. Shared with the
 * emulator's tests through the controller's test jar.
 */
public final class ReadSeam {

    /** Packages that own a live queue state: the engine itself, the writer, the simulator's own engine. */
    public static final String[] OWNERS = {
            "io.hallq.controller.queue..", "io.hallq.controller.hall..", "io.hallq.emulator.sim.."};

    /**
     * The writer's live state and the engine that holds it: only their owners may name these (nested types such as
     * Ticket.Status are values; compile-time constants such as QueueEngine.DEVICE_ALARM_PREFIX are copied by javac).
     */
    static final Set<String> LIVE = Set.of(QueueEngine.class.getName(), QueueState.class.getName(),
            Ticket.class.getName(), CounterState.class.getName(), HandlingTimes.class.getName(),
            ArrivalRates.class.getName());

    private static final DescribedPredicate<JavaClass> LIVE_STATE =
            DescribedPredicate.describe("the queue's live state " + LIVE, c -> LIVE.contains(c.getName()));

    private ReadSeam() {}

    /** Nobody but the owners depends on the live state: no field, parameter, return, call or cast of it. */
    public static final ArchRule LIVE_STATE_STAYS_WITH_ITS_OWNERS = noClasses()
            .that().resideOutsideOfPackages(OWNERS)
            .should().dependOnClassesThat(LIVE_STATE)
            .because("QueueState, Ticket and CounterState never leave the writer thread: queries read through"
                    + " QueueView and take records and copies away");

    /** What the read side hands out involves no live type, not even as a type argument (List<Ticket>). */
    public static final ArchRule VIEWS_HAND_OUT_NO_LIVE_STATE = methods()
            .that().areDeclaredInClassesThat().belongToAnyOf(QueueView.class, TicketView.class, CounterView.class)
            .and().arePublic()
            .should(new ArchCondition<JavaMethod>("return no type involving the queue's live state") {
                @Override
                public void check(JavaMethod m, ConditionEvents events) {
                    boolean live = m.getReturnType().getAllInvolvedRawTypes().stream().anyMatch(LIVE_STATE);
                    if (live) {
                        events.add(SimpleConditionEvent.violated(m, m.getFullName() + " returns "
                                + m.getReturnType().getName() + ": the live state would leave the writer"));
                    }
                }
            });
}
