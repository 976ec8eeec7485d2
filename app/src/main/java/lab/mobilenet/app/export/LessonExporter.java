package lab.mobilenet.app.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import lab.mobilenet.app.ui.photo.Photo;
import lab.mobilenet.app.ui.photo.PhotoDecoder;
import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.Lesson;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonOptions;
import lab.mobilenet.lessons.LessonSession;
import java.util.Optional;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.runtime.Weights;

/**
 * Headless export of a lesson for slides, callable from the command line: a PNG of the first frame or an
 * animated GIF that steps through the lesson one output pixel per frame. Frames are drawn with Java2D (no
 * JavaFX toolkit, no display needed) and files are written atomically.
 */
public final class LessonExporter {

    /** The network whose weights lesson {@code lessonId} runs (V2 for lesson 8, V3-Large for 9), if any. */
    public static Optional<Architecture> network(String lessonId) {
        Lesson l = LessonCatalog.byId(lessonId);
        return LessonCatalog.INVERTED_RESIDUAL.equals(l) ? Optional.of(Architecture.MOBILENET_V2)
                : LessonCatalog.SQUEEZE_EXCITE.equals(l) ? Optional.of(Architecture.MOBILENET_V3_LARGE) : Optional.empty();
    }

    /** Delay between GIF frames. */
    public static final int GIF_DELAY_MILLIS = 400;

    private LessonExporter() {
    }

    /**
     * Exports lesson {@code lessonId} run on the photo {@code image}: a PNG when {@code out} ends in
     * {@code .png} or {@code frames == 1}, an animated GIF of {@code frames} steps (one output pixel each) when
     * it ends in {@code .gif}.
     *
     * @throws IllegalArgumentException for an unknown lesson, a bad frame count or an unknown extension
     */
    public static void export(String lessonId, Path image, int frames, Path out) {
        export(lessonId, image, frames, out, null);
    }

    /**
     * As {@link #export(String, Path, int, Path)}, with trained weights for the block lessons' network
     * (MobileNetV2 for lesson 8, V3-Large for lesson 9); {@code null}: their seeded initialisation. The caller
     * keeps and closes the weights.
     */
    public static void export(String lessonId, Path image, int frames, Path out, Weights weights) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, got " + frames);
        }
        Lesson lesson = LessonCatalog.byId(lessonId);
        Photo photo = PhotoDecoder.decode(image);
        LessonSession session = weights == null ? LessonCatalog.session(lesson, photo.planes())
                : LessonCatalog.session(lesson, photo.planes(), LessonOptions.DEFAULTS.withWeights(weights));
        session.setGranularity(Granularity.PIXEL);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        FrameRenderer renderer = FrameRenderer.slide();
        if (name.endsWith(".gif")) {
            writeGif(session, frames, renderer, out);
        } else if (name.endsWith(".png") || frames == 1) {
            writePng(renderer.render(session.frame()), out);
        } else {
            throw new IllegalArgumentException("output must end in .png or .gif: " + out.getFileName());
        }
    }

    /**
     * Renders {@code frames} frames from the session's current position, stepping at its granularity between
     * frames (it stops early, holding the last frame, when the lesson ends), and writes them as a GIF. The
     * session is moved; pass a copy when the caller still needs its position.
     */
    public static void writeGif(LessonSession session, int frames, FrameRenderer renderer, Path out) {
        // frames are drawn one at a time as the writer asks for them: a long export never holds them all
        GifWriter.write(frames, i -> {
            if (i > 0) {
                session.next();
            }
            return renderer.render(session.frame());
        }, GIF_DELAY_MILLIS, out);
    }

    /** Writes one image as PNG, atomically. */
    public static void writePng(BufferedImage img, Path out) {
        AtomicFiles.write(out, os -> {
            if (!ImageIO.write(img, "png", os)) {
                throw new java.io.IOException("this Java runtime has no PNG writer");
            }
        });
    }
}
