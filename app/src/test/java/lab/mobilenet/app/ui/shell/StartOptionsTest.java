package lab.mobilenet.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Launch parameters: good numbers are used, bad ones are reported in one line and replaced by the default. */
class StartOptionsTest {

    @Test
    void wellFormedNumbersAreUsedSilently() {
        List<String> warnings = new ArrayList<>();
        StartOptions o = StartOptions.parse(Map.of("position", "500", "steps", " 40 "), warnings::add);
        assertEquals(500, o.position());
        assertEquals(40, o.steps());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aMalformedNumberIsReportedAndTheDefaultUsed() {
        List<String> warnings = new ArrayList<>();
        StartOptions o = StartOptions.parse(Map.of("position", "5OO"), warnings::add);
        assertEquals(0, o.position());
        assertEquals(List.of("--position=5OO is not a whole number ≥ 0; using the default, 0"), warnings);
    }

    @Test
    void aNegativeNumberIsReportedToo() {
        List<String> warnings = new ArrayList<>();
        StartOptions o = StartOptions.parse(Map.of("steps", "-3"), warnings::add);
        assertEquals(0, o.steps());
        assertEquals(List.of("--steps=-3 is not a whole number ≥ 0; using the default, 0"), warnings);
    }

    @Test
    void kernelsLearnedAsksForV1sStem() {
        assertEquals(true, StartOptions.parse(Map.of("kernels", "learned"), w -> { }).learnedKernels());
        assertEquals(false, StartOptions.parse(Map.of(), w -> { }).learnedKernels());
    }
}
