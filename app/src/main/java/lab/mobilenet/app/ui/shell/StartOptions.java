package lab.mobilenet.app.ui.shell;

import java.util.Locale;
import java.util.Map;
import lab.mobilenet.app.ui.photo.BundledPhotos;
import lab.mobilenet.app.ui.theme.Theme;
import lab.mobilenet.lessons.Granularity;

/**
 * Where the window starts, from named launch parameters such as {@code --lesson=depthwise --position=500
 * --steps=40 --granularity=pixel --photo=coffee.png --theme=dark --presenter=true --lang=zh}: handy to open a
 * class mid-lesson, and to take screenshots. Unknown or malformed values fall back to the defaults.
 *
 * @param lessonId    lesson to open (null: the first)
 * @param photo       bundled photo name
 * @param granularity step size (null: the default)
 * @param position    clock position to jump to once the lesson is ready
 * @param steps       steps to take after that
 * @param theme       light or dark
 * @param presenter   start in presenter mode
 * @param language    UI language (null: the system's)
 */
public record StartOptions(String lessonId, String photo, Granularity granularity, long position, int steps,
                           Theme theme, boolean presenter, Locale language) {

    public static final StartOptions DEFAULTS = new StartOptions(null, BundledPhotos.defaultName(), null, 0, 0,
            Theme.LIGHT, false, null);

    /** Reads the named parameters; never throws. */
    public static StartOptions parse(Map<String, String> named) {
        Granularity g = null;
        String gs = named.get("granularity");
        if (gs != null) {
            for (Granularity x : Granularity.values()) {
                if (x.name().equalsIgnoreCase(gs)) {
                    g = x;
                }
            }
        }
        Theme theme = "dark".equalsIgnoreCase(named.get("theme")) ? Theme.DARK : Theme.LIGHT;
        Locale lang = named.containsKey("lang") ? Locale.forLanguageTag(named.get("lang")) : null;
        return new StartOptions(named.get("lesson"), named.getOrDefault("photo", BundledPhotos.defaultName()), g,
                number(named.get("position")), (int) Math.min(100_000, number(named.get("steps"))), theme,
                Boolean.parseBoolean(named.get("presenter")), lang);
    }

    /** A non-negative whole number, 0 when absent or malformed. */
    private static long number(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
