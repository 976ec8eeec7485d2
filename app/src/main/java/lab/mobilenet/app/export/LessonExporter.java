package lab.mobilenet.app.export;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
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
     * Exports lesson {@code lessonId} run on the photo {@code image}, by {@code out}'s extension: {@code .png}
     * or {@code .jpg}/{@code .jpeg}, the first frame; {@code .gif}, an animation of {@code frames} steps (one
     * output pixel each). The target is checked before anything is rendered.
     *
     * @throws IllegalArgumentException for an unknown lesson, a bad frame count or an unknown extension
     * @throws OutputFileException      when the file cannot be written (the reason is in the message)
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
        String format = formatOf(out);
        if (!format.equals("gif") && frames > 1) {
            throw new IllegalArgumentException("a ." + format + " holds one frame; use .gif for --frames " + frames);
        }
        if (Files.isDirectory(out)) {
            throw new OutputFileException(out, "is a directory", null);
        }
        Lesson lesson = LessonCatalog.byId(lessonId);
        Photo photo = PhotoDecoder.decode(image);
        LessonSession session = weights == null ? LessonCatalog.session(lesson, photo.planes())
                : LessonCatalog.session(lesson, photo.planes(), LessonOptions.DEFAULTS.withWeights(weights));
        session.setGranularity(Granularity.PIXEL);
        FrameRenderer renderer = FrameRenderer.slide();
        switch (format) {
            case "gif" -> writeGif(session, frames, renderer, out);
            case "png" -> writePng(renderer.render(session.frame()), out);
            default -> writeJpeg(renderer.render(session.frame()), out);
        }
    }

    /** "png", "gif" or "jpg" from the file name. */
    static String formatOf(Path out) {
        Path name = out.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "png";
        }
        if (lower.endsWith(".gif")) {
            return "gif";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "jpg";
        }
        throw new IllegalArgumentException("output must end in .png, .jpg or .gif: " + name);
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
        writeImage(img, "png", out);
    }

    /** Writes one image as JPEG (RGB, the writer's default quality), atomically. */
    public static void writeJpeg(BufferedImage img, Path out) {
        writeImage(opaque(img), "jpg", out);
    }

    private static void writeImage(BufferedImage img, String format, Path out) {
        // straight into the .part file: ImageIO's OutputStream wrapper would stage a copy in java.io.tmpdir
        AtomicFiles.writeFile(out, part -> {
            try (ImageOutputStream ios = new FileImageOutputStream(part.toFile())) {
                if (!ImageIO.write(img, format, ios)) {
                    throw new java.io.IOException("this Java runtime has no " + format.toUpperCase(Locale.ROOT)
                            + " writer");
                }
            }
        });
    }

    /** JPEG has no alpha: the JDK's writer refuses ARGB pictures or writes them as CMYK-looking noise. */
    private static BufferedImage opaque(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return img;
        }
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
