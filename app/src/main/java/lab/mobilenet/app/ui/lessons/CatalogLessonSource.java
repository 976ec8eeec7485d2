package lab.mobilenet.app.ui.lessons;

import java.util.List;
import lab.mobilenet.lessons.Lesson;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonOptions;
import lab.mobilenet.lessons.LessonSession;
import lab.mobilenet.lessons.Planes;

/** The lessons module's catalogue, as the app's {@link LessonSource}. */
public final class CatalogLessonSource implements LessonSource {

    @Override
    public List<Lesson> lessons() {
        return LessonCatalog.all();
    }

    @Override
    public LessonSession open(Lesson lesson, Planes photo, LessonOptions options) {
        return LessonCatalog.session(lesson, photo, options);
    }
}
