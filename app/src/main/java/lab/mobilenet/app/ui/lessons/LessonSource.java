package lab.mobilenet.app.ui.lessons;

import java.util.List;
import lab.mobilenet.lessons.Lesson;
import lab.mobilenet.lessons.LessonOptions;
import lab.mobilenet.lessons.LessonSession;
import lab.mobilenet.lessons.Planes;

/**
 * Where lessons come from: the list, and a session of one lesson on a photo. The production source is the
 * lessons module's catalogue; tests may pass another.
 */
public interface LessonSource {

    /** The lessons in course order. */
    List<Lesson> lessons();

    /** A new session of {@code lesson} on {@code photo} (full-resolution RGB planes); may take a moment. */
    LessonSession open(Lesson lesson, Planes photo, LessonOptions options);
}
