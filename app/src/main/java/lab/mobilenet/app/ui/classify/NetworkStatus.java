package lab.mobilenet.app.ui.classify;

/** Where one network stands on one photo. */
public enum NetworkStatus {
    /** Queued behind other networks or photos. */
    PENDING,
    /** Running now (networks run one at a time). */
    RUNNING,
    /** Finished: top-5, measured time and, for V1/V2, the class activation map. */
    DONE,
    /** No trained weights for this network: it is not run, because a seeded network's answers mean nothing. */
    UNTRAINED,
    /** Cancelled before it finished. */
    CANCELLED,
    /** The run itself failed; the column carries the one-line reason. */
    FAILED;

    /** Whether nothing more will happen to this column unless it is asked for again. */
    public boolean settled() {
        return this != PENDING && this != RUNNING;
    }
}
