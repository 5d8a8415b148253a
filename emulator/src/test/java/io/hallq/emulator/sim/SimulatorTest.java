package io.hallq.emulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallq.controller.config.QueueRules.SelectionPolicy;
import io.hallq.controller.stats.HallStatistics;
import io.hallq.protocol.event.HallEvent;
import io.hallq.protocol.event.HallEvent.TicketIssued;
import io.hallq.protocol.stats.DailyStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {

    static final ScenarioReader.Loaded WEEKDAY = ScenarioReader.load(Path.of("../scenarios/weekday.yaml"));

    static SimRun run(SelectionPolicy p, long seed, int days) {
        return Simulator.run(WEEKDAY.scenario(), WEEKDAY.hall(), p, seed, days);
    }

    @Test
    void sameSeed_givesTheSameEvents_otherSeedOthers() {
        assertEquals(run(SelectionPolicy.AGEING, 7, 2).events(), run(SelectionPolicy.AGEING, 7, 2).events());
        assertNotEquals(run(SelectionPolicy.AGEING, 7, 1).events(), run(SelectionPolicy.AGEING, 8, 1).events());
    }

    @Test
    void everyPolicy_meetsTheSameCustomersAtTheSameTimes() {
        List<String> ageing = arrivals(run(SelectionPolicy.AGEING, 3, 1));
        assertEquals(ageing, arrivals(run(SelectionPolicy.FCFS, 3, 1)));
        assertEquals(ageing, arrivals(run(SelectionPolicy.STRICT_PRIORITY, 3, 1)));
        assertNotEquals(run(SelectionPolicy.AGEING, 3, 1).events(), run(SelectionPolicy.FCFS, 3, 1).events());
    }

    private static List<String> arrivals(SimRun r) {
        return r.events().stream().filter(e -> e instanceof TicketIssued).map(e -> (TicketIssued) e)
                .map(t -> t.at() + " " + t.service() + " " + t.customerClass()).toList();
    }

    @Test
    void aDay_issuesAboutTheExpectedTickets_andServesThemAllBeforeClosing() {
        SimRun r = run(SelectionPolicy.AGEING, 1, 1);
        double expected = WEEKDAY.scenario().arrivalsOn(WEEKDAY.scenario().startDate());
        assertTrue(Math.abs(r.samples().size() - expected) < 4 * Math.sqrt(expected), r.samples().size() + " tickets");
        long neverCalled = r.samples().stream().filter(t -> !t.called()).count();
        assertEquals(0, neverCalled);
        assertTrue(r.samples().stream().allMatch(t -> t.waitSeconds() >= 0));
        HallEvent last = r.events().getLast();
        assertTrue(r.events().stream().filter(e -> e instanceof HallEvent.CounterChanged c
                && c.status() == HallEvent.CounterStatus.CLOSED).count() >= 5, "counters close at the end: " + last);
    }

    @Test
    void statisticsOfTheSimulatedJournal_matchTheTicketSamples() {
        SimRun r = run(SelectionPolicy.AGEING, 2, 2);
        List<DailyStatistics> days = HallStatistics.of(WEEKDAY.hall(), r.events());
        assertEquals(2, days.size());
        int arrivals = days.stream().flatMap(d -> d.serviceHours().stream()).mapToInt(h -> h.arrivals()).sum();
        assertEquals(r.samples().size(), arrivals);
        double meanWait = r.samples().stream().filter(TicketSample::called).mapToLong(TicketSample::waitSeconds).average().orElseThrow();
        double fromStats = days.stream().flatMap(d -> d.serviceHours().stream())
                .mapToDouble(h -> h.meanWaitSeconds() * h.called()).sum()
                / days.stream().flatMap(d -> d.serviceHours().stream()).mapToInt(h -> h.called()).sum();
        assertEquals(meanWait, fromStats, 1e-6);
        assertTrue(days.getFirst().counters().stream().allMatch(c -> c.utilisation() > 0 && c.utilisation() <= 1));
    }

    @Test
    void printedEstimate_beatsTheQueueLengthEstimate_onTheShippedScenarios() {
        for (String name : List.of("weekday", "month-start", "campaign")) {
            var loaded = ScenarioReader.load(Path.of("../scenarios/" + name + ".yaml"));
            SimRun r = Simulator.run(loaded.scenario(), loaded.hall(), SelectionPolicy.AGEING, 1, 3);
            var all = Summary.accuracy(r.samples(), List.of()).getLast();
            assertTrue(all.engineMae() < all.oracleMae(), name + ": " + all);
        }
    }

    @Test
    void printedEstimate_holdsAtPeak_onMonthStartDays_withASeedItWasNotFittedOn() {
        var loaded = ScenarioReader.load(Path.of("../scenarios/month-start.yaml"));
        SimRun r = Simulator.run(loaded.scenario(), loaded.hall(), SelectionPolicy.AGEING, 13, 4);
        List<String> classes = loaded.hall().classes().stream().map(c -> c.code()).toList();
        List<Summary.Accuracy> acc = Summary.accuracy(r.samples(), classes);
        Summary.Accuracy all = acc.getLast();
        assertTrue(all.engineMae() <= 2.5 * 60, "month-start MAE at most 2.5 min: " + all);
        for (Summary.Accuracy a : acc) {
            assertTrue(a.engineBias() >= -60, "no class waits more than a minute longer than promised: " + a);
            assertTrue(a.calledByEstimate() > 0.3 && a.calledByEstimate() < 0.95, "calibration: " + a);
        }
    }

    @Test
    void report_writesHtmlWithChartsAndCsv(@TempDir Path dir) throws Exception {
        List<SimRun> runs = List.of(run(SelectionPolicy.AGEING, 1, 1), run(SelectionPolicy.FCFS, 1, 1));
        Path index = Report.write(dir, WEEKDAY, runs, 1, 1);
        String html = Files.readString(index);
        assertTrue(html.split("<svg", -1).length - 1 >= 6, "six charts");
        assertTrue(html.contains("FCFS") && html.contains("Erlang C"));
        List<String> tickets = Files.readAllLines(dir.resolve("tickets.csv"));
        assertEquals(1 + runs.get(0).samples().size() + runs.get(1).samples().size(), tickets.size());
        for (String csv : List.of("policies.csv", "accuracy.csv", "service_hours.csv", "counters.csv", "staffing.csv")) {
            assertTrue(Files.readAllLines(dir.resolve(csv)).size() > 1, csv);
        }
    }
}
