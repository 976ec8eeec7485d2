package lab.mobilenet.app.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import lab.mobilenet.app.ui.render.BundledFonts;

/**
 * Applies themes and the presenter sheet to a scene, and the font that shows Chinese and Korean.
 * The app must run without any CJK font installed, so it loads its own ({@link BundledFonts}) from the jar
 * and makes it the family of every text (JavaFX CSS takes one family, no fallback list; the bundled face
 * covers Latin, Greek and the signs too, and JavaFX falls back to the system's fonts for anything else).
 * Only if loading fails does it look for an installed CJK family.
 */
public final class Styles {

    /** Families known to carry Latin, Han and Hangul glyphs, in order of preference. */
    private static final List<String> CJK_FAMILIES = List.of("Noto Sans CJK SC", "Noto Sans CJK KR",
            "Noto Sans CJK JP", "Source Han Sans SC", "Source Han Sans", "WenQuanYi Micro Hei", "Microsoft YaHei",
            "PingFang SC", "Apple SD Gothic Neo", "Malgun Gothic");

    private static final String BASE = url("base.css");
    private static final String FONTS = url("fonts.css");
    private static final boolean BUNDLED = loadBundled();
    private static final String PRESENTER = url("presenter.css");

    private Styles() {
    }

    static String url(String sheet) {
        URL u = Styles.class.getResource("/lab/mobilenet/app/css/" + sheet);
        if (u == null) {
            throw new IllegalStateException("style sheet missing from the class path: " + sheet);
        }
        return u.toExternalForm();
    }

    /** Replaces the scene's sheets with base + theme (+ presenter). */
    public static void apply(Scene scene, Theme theme, boolean presenter) {
        ObservableList<String> sheets = scene.getStylesheets();
        sheets.setAll(BASE, theme.stylesheet());
        if (BUNDLED) {
            sheets.add(FONTS);
        }
        if (presenter) {
            sheets.add(PRESENTER);
        }
    }

    /** Loads the bundled faces into JavaFX once; false (and a line on standard error) if that fails. */
    private static boolean loadBundled() {
        boolean ok = true;
        for (String r : BundledFonts.RESOURCES) {
            try (InputStream in = BundledFonts.open(r)) {
                Font f = Font.loadFont(in, 12);
                ok &= f != null && BundledFonts.FAMILY.equals(f.getFamily());
            } catch (IOException | RuntimeException e) {
                ok = false;
            }
        }
        if (!ok) {
            System.err.println("warning: the bundled CJK font did not load; Chinese and Korean need an installed font");
        }
        return ok;
    }

    /** Whether the bundled CJK font is in JavaFX's registry. */
    public static boolean bundledFontLoaded() {
        return BUNDLED;
    }

    /** The family for all text: the bundled one, else an installed CJK family, else JavaFX's default. */
    public static String fontFamily() {
        return BUNDLED ? BundledFonts.FAMILY : cjkFamily().orElse("System");
    }

    /** The first installed family from {@link #CJK_FAMILIES}, if any. */
    public static Optional<String> cjkFamily() {
        List<String> installed = Font.getFamilies();
        return CJK_FAMILIES.stream().filter(installed::contains).findFirst();
    }
}
