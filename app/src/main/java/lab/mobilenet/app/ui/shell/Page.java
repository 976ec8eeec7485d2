package lab.mobilenet.app.ui.shell;

/** The top-level pages of the navigation, in the order they are listed. */
public enum Page {
    LESSONS, EXPLORER, CLASSIFY,
    /** Build your own separable net (a Keras-style layer list, standard against separable). */
    BUILD,
    /** Pretrained weights: status, download, import. */
    WEIGHTS;

    /** Resource key of the page's name, e.g. {@code nav.lessons}. */
    public String nameKey() {
        return "nav." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
