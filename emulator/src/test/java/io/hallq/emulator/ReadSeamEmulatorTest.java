package io.hallq.emulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.hallq.controller.architecture.ReadSeam;
import org.junit.jupiter.api.Test;

/** The emulator reads the hall as every module does: through queries, never the live state (its simulator aside). */
class ReadSeamEmulatorTest {

    @Test
    void theEmulator_touchesNoLiveQueueState_outsideItsOwnSimulator() {
        JavaClasses emulator = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hallq.emulator");
        ReadSeam.LIVE_STATE_STAYS_WITH_ITS_OWNERS.check(emulator);
    }
}
