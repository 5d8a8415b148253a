package io.hallq.controller.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.queue.QueueEngine;
import io.hallq.controller.queue.QueueView;
import io.hallq.controller.queue.Ticket;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The controller's own classes keep the read seam's rules ({@link ReadSeam}). */
class ReadSeamTest {

    private static JavaClasses controller;

    @BeforeAll
    static void importClasses() {
        controller = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hallq.controller");
    }

    @Test
    void onlyTheQueueAndTheWriter_touchTheLiveQueueState() {
        ReadSeam.LIVE_STATE_STAYS_WITH_ITS_OWNERS.check(controller);
    }

    @Test
    void theReadSide_handsOutNoLiveState() {
        ReadSeam.VIEWS_HAND_OUT_NO_LIVE_STATE.check(controller);
    }

    /** A module that keeps the engine's state, and one that names a live ticket: the check refuses both. */
    static final class LeakyModule {
        private Object kept;

        void keep(QueueEngine engine) {
            kept = engine.state();
        }

        List<Ticket> tickets() {
            return List.of();
        }

        int count(QueueView v) {
            return v.waitingCount(); // reading through the view is fine
        }
    }

    @Test
    void theCheck_findsAModuleThatTouchesTheLiveState() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyModule.class);
        AssertionError e = assertThrows(AssertionError.class,
                () -> ReadSeam.LIVE_STATE_STAYS_WITH_ITS_OWNERS.check(leaky));
        assertTrue(e.getMessage().contains("LeakyModule.keep(") && e.getMessage().contains("QueueEngine.state()")
                && e.getMessage().contains("LeakyModule.tickets()"), e.getMessage());
        assertFalse(e.getMessage().contains("LeakyModule.count("), "reading through a view is allowed");
    }
}
