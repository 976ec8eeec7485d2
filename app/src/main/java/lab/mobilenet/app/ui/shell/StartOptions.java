package lab.mobilenet.app.ui.shell;

import java.util.Locale;
import java.util.Map;
import lab.mobilenet.app.ui.photo.BundledPhotos;
import lab.mobilenet.app.ui.theme.Theme;
import lab.mobilenet.lessons.Granularity;

/**
 * Where the window starts, from named launch parameters such as {@code --lesson=depthwise --steps=40
 * --granularity=pixel --photo=coffee.png --theme=dark --presenter=true --lang=zh}: handy to open a class
 * mid-lesson, and to take screenshots. Unknown or malformed values fall back to the defaults.
 *
 * @param lessonId    lesson to open (null: the first)
 * @param photo       bundled photo name
 * @param granularity step size (null: the default)
 * @param steps       steps to take once the lesson is ready
 * @param theme       light or dark
 * @param presenter   start in presenter mode
 * @param language    UI language (null: the system's)
 */
public record StartOptions(String lessonId, String photo, Granularity granularity, int steps, Theme theme,
                           boolean presenter, Locale language) {

    public static final StartOptions DEFAULTS = new StartOptions(null, BundledPhotos.defaultName(), null, 0,
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
        int steps = 0;
        try {
            steps = Math.max(0, Integer.parseInt(named.getOrDefault("steps", "0")));
        } catch (NumberFormatException e) {
            steps = 0;
        }
        Theme theme = "dark".equalsIgnoreCase(named.get("theme")) ? Theme.DARK : Theme.LIGHT;
        Locale lang = named.containsKey("lang") ? Locale.forLanguageTag(named.get("lang")) : null;
        return new StartOptions(named.get("lesson"), named.getOrDefault("photo", BundledPhotos.defaultName()), g,
                steps, theme, Boolean.parseBoolean(named.get("presenter")), lang);
    }
}
