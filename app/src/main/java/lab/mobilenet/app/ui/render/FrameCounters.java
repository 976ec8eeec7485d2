package lab.mobilenet.app.ui.render;

import lab.mobilenet.lessons.Counters;
import lab.mobilenet.lessons.LessonFrame;

/**
 * The counters to show for a frame: the leading trace's, or in the block lessons those of the stages done
 * (MACs as the runtime executed them, params, bytes), both as the lessons module counts them.
 */
public final class FrameCounters {

    private FrameCounters() {
    }

    /** Counters of {@code f}; {@link Counters#ZERO} for none. */
    public static Counters of(LessonFrame f) {
        return f == null ? Counters.ZERO : f.counters();
    }
}
