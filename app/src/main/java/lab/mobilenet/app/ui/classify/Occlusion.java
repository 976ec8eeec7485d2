package lab.mobilenet.app.ui.classify;

/**
 * The state of an occlusion map, which is computed only on demand because it costs one network run per patch.
 *
 * @param state  not asked for, running, done, failed or cancelled
 * @param done   patches measured so far
 * @param total  patches in all
 * @param map    the drop of the top class's probability per patch, when done
 * @param error  one-line reason, when it failed
 */
public record Occlusion(State state, int done, int total, HeatMap map, String error) {

    /** Where an occlusion map stands. */
    public enum State { NONE, RUNNING, DONE, FAILED, CANCELLED }

    public static final Occlusion NONE = new Occlusion(State.NONE, 0, 0, null, null);

    public static Occlusion running(int done, int total) {
        return new Occlusion(State.RUNNING, done, total, null, null);
    }

    public static Occlusion done(HeatMap map) {
        return new Occlusion(State.DONE, map.width() * map.height(), map.width() * map.height(), map, null);
    }

    public static Occlusion failed(String error) {
        return new Occlusion(State.FAILED, 0, 0, null, error);
    }

    public static Occlusion cancelled() {
        return new Occlusion(State.CANCELLED, 0, 0, null, null);
    }
}
