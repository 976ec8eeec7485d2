package lab.mobilenet.lessons;

import java.util.Locale;

/**
 * One lesson of the course: a stable id, its place in the list, and resource keys for its title and text in
 * the bundle {@link LessonCatalog#BUNDLE} ({@code lesson.<id>.title}, {@code lesson.<id>.text}).
 *
 * @param needsEngineModel the lesson works on the engine's network model (MobileNet V1 costs, or a real block
 *                         run on the photo) instead of hand-made convolution traces; its frame has no traces
 */
public record Lesson(String id, int number, boolean needsEngineModel) {

    public Lesson {
        if (id == null || !id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("lesson id must be lower-case letters, digits and dashes: " + id);
        }
    }

    public String titleKey() {
        return "lesson." + id + ".title";
    }

    public String textKey() {
        return "lesson." + id + ".text";
    }

    /** The title in a locale (falls back to English). */
    public String title(Locale locale) {
        return LessonCatalog.bundle(locale).getString(titleKey());
    }

    /** The explanation in a locale (falls back to English). */
    public String text(Locale locale) {
        return LessonCatalog.bundle(locale).getString(textKey());
    }
}
