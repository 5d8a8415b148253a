package io.hallq.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallq.controller.device.InputPin;
import io.hallq.controller.device.Mcp23017;
import io.hallq.controller.device.OutputPin;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The controller's MCP23017 driver against the emulator's chip model, INT wired to a Pi line: whatever keys
 * go down and up between scans, and whatever the outputs do, after a scan the driver reads every input as the
 * chip's pin is, and the chip's outputs drive what the driver set; with nothing changing, nothing is read.
 */
class Mcp23017DriverProperties {

    private static final int[] INPUTS = {0, 1, 2, 3, 8, 9, 10};
    private static final int[] OUTPUTS = {4, 5, 6, 7, 15};

    /** An action between two scans: an input's contact closed or opened, or an output set. */
    record Step(boolean onInput, int index, boolean level) {}

    @Provide
    Arbitrary<List<List<Step>>> scans() {
        Arbitrary<Step> step = Arbitraries.integers().between(0, 99).flatMap(kind -> kind < 70
                ? Arbitraries.integers().between(0, INPUTS.length - 1).flatMap(i ->
                        Arbitraries.of(true, false).map(b -> new Step(true, i, b)))
                : Arbitraries.integers().between(0, OUTPUTS.length - 1).flatMap(i ->
                        Arbitraries.of(true, false).map(b -> new Step(false, i, b))));
        return step.list().ofMaxSize(4).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    void afterEveryScan_theDriverSeesEachInputAsThePinIs_andTheOutputsAsItSetThem(
            @ForAll("scans") List<List<Step>> scans) {
        VirtualBoard board = new VirtualBoard();
        VirtualMcp23017 chip = board.attachExpander(1, 0x21);
        board.wireInterrupt(4, List.of(chip));
        Mcp23017 driver = new Mcp23017(board.i2c(1), 0x21, board.input(4), new Mcp23017.Health() {
            @Override
            public void lost(int address, String reason) {
                throw new AssertionError("lost: " + reason);
            }

            @Override
            public void back(int address) {
                throw new AssertionError("back");
            }
        });
        List<InputPin> in = new ArrayList<>();
        for (int p : INPUTS) {
            in.add(driver.input(p));
        }
        List<OutputPin> out = new ArrayList<>();
        for (int p : OUTPUTS) {
            out.add(driver.output(p));
        }
        boolean[] closed = new boolean[INPUTS.length];
        boolean[] set = new boolean[OUTPUTS.length];
        driver.start(0);
        long now = 0;
        for (List<Step> between : scans) {
            boolean inputChanged = false;
            for (Step s : between) {
                if (s.onInput()) {
                    inputChanged |= closed[s.index()] != s.level();
                    closed[s.index()] = s.level();
                    chip.ground(INPUTS[s.index()], s.level());
                } else {
                    set[s.index()] = s.level();
                    out.get(s.index()).set(s.level());
                }
            }
            now += 2;
            long readsBefore = driver.reads();
            driver.poll(now);
            for (int i = 0; i < INPUTS.length; i++) {
                assertEquals(!closed[i], in.get(i).high(), "input " + INPUTS[i]);
            }
            for (int i = 0; i < OUTPUTS.length; i++) {
                assertEquals(set[i], chip.outputHigh(OUTPUTS[i]), "output " + OUTPUTS[i]);
            }
            if (between.isEmpty() || !inputChanged && between.stream().allMatch(Step::onInput)) {
                assertEquals(readsBefore, driver.reads(), "no change, no read");
            }
        }
    }
}
