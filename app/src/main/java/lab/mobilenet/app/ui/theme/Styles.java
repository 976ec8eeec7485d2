package lab.mobilenet.app.ui.theme;

import java.net.URL;
import java.util.List;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.text.Font;

/**
 * Applies themes and the presenter sheet to a scene, and picks a font that can show Chinese and Korean.
 * The app must run without any CJK font installed, so the font is chosen only when the system has one.
 */
public final class Styles {

    /** Families known to carry Latin, Han and Hangul glyphs, in order of preference. */
    private static final List<String> CJK_FAMILIES = List.of("Noto Sans CJK SC", "Noto Sans CJK KR",
            "Noto Sans CJK JP", "Source Han Sans SC", "Source Han Sans", "WenQuanYi Micro Hei", "Microsoft YaHei",
            "PingFang SC", "Apple SD Gothic Neo", "Malgun Gothic");

    private static final String BASE = url("base.css");
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
        if (presenter) {
            sheets.add(PRESENTER);
        }
    }

    /** The first installed family from {@link #CJK_FAMILIES}, if any. */
    public static Optional<String> cjkFamily() {
        List<String> installed = Font.getFamilies();
        return CJK_FAMILIES.stream().filter(installed::contains).findFirst();
    }
}
