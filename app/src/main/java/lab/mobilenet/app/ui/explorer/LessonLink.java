package lab.mobilenet.app.ui.explorer;

/** Whether the selected row can be opened in its lesson ("Open in lesson"), and if not, why. */
public enum LessonLink {
    /** Not a standard, depthwise or pointwise convolution (or nothing selected): no button. */
    NONE,
    /** A convolution whose input has not been computed yet: the button is there but waits for the run. */
    INPUT_NOT_RUN,
    /** Its input is there: the lesson can be cut from this run. */
    READY
}
