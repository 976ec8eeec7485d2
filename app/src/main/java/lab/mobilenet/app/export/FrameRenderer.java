package lab.mobilenet.app.export;

import java.awt.image.BufferedImage;
import java.util.Locale;
import lab.mobilenet.app.ui.i18n.Texts;
import lab.mobilenet.app.ui.render.AreaPainter;
import lab.mobilenet.app.ui.render.AwtPainter;
import lab.mobilenet.app.ui.render.Box;
import lab.mobilenet.app.ui.render.CountersStrip;
import lab.mobilenet.app.ui.render.LessonPicture;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.app.ui.render.SceneContext;
import lab.mobilenet.lessons.LessonFrame;

/**
 * Draws a lesson frame into a {@link BufferedImage} with Java2D, no JavaFX toolkit involved: the lesson
 * title, the same picture as the window's centre, and a strip with the counters and the formula.
 */
public final class FrameRenderer {

    private final Locale locale;
    private final int width;
    private final int height;
    private final Palette palette;

    /** Frames of {@code width × height} pixels in {@code locale} with {@code palette}. */
    public FrameRenderer(Locale locale, int width, int height, Palette palette) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("frames must be at least 200×150 pixels, got " + width + "×" + height);
        }
        this.locale = locale;
        this.width = width;
        this.height = height;
        this.palette = palette;
    }

    /** 1280×720 (a 16:9 slide), light colours, English. */
    public static FrameRenderer slide() {
        return new FrameRenderer(Locale.ENGLISH, 1280, 720, Palette.LIGHT);
    }

    public BufferedImage render(LessonFrame frame) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        AwtPainter p = new AwtPainter(img);
        try {
            SceneContext ctx = new SceneContext(p, palette, (k, a) -> Texts.lookup(locale, k, a), 1);
            String title = frame == null ? "" : frame.lesson().number() + ". "
                    + Texts.lookup(locale, frame.lesson().titleKey());
            double strip = CountersStrip.height(ctx);
            p.pushClip(0, 0, width, height - strip);
            LessonPicture.paint(new SceneContext(new AreaPainter(p, width, height - strip), palette,
                    (k, a) -> Texts.lookup(locale, k, a), 1), frame, title);
            p.popClip();
            CountersStrip.paint(ctx, new Box(0, height - strip, width, strip), frame);
        } finally {
            p.close();
        }
        return img;
    }
}
