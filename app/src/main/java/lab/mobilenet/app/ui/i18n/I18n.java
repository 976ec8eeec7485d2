package lab.mobilenet.app.ui.i18n;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The UI's words in the current language. Every label binds to {@link #text(String)} so that switching
 * {@link #localeProperty()} relabels the whole window at once; the starting language follows the system
 * locale when it is one of {@link #SUPPORTED}, else English.
 */
public final class I18n {

    /** Languages the bundles cover: English, Chinese (simplified), Korean. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.KOREAN);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");

    public I18n(Locale initial) {
        locale.set(closestSupported(initial));
    }

    /** Follows {@link Locale#getDefault()}. */
    public static I18n ofSystemLocale() {
        return new I18n(Locale.getDefault());
    }

    /** The supported language with the same language code, or English. */
    public static Locale closestSupported(Locale wanted) {
        if (wanted == null) {
            return Locale.ENGLISH;
        }
        for (Locale l : SUPPORTED) {
            if (l.getLanguage().equals(wanted.getLanguage())) {
                return l;
            }
        }
        return Locale.ENGLISH;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /** The word for {@code key} now; the key itself when no bundle has it, so a gap shows rather than crashes. */
    public String get(String key, Object... args) {
        return lookup(locale.get(), key, args);
    }

    /** Whether some bundle defines {@code key}. */
    public boolean has(String key) {
        return Texts.has(locale.get(), key);
    }

    /** A binding that follows the language. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> lookup(locale.get(), key, args), locale);
    }

    /** Plain look-up in a given language, for code without properties (e.g. the headless exporter). */
    public static String lookup(Locale loc, String key, Object... args) {
        return Texts.lookup(loc, key, args);
    }
}
