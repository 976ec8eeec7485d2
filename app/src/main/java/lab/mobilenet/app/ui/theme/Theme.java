package lab.mobilenet.app.ui.theme;

/**
 * The look of the window. Each theme is one style sheet on top of {@code base.css}; presenter mode adds
 * {@code presenter.css} (large type, high contrast) on top of either.
 */
public enum Theme {
    LIGHT("light.css"), DARK("dark.css");

    private final String sheet;

    Theme(String sheet) {
        this.sheet = sheet;
    }

    /** Resource key of the display name, e.g. {@code theme.light}. */
    public String nameKey() {
        return "theme." + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Class-path URL of the theme's style sheet. */
    public String stylesheet() {
        return Styles.url(sheet);
    }
}
