package lab.mobilenet.app.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

/**
 * Saves what a JavaFX node shows as a PNG in two halves: the snapshot and its conversion to a
 * {@link BufferedImage} (FX thread, quick), then the PNG encoding and the write (any thread, slow), so the
 * window does not freeze while a large picture is compressed.
 */
public final class SnapshotExporter {

    private SnapshotExporter() {
    }

    /** What {@code node} shows now, as an AWT image. FX thread only. */
    public static BufferedImage snapshot(Node node) {
        WritableImage shot = node.snapshot(null, null);
        return SwingFXUtils.fromFXImage(shot, null);
    }

    /** Encodes {@code img} as PNG and writes it to {@code out} atomically; call it off the FX thread. */
    public static void write(BufferedImage img, Path out) {
        LessonExporter.writePng(img, out);
    }
}
