package lab.mobilenet.lessons;

import java.util.Optional;

/**
 * One convolution of a lesson frame, as far as it has run.
 *
 * @param role      what it is in the lesson: "standard", "depthwise", "pointwise", "grouped" (resource key
 *                  {@code trace.<role>})
 * @param trace     the trace (immutable: input, kernels, geometry, final result)
 * @param position  MACs done in this trace
 * @param lastStep  the MAC just done (empty at the start)
 * @param nextStep  the MAC about to be done (empty at the end)
 * @param output    the partial output map
 * @param counters  counters so far
 * @param focus     the output value to highlight: the one the last MAC worked on, or the first one at the start
 * @param tapsDone  how many of {@code focus}'s products are done (all of them once it is complete)
 */
public record TraceFrame(String role, ConvTrace trace, long position, Optional<Step> lastStep,
                         Optional<Step> nextStep, OutputMap output, Counters counters, CellDetail focus,
                         int tapsDone) {

    public String roleKey() {
        return "trace." + role;
    }

    static TraceFrame of(String role, ConvTrace trace, long position) {
        Optional<Step> last = trace.lastStep(position);
        Optional<Step> next = trace.nextStep(position);
        Step f = last.orElseGet(next::orElseThrow);
        int taps = last.isPresent() ? f.tap() + 1 : 0;
        return new TraceFrame(role, trace, position, last, next, trace.output(position), trace.counters(position),
                trace.cell(f.outChannel(), f.outY(), f.outX()), taps);
    }
}
