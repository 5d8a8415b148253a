package io.hallq.controller.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
