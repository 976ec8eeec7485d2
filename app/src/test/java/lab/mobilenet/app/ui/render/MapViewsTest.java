package lab.mobilenet.app.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonFrame;
import lab.mobilenet.lessons.LessonSession;
import lab.mobilenet.lessons.Planes;
import lab.mobilenet.lessons.TraceFrame;
import org.junit.jupiter.api.Test;

/**
 * The highlights land on the right cells: the sliding window frames the k×k input cells the focus value reads,
 * and the output frame sits on the focus cell. Positions are recomputed here from the convolution's
 * arithmetic (row·stride − padding) and the drawn image's placement, not taken from the painter's helpers.
 */
class MapViewsTest {

    private static final Words WORDS = (k, a) -> k;

    private static TraceFrame standardAfterPixels(int pixels) {
        float[] d = new float[3 * 20 * 30];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 17) / 17f;
        }
        LessonSession s = LessonCatalog.session(LessonCatalog.STANDARD, Planes.of(3, 20, 30, d));
        s.setGranularity(Granularity.PIXEL);
        for (int i = 0; i < pixels; i++) {
            s.next();
        }
        LessonFrame f = s.frame();
        return f.traces().get(0);
    }

    @Test
    void windowFramesTheReceptiveFieldOfTheFocusValue() {
        TraceFrame tf = standardAfterPixels(7 + 2 * 30 + 1);
        int outY = tf.focus().outY();
        int outX = tf.focus().outX();
        var g = tf.trace().geometry();
        int inY0 = outY * g.stride() - g.padding();
        int inX0 = outX * g.stride() - g.padding();
        RecordingPainter p = new RecordingPainter(1200, 760);
        SceneContext ctx = new SceneContext(p, Palette.LIGHT, WORDS, 1);
        Box win = MapViews.photoWithWindow(ctx, new Box(0, 0, 600, 400), tf);
        RecordingPainter.Image img = p.images.get(0);
        double cell = img.w() / tf.trace().input().width();
        assertEquals(img.x() + inX0 * cell, win.x, 1e-6);
        assertEquals(img.y() + inY0 * cell, win.y, 1e-6);
        assertEquals(g.kernel() * cell, win.w, 1e-6);
        List<RecordingPainter.Stroke> windowStrokes = p.strokes.stream()
                .filter(s -> s.argb() == Palette.LIGHT.window()).toList();
        assertEquals(1, windowStrokes.size(), "exactly one window is drawn");
        RecordingPainter.Stroke s = windowStrokes.get(0);
        assertEquals(win.x, s.x() + s.lineWidth() / 2, 1e-6, "the frame is centred on the window's edge");
    }

    @Test
    void aPhotoAtLayerSizeGetsAZoomLensThatFramesTheWindowEnlarged() {
        // 112 × 74 photo (lesson size) in a 300 × 200 box: one pixel is about 2.6 px, too small to read
        float[] d = new float[3 * 74 * 112];
        LessonSession s = LessonCatalog.session(LessonCatalog.STANDARD, Planes.of(3, 74, 112, d));
        s.setGranularity(Granularity.PIXEL);
        for (int i = 0; i < 40; i++) {
            s.next();
        }
        TraceFrame tf = s.frame().traces().get(0);
        RecordingPainter p = new RecordingPainter(1200, 760);
        MapViews.photoWithWindow(new SceneContext(p, Palette.LIGHT, WORDS, 1), new Box(0, 0, 300, 200), tf);
        RecordingPainter.Image img = p.images.get(0);
        double c = img.w() / 112;
        double outerW = img.w() + 2 * c;
        double outerH = img.h() + 2 * c;
        double lensCell = Math.min(outerW, outerH) * 0.42 / (3 + 2 * MapViews.LENS_MARGIN);
        List<RecordingPainter.Stroke> windows = p.strokes.stream()
                .filter(st -> st.argb() == Palette.LIGHT.window()).toList();
        assertEquals(2, windows.size(), "the window on the photo and its enlargement in the lens");
        assertEquals(3 * lensCell, windows.get(1).w(), 1e-6, "the lens frames the 3 × 3 window");
        assertTrue(lensCell >= 3 * c, "magnified at least 3×: " + lensCell / c);
    }

    @Test
    void outputFrameSitsOnTheFocusCellOfItsMap() {
        TraceFrame tf = standardAfterPixels(5);
        RecordingPainter p = new RecordingPainter(1200, 760);
        SceneContext ctx = new SceneContext(p, Palette.LIGHT, WORDS, 1);
        Box cell = MapViews.outputs(ctx, new Box(0, 0, 800, 600), tf, List.of());
        int o = tf.focus().outChannel();
        RecordingPainter.Image map = p.images.get(o);
        double c = map.w() / tf.output().width();
        assertEquals(map.x() + tf.focus().outX() * c, cell.x, 1e-6);
        assertEquals(map.y() + tf.focus().outY() * c, cell.y, 1e-6);
        assertTrue(p.strokes.stream().anyMatch(s -> s.argb() == Palette.LIGHT.current()));
    }

    @Test
    void everyLessonFramePaintsWithoutThrowing() {
        Planes photo = Planes.of(3, 24, 36, new float[3 * 24 * 36]);
        for (var lesson : LessonCatalog.all()) {
            LessonSession s = LessonCatalog.session(lesson, photo);
            for (int i = 0; i < 3; i++) {
                RecordingPainter p = new RecordingPainter(1000, 700);
                LessonPicture.paint(new SceneContext(p, Palette.DARK, WORDS, 1.25), s.frame(), lesson.id());
                assertTrue(p.texts.size() > 1, lesson.id() + " draws its words");
                s.next();
            }
        }
    }
}
