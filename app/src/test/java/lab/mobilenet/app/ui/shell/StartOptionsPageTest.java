package lab.mobilenet.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --page=classify PHOTO...}: the page to open and the photo paths given without a name. */
class StartOptionsPageTest {

    @Test
    void pageClassifyAndUnnamedPathsQueueThosePhotos() {
        StartOptions o = StartOptions.parse(Map.of("page", "classify"), List.of("a.png", "dir/b.jpg"));
        assertEquals(Page.CLASSIFY, o.page());
        assertEquals(List.of(Path.of("a.png"), Path.of("dir/b.jpg")), o.photos());
    }

    @Test
    void thePageNameIgnoresCaseAndAnUnknownOneOpensTheLessons() {
        assertEquals(Page.CLASSIFY, StartOptions.parse(Map.of("page", "Classify"), List.of()).page());
        assertEquals(Page.LESSONS, StartOptions.parse(Map.of("page", "nowhere"), List.of()).page());
        assertEquals(Page.LESSONS, StartOptions.DEFAULTS.page());
        assertEquals(List.of(), StartOptions.DEFAULTS.photos());
    }
}
