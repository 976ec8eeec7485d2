package lab.mobilenet.app.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every character of the Chinese and Korean texts must be in the bundled font's cmap, else a new string
 * shows as boxes on a machine without CJK fonts. When this fails, run {@code tools/make_cjk_fonts.py}.
 */
class BundledFontCoverageTest {

    private static final List<String> TEXTS = List.of(
            "/lab/mobilenet/app/i18n/messages_zh.properties",
            "/lab/mobilenet/app/i18n/messages_ko.properties",
            "/lab/mobilenet/lessons/lessons_zh.properties",
            "/lab/mobilenet/lessons/lessons_ko.properties");

    private static String read(String resource) throws IOException {
        try (InputStream in = BundledFontCoverageTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "missing on the class path: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyCharacterOfTheChineseAndKoreanTextsIsInBothBundledFaces() throws IOException {
        for (boolean bold : new boolean[] {false, true}) {
            Font f = BundledFonts.awt(bold);
            TreeSet<String> missing = new TreeSet<>();
            for (String r : TEXTS) {
                read(r).codePoints().filter(cp -> cp >= ' ').filter(cp -> !f.canDisplay(cp))
                        .forEach(cp -> missing.add(String.format("U+%04X %s", cp, Character.toString(cp))));
            }
            assertEquals(new TreeSet<String>(), missing, (bold ? "bold" : "regular")
                    + " face lacks these characters; run tools/make_cjk_fonts.py");
        }
    }

    @Test
    void theFilesAreTheRenamedSubsetsInRegularAndBold() {
        assertEquals(BundledFonts.FAMILY, BundledFonts.awt(false).getFamily(java.util.Locale.ROOT));
        assertEquals(BundledFonts.FAMILY, BundledFonts.awt(true).getFamily(java.util.Locale.ROOT));
        assertTrue(BundledFonts.awt(true).getFontName(java.util.Locale.ROOT).endsWith("Bold"));
        // a subset, not the 44,810-character original; a Hangul syllable no text uses is not in it
        assertTrue(!BundledFonts.awt(false).canDisplay('\uD7A3'), "U+D7A3 should not be bundled");
    }

    private static int[] drawn(String s) {
        BufferedImage img = new BufferedImage(60, 40, BufferedImage.TYPE_INT_ARGB);
        AwtPainter p = new AwtPainter(img);
        p.fillRect(0, 0, 60, 40, 0xFFFFFFFF);
        p.text(s, 10, 20, 28, false, 0xFF000000, Painter.Align.LEFT);
        p.close();
        return img.getRGB(0, 0, 60, 40, null, 0, 60);
    }

    @Test
    void exportedHangulAndHanAreDistinctGlyphsNotMissingGlyphBoxes() {
        // a font without Hangul draws the same box for every syllable; real glyphs differ
        int[] a = drawn("표");
        int[] b = drawn("합");
        int[] c = drawn("卷");
        assertTrue(!java.util.Arrays.equals(a, b), "two Hangul syllables look the same: boxes");
        assertTrue(!java.util.Arrays.equals(b, c), "Hangul and Han look the same: boxes");
        assertTrue(java.util.Arrays.stream(a).filter(px -> (px & 0xFF) < 128).count() > 40, "ink drawn");
    }
}
