package lab.mobilenet.lessons;

import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of a lesson at one position: everything the UI draws. Build one with
 * {@link LessonSession#frame()} after each move; it never changes afterwards.
 *
 * @param lesson      the lesson
 * @param granularity the session's current step size
 * @param position    the session clock, 0 … {@code length}
 * @param length      the clock's end (MACs of the lesson's leading trace)
 * @param traces      the convolutions drawn, leading one first (empty for a lesson that needs the engine model)
 * @param formulas    the lesson's cost formulas with its numbers substituted
 * @param comparison  standard vs separable (the separable lesson only)
 * @param groupCosts  MACs and params for every divisor g of M (the groups lesson only)
 * @param gemm        the matrix view (the im2col lesson only)
 * @param multipliers MobileNet V1 rebuilt for the grid of α and resolutions and the selected pair (the
 *                    multipliers lesson only)
 * @param block       the real block run on the photo and how many stages are done (the inverted-residual and
 *                    squeeze-excite lessons only)
 * @param bottleneck  the spiral through n dimensions at the current n (the linear-bottleneck lesson only)
 */
public record LessonFrame(Lesson lesson, Granularity granularity, long position, long length,
                          List<TraceFrame> traces, List<Formula> formulas, Optional<Comparison> comparison,
                          List<GroupCost> groupCosts, Optional<GemmFrame> gemm,
                          Optional<MultiplierTable> multipliers, Optional<BlockFrame> block,
                          Optional<BottleneckFrame> bottleneck) {

    public LessonFrame {
        traces = List.copyOf(traces);
        formulas = List.copyOf(formulas);
        groupCosts = List.copyOf(groupCosts);
    }

    /** A frame of any lesson but the linear-bottleneck one. */
    public LessonFrame(Lesson lesson, Granularity granularity, long position, long length, List<TraceFrame> traces,
                       List<Formula> formulas, Optional<Comparison> comparison, List<GroupCost> groupCosts,
                       Optional<GemmFrame> gemm, Optional<MultiplierTable> multipliers, Optional<BlockFrame> block) {
        this(lesson, granularity, position, length, traces, formulas, comparison, groupCosts, gemm, multipliers,
                block, Optional.empty());
    }

    public boolean atStart() {
        return position == 0;
    }

    public boolean atEnd() {
        return position == length;
    }

    /**
     * Counters of the leading trace; in the block lessons those of the stages done ({@link BlockFrame#counters()});
     * in the linear-bottleneck lesson those of its two products at this n; {@link Counters#ZERO} without any.
     */
    public Counters counters() {
        if (!traces.isEmpty()) {
            return traces.get(0).counters();
        }
        if (bottleneck.isPresent()) {
            return bottleneck.get().counters();
        }
        return block.map(BlockFrame::counters).orElse(Counters.ZERO);
    }

    /** The trace with this role, if the lesson has one. */
    public Optional<TraceFrame> trace(String role) {
        return traces.stream().filter(t -> t.role().equals(role)).findFirst();
    }
}
