package lab.mobilenet.app.ui.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * A string mixing Chinese with a sign the bundled CJK face lacks (T⁺'s superscript plus, U+207A) keeps its
 * Chinese glyphs in the export: it is drawn in pieces, not wholly in a fallback font (which has no CJK on a
 * machine without CJK fonts, and another face on one with them).
 */
class AwtPainterMixedScriptTest {

    private static int[] left(String s) {
        BufferedImage img = new BufferedImage(120, 40, BufferedImage.TYPE_INT_ARGB);
        AwtPainter p = new AwtPainter(img);
        p.fillRect(0, 0, 120, 40, 0xFFFFFFFF);
        p.text(s, 4, 20, 28, false, 0xFF000000, Painter.Align.LEFT);
        p.close();
        return img.getRGB(0, 0, 30, 40, null, 0, 30); // the first character's cell
    }

    @Test
    void theChineseCharacterLooksTheSameWithAndWithoutTheSignAfterIt() {
        assertTrue(!BundledFonts.awt(false).canDisplay(0x207A), "the test needs a sign the bundled face lacks");
        int[] alone = left("卷");
        int[] mixed = left("卷T⁺");
        int worst = 0;
        for (int i = 0; i < alone.length; i++) {
            worst = Math.max(worst, Math.abs((alone[i] & 0xFF) - (mixed[i] & 0xFF)));
        }
        // anti-aliasing may differ by a shade; a missing-glyph box or another face's 卷 differs by far more
        assertTrue(worst <= 40, "卷 is drawn in the bundled face in both, largest difference " + worst);
    }

    @Test
    void widthsAddUpOverThePieces() {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        AwtPainter p = new AwtPainter(img);
        double whole = p.textWidth("伪逆 T⁺", 20, false);
        double parts = p.textWidth("伪逆 T", 20, false) + p.textWidth("⁺", 20, false);
        p.close();
        assertTrue(Math.abs(whole - parts) < 0.5, whole + " vs " + parts);
    }
}
