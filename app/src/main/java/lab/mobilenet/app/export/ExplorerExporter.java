package lab.mobilenet.app.export;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import lab.mobilenet.app.ui.render.AwtPainter;
import lab.mobilenet.app.ui.render.Painter;
import lab.mobilenet.engine.inspect.Inspection;

/**
 * Saves what the Explorer shows: the per-layer table as CSV or Markdown, a chart as PNG (drawn again by the
 * same painter on a Java2D image, so no screen is needed). Every file appears atomically.
 */
public final class ExplorerExporter {

    private ExplorerExporter() {
    }

    public static void csv(Path out, Inspection ins) {
        byte[] b = InspectionTables.csv(ins).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(out, s -> s.write(b));
    }

    public static void markdown(Path out, Inspection ins) {
        byte[] b = InspectionTables.markdown(ins).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(out, s -> s.write(b));
    }

    /** Paints a {@code width × height} picture with {@code draw} and writes it as PNG. */
    public static void png(Path out, int width, int height, Consumer<Painter> draw) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        AwtPainter p = new AwtPainter(img);
        try {
            draw.accept(p);
        } finally {
            p.close();
        }
        AtomicFiles.write(out, s -> {
            if (!ImageIO.write(img, "png", s)) {
                throw new java.io.IOException("no PNG writer");
            }
        });
    }
}
