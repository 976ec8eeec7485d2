package lab.mobilenet.app.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

/** Saves what a JavaFX node shows as a PNG: node snapshot → {@link SwingFXUtils} → ImageIO. FX thread only. */
public final class SnapshotExporter {

    private SnapshotExporter() {
    }

    /** Snapshots {@code node} and writes it to {@code out} atomically. */
    public static void png(Node node, Path out) {
        WritableImage shot = node.snapshot(null, null);
        BufferedImage img = SwingFXUtils.fromFXImage(shot, null);
        LessonExporter.writePng(img, out);
    }
}
