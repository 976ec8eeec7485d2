package lab.mobilenet.lessons;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The course: ten lessons in order, and the factory that starts a {@link LessonSession} for one of them on a
 * photo. Titles and texts live in the resource bundle {@link #BUNDLE} (English default, 中文, 한국어).
 */
public final class LessonCatalog {

    /** Base name of the lessons' resource bundle: {@code lab/mobilenet/lessons/lessons*.properties}. */
    public static final String BUNDLE = "lab.mobilenet.lessons.lessons";

    public static final Lesson STANDARD = new Lesson("standard", 1, false);
    public static final Lesson DEPTHWISE = new Lesson("depthwise", 2, false);
    public static final Lesson POINTWISE = new Lesson("pointwise", 3, false);
    public static final Lesson SEPARABLE = new Lesson("separable", 4, false);
    public static final Lesson GROUPS = new Lesson("groups", 5, false);
    public static final Lesson IM2COL = new Lesson("im2col", 6, false);
    public static final Lesson MULTIPLIERS = new Lesson("multipliers", 7, true);
    public static final Lesson INVERTED_RESIDUAL = new Lesson("inverted-residual", 8, true);
    public static final Lesson SQUEEZE_EXCITE = new Lesson("squeeze-excite", 9, true);
    /** Why V2's projection has no ReLU (V2 paper, Fig. 1): no photo and no network run, only V2's block shape. */
    public static final Lesson LINEAR_BOTTLENECK = new Lesson("linear-bottleneck", 10, true);

    private static final List<Lesson> ALL = List.of(STANDARD, DEPTHWISE, POINTWISE, SEPARABLE, GROUPS, IM2COL,
            MULTIPLIERS, INVERTED_RESIDUAL, SQUEEZE_EXCITE, LINEAR_BOTTLENECK);

    private LessonCatalog() {
    }

    /** All lessons in teaching order. */
    public static List<Lesson> all() {
        return ALL;
    }

    public static Lesson byId(String id) {
        return ALL.stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown lesson '" + id + "'"));
    }

    /**
     * The lessons' texts in a locale: 中文 for {@code zh*}, 한국어 for {@code ko*}, English otherwise (the JVM's
     * default locale is deliberately not consulted, so {@code Locale.ENGLISH} always gives English).
     */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Starts a lesson on a photo (any size, RGB or grey) with the default options. */
    public static LessonSession session(Lesson lesson, Planes photo) {
        return session(lesson, photo, LessonOptions.DEFAULTS);
    }

    /**
     * Starts a lesson on a photo: the photo is shrunk to the lesson's teaching size first. The multipliers and
     * linear-bottleneck lessons need no photo. The block lessons (inverted residual, squeeze-excite) run the real network on the photo
     * ({@link LessonOptions#photo()} if given, else {@code photo}), which takes a few hundred milliseconds: start
     * them on a background thread, never on the UI thread.
     */
    public static LessonSession session(Lesson lesson, Planes photo, LessonOptions options) {
        if (lesson == null || options == null) {
            throw new IllegalArgumentException("lesson and options are required");
        }
        return LessonFactory.build(lesson, photo, options);
    }

    /**
     * Starts the lesson of a real network layer (standard, depthwise or pointwise) on its own input crop and
     * kernels, as cut by {@link RealLayer#crop}: stepping to the end reproduces that window of the layer's output.
     */
    public static LessonSession session(RealLayer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("a real layer is required");
        }
        return LessonFactory.realLayer(layer);
    }
}
