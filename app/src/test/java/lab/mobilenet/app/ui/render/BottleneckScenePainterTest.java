package lab.mobilenet.app.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.mobilenet.app.ui.i18n.Texts;
import lab.mobilenet.lessons.BottleneckFrame;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonFrame;
import lab.mobilenet.lessons.LessonSession;
import org.junit.jupiter.api.Test;

/** Lesson 10's picture as the exporter draws it (Java2D): every word inside the picture, the lost points hollow. */
class BottleneckScenePainterTest {

    /** Draws on Java2D and records each text with its real extent, and each small outlined square. */
    private static final class Measuring implements Painter {
        final AwtPainter awt;
        final List<String> outside = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        int hollow;

        Measuring(BufferedImage img) {
            awt = new AwtPainter(img);
        }

        @Override public double width() { return awt.width(); }
        @Override public double height() { return awt.height(); }
        @Override public void fillRect(double x, double y, double w, double h, int argb) { awt.fillRect(x, y, w, h, argb); }

        @Override
        public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
            if (w < 12 && h < 12) {
                hollow++;
            }
            awt.strokeRect(x, y, w, h, argb, lineWidth);
        }

        @Override public void line(double x1, double y1, double x2, double y2, int argb, double lw) {
            awt.line(x1, y1, x2, y2, argb, lw);
        }

        @Override
        public void text(String s, double x, double y, double size, boolean bold, int argb, Align align) {
            texts.add(s);
            double w = awt.textWidth(s, size, bold);
            double left = align == Align.LEFT ? x : align == Align.CENTER ? x - w / 2 : x - w;
            if (left < -0.5 || left + w > width() + 0.5 || y - size / 2 < -0.5 || y + size / 2 > height() + 0.5) {
                outside.add(String.format(Locale.ROOT, "\"%s\" at %.0f..%.0f, %.0f", s, left, left + w, y));
            }
            awt.text(s, x, y, size, bold, argb, align);
        }

        @Override public double textWidth(String s, double size, boolean bold) { return awt.textWidth(s, size, bold); }
        @Override public void image(Raster r, double x, double y, double w, double h) { awt.image(r, x, y, w, h); }
        @Override public void pushClip(double x, double y, double w, double h) { awt.pushClip(x, y, w, h); }
        @Override public void popClip() { awt.popClip(); }
    }

    private static Measuring paint(LessonFrame f, Locale locale, int w, int h, double scale) {
        Measuring m = new Measuring(new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB));
        LessonPicture.paint(new SceneContext(m, Palette.LIGHT, (k, a) -> Texts.lookup(locale, k, a), scale), f, "");
        m.awt.close();
        return m;
    }

    @Test
    void everyWordStaysInsideThePictureInEveryLanguageOnScreenAndOnAProjector() {
        LessonSession s = LessonCatalog.session(LessonCatalog.LINEAR_BOTTLENECK, null);
        for (int n : new int[] {2, 15, 30}) {
            s.selectDimensions(n);
            LessonFrame f = s.frame();
            for (Locale l : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.KOREAN)) {
                // the canvas in the window at 1600 × 1000, in presenter mode at 1280 × 720, and an exported slide
                for (int[] size : new int[][] {{1030, 540, 100}, {925, 450, 125}, {1280, 720, 100}}) {
                    Measuring m = paint(f, l, size[0], size[1], size[2] / 100.0);
                    assertEquals(List.of(), m.outside, "n=" + n + " " + l + " " + size[0] + "×" + size[1]);
                    String formula = "y = T⁺[2×" + n + "]·ReLU(T[" + n + "×2]·x)";
                    assertTrue(m.texts.contains(formula), "the formula with n substituted: " + m.texts);
                }
            }
        }
    }

    @Test
    void thePointsLostAtThisNAreDrawnHollowInTheInput() {
        LessonSession s = LessonCatalog.session(LessonCatalog.LINEAR_BOTTLENECK, null);
        for (int n : new int[] {2, 30}) {
            s.selectDimensions(n);
            BottleneckFrame b = s.frame().bottleneck().orElseThrow();
            Measuring m = paint(s.frame(), Locale.ENGLISH, 1280, 720, 1);
            assertEquals(300 - b.surviving(), m.hollow, "n=" + n);
        }
    }

    @Test
    void theV2PanelNamesTheEnginesBlockAndItsLinearProjection() {
        LessonSession s = LessonCatalog.session(LessonCatalog.LINEAR_BOTTLENECK, null);
        Measuring m = paint(s.frame(), Locale.ENGLISH, 1280, 720, 1);
        String all = String.join(" | ", m.texts);
        assertTrue(all.contains("mobilenetv2_100 · blocks.2.1"), all);
        assertTrue(all.contains("no activation"), all);
        assertTrue(m.texts.containsAll(List.of("32", "192")), all);
        assertTrue(all.contains("blocks.2.1.conv_pwl + bn3"), all);
    }

    @Test
    void anEquationIsNeverBrokenOverTwoLines() {
        assertEquals(List.of("like", "n = 2", "here.", "(t = 6)", "can"),
                BottleneckScenePainter.unbroken("like n = 2 here. (t = 6) can"));
        assertEquals(List.of("채널(t = 6)은"), BottleneckScenePainter.unbroken("채널(t = 6)은"));
    }
}
