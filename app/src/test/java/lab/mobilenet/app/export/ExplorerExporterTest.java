package lab.mobilenet.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import lab.mobilenet.app.ui.render.Painter;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.Inspector;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorerExporterTest {

    private static Inspection ins;

    @TempDir
    Path tmp;

    @BeforeAll
    static void inspectASmallNetwork() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 0.5);
        float[] x = new float[3 * 64 * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.37);
        }
        try (Weights w = SeededWeights.create(net, 7)) {
            ins = Inspector.inspect(net, w, x, new long[] {1, 3, 64, 64}, n -> false, RunListener.NONE, null,
                    CancellationToken.NEVER);
        }
    }

    @Test
    void csvHasOneLinePerRowAndTheStemCountedByHand() throws Exception {
        Path out = tmp.resolve("table.csv");
        ExplorerExporter.csv(out, ins);
        List<String> lines = Files.readAllLines(out);
        assertEquals(InspectionTables.CSV_HEADER, lines.get(0));
        assertEquals(ins.rows().size() + 1, lines.size());
        // 3x3 stride-2 conv, 3 -> 16 channels (V3 keeps the stem at 16 below α 0.75): 32 x 32 x 16 x 27 MACs
        assertTrue(lines.get(1).startsWith("conv_stem,layer,conv3x3,1x3x64x64,1x16x32x32,442368,432,"), lines.get(1));
        assertEquals(15, lines.get(1).split(",").length);
    }

    @Test
    void markdownIsATableWithATotal() throws Exception {
        Path out = tmp.resolve("table.md");
        ExplorerExporter.markdown(out, ins);
        String md = Files.readString(out);
        assertTrue(md.startsWith("# mobilenetv3_small_050 (α = 0.5, 64×64) — untrained"), md.lines().findFirst().orElse(""));
        assertTrue(md.contains("| `conv_stem` | layer | conv3x3 | 1x16x32x32 | 442,368 | 432 |"), md);
        assertEquals(ins.rows().size(), md.lines().filter(l -> l.startsWith("| `")).count());
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "Total: %,d MACs", ins.macs())));
    }

    @Test
    void pngHasTheAskedSizeAndWhatWasPainted() throws Exception {
        Path out = tmp.resolve("chart.png");
        ExplorerExporter.png(out, 120, 80, p -> {
            p.fillRect(0, 0, p.width(), p.height(), 0xFFFFFFFF);
            p.fillRect(10, 10, 20, 20, 0xFF1D5FD6);
            p.text("x", 60, 40, 12, false, 0xFF000000, Painter.Align.LEFT);
        });
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(120, img.getWidth());
        assertEquals(80, img.getHeight());
        assertEquals(0xFF1D5FD6, img.getRGB(20, 20));
        assertEquals(0xFFFFFFFF, img.getRGB(100, 5));
    }
}
