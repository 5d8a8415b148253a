package io.hallq.controller.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperStockTest {

    @TempDir
    Path dir;

    private PaperStock stock(int rolls) {
        return new PaperStock(new NotifyConfig.Paper(dir.resolve("rolls"), 250, rolls, 3), dir.resolve("rolls"));
    }

    @Test
    void daysLeft_areTheStoreAndHalfTheLoadedRoll_overThePastDaysMeanVolume() {
        PaperStock s = stock(4);
        s.history(List.of(200L, 0L, 300L)); // a closed day (0) does not count
        PaperStock.Estimate e = s.estimate();
        assertEquals(250.0, e.ticketsPerDay());
        assertEquals((4 * 250 + 125) / 250.0, e.daysLeft(), 1e-9);
        assertFalse(e.low());
    }

    @Test
    void theNearEndSensor_countsTheLoadedRollAsEmpty_andAWarningIsDueUnderWarnDays() {
        PaperStock s = stock(1);
        s.history(List.of(100L));
        s.nearEnd(true);
        PaperStock.Estimate e = s.estimate();
        assertEquals(2.5, e.daysLeft(), 1e-9);
        assertTrue(s.low().isPresent());
    }

    @Test
    void aRollChange_takesOneFromTheStore_andTheCountSurvivesARestart() {
        PaperStock s = stock(0);
        s.setRolls(5);
        s.nearEnd(true);
        s.rollChanged();
        assertEquals(4, s.rolls());
        assertFalse(s.estimate().nearEnd());
        assertEquals(4, stock(0).rolls());
    }

    @Test
    void withoutHistory_noEstimateAndNoWarning() {
        PaperStock s = stock(0);
        s.history(List.of());
        assertEquals(-1, s.estimate().daysLeft());
        assertTrue(s.low().isEmpty());
    }
}
