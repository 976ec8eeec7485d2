package lab.mobilenet.app.ui.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import lab.mobilenet.lessons.LessonCatalog;

/**
 * Plain word look-up without JavaFX, shared by the window and the headless exporter: the app's bundle first
 * (menus, captions of the pictures), then the lessons module's bundle (lesson texts, kernel, formula and
 * counter names). A missing key comes back as the key itself, so a gap shows instead of crashing.
 */
public final class Texts {

    private static final String APP_BUNDLE = "lab.mobilenet.app.i18n.messages";

    private Texts() {
    }

    /** The word for {@code key} in {@code locale}, with {@code args} formatted in when given. */
    public static String lookup(Locale locale, String key, Object... args) {
        String pattern = raw(locale, key);
        if (pattern == null) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Whether either bundle defines {@code key}. */
    public static boolean has(Locale locale, String key) {
        return raw(locale, key) != null;
    }

    private static String raw(Locale locale, String key) {
        try {
            return appBundle(locale).getString(key);
        } catch (MissingResourceException e) {
            try {
                return LessonCatalog.bundle(locale).getString(key);
            } catch (MissingResourceException e2) {
                return null;
            }
        }
    }

    private static ResourceBundle appBundle(Locale locale) {
        return ResourceBundle.getBundle(APP_BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
