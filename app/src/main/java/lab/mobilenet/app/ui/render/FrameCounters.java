package lab.mobilenet.app.ui.render;

import lab.mobilenet.lessons.BlockFrame;
import lab.mobilenet.lessons.BlockStage;
import lab.mobilenet.lessons.Counters;
import lab.mobilenet.lessons.LessonFrame;

/**
 * The counters to show for a frame: the leading trace's, or for the block lessons (which have stages instead
 * of a trace) the cost model's MACs and parameters of the stages done; bytes are not modelled there.
 */
public final class FrameCounters {

    private FrameCounters() {
    }

    /** Counters of {@code f}; {@link Counters#ZERO} for none. */
    public static Counters of(LessonFrame f) {
        if (f == null) {
            return Counters.ZERO;
        }
        if (!f.traces().isEmpty() || f.block().isEmpty()) {
            return f.counters();
        }
        BlockFrame b = f.block().get();
        var stages = b.walkthrough().stages();
        long params = stages.stream().mapToLong(BlockStage::params).sum();
        return new Counters(b.macsDone(), b.walkthrough().macs(), params, 0, 0, 0, b.stagesDone(), stages.size());
    }
}
