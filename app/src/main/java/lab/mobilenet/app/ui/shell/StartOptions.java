package lab.mobilenet.app.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import lab.mobilenet.app.ui.photo.BundledPhotos;
import lab.mobilenet.app.ui.theme.Theme;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.lessons.Granularity;

/**
 * Where the window starts, from named launch parameters such as {@code --lesson=depthwise --position=500
 * --steps=40 --granularity=pixel --photo=coffee.png --theme=dark --presenter=true --lang=zh
 * --kernels=learned}, or {@code --page=explorer --model=mobilenetv2 --open-layer=blocks.2.0.conv_dw}: handy to open a
 * class mid-lesson, and to take screenshots. Unknown values fall back to the defaults; a malformed number is
 * reported in one line and replaced by its default.
 *
 * @param lessonId    lesson to open (null: the first)
 * @param photo       bundled photo name
 * @param granularity step size (null: the default)
 * @param position    clock position to jump to once the lesson is ready
 * @param steps       steps to take after that
 * @param theme       light or dark
 * @param presenter   start in presenter mode
 * @param language    UI language (null: the system's)
 * @param learnedKernels whether lesson 1 uses MobileNetV1's learned stem once its trained weights are loaded
 * @param page        the page to open ({@code --page=classify}; default the lessons)
 * @param photos      photo paths given without a name, queued on the Classify page when it is the one opened
 * @param model       the Explorer's network ({@code --model=mobilenetv2}; null: its default)
 * @param openLayer   with {@code --page=explorer}: a convolution to open in its lesson once it has run, e.g.
 *                    {@code --open-layer=blocks.2.0.conv_dw} (the Explorer steps up to it unless {@code --steps}
 *                    is given); null: none
 */
public record StartOptions(String lessonId, String photo, Granularity granularity, long position, int steps,
                           Theme theme, boolean presenter, Locale language, boolean learnedKernels, Page page,
                           List<Path> photos, Architecture model, String openLayer) {

    public static final StartOptions DEFAULTS = new StartOptions(null, BundledPhotos.defaultName(), null, 0, 0,
            Theme.LIGHT, false, null, false, Page.LESSONS, List.of(), null, null);

    public StartOptions {
        photos = List.copyOf(photos);
    }

    /** Named parameters and the unnamed ones (photo paths), as JavaFX's {@code getParameters()} gives them. */
    public static StartOptions parse(Map<String, String> named, List<String> unnamed) {
        StartOptions o = parse(named);
        return o.withPhotos(unnamed.stream().map(Path::of).toList());
    }

    /** The same options with these photos. */
    public StartOptions withPhotos(List<Path> paths) {
        return new StartOptions(lessonId, photo, granularity, position, steps, theme, presenter, language,
                learnedKernels, page, paths, model, openLayer);
    }

    /** {@code --page=lessons|explorer|classify|build|weights} in any case; anything else is the lessons. */
    static Page page(String name) {
        for (Page p : Page.values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return Page.LESSONS;
    }

    /** Reads the named parameters, reporting malformed numbers on standard error; never throws. */
    public static StartOptions parse(Map<String, String> named) {
        return parse(named, System.err::println);
    }

    /** Reads the named parameters; each malformed number goes to {@code warn} as one line. Never throws. */
    public static StartOptions parse(Map<String, String> named, Consumer<String> warn) {
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
                number("position", named.get("position"), warn),
                (int) Math.min(100_000, number("steps", named.get("steps"), warn)), theme,
                Boolean.parseBoolean(named.get("presenter")), lang, "learned".equalsIgnoreCase(named.get("kernels")),
                page(named.get("page")), List.of(), model(named.get("model"), warn), blankToNull(named.get("open-layer")));
    }

    /** A network named like the command line's {@code --model} (width ignored); null, after telling {@code warn}, when unknown. */
    private static Architecture model(String s, Consumer<String> warn) {
        if (s == null) {
            return null;
        }
        try {
            return ModelName.parse(s, null).architecture();
        } catch (IllegalArgumentException e) {
            warn.accept("--model=" + s + ": " + e.getMessage() + "; using the default");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A non-negative whole number; 0 (the default) when absent, and when malformed after telling {@code warn}. */
    private static long number(String name, String s, Consumer<String> warn) {
        if (s == null) {
            return 0;
        }
        long v;
        try {
            v = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 0) {
            warn.accept("--" + name + "=" + s + " is not a whole number ≥ 0; using the default, 0");
            return 0;
        }
        return v;
    }
}
