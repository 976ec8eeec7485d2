package lab.mobilenet.app.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Map captions on a narrow tile: shrunk, then shortened, then wrapped onto two lines, never cut while a
 * readable size exists. The recording painter measures every character as 0.55 of the size, so the widths
 * below are worked by hand: "Gaussian blur 3×3" is 17 characters, 9.35 em.
 */
class DrawCaptionTest {

    private static List<String> drawn(String caption, double width) {
        RecordingPainter p = new RecordingPainter(400, 300);
        Draw.caption(p, caption, 100, 50, width, 20, false, 0xff000000);
        return p.texts.stream().map(RecordingPainter.Text::s).toList();
    }

    @Test
    void aCaptionThatFitsIsDrawnAsItIs() {
        assertEquals(List.of("Gaussian blur 3×3"), drawn("Gaussian blur 3×3", 9.35 * 20));
    }

    @Test
    void aCaptionTooLongForOneLineAt60PercentWrapsAtTheSpaceThatBalancesTheLines() {
        // one line would need 9.35 em · 12 px = 112 px at 60 %; two lines "Gaussian" / "blur 3×3" (8 characters each)
        // fit 60 px at 60 / (8 · 0.55) = 13.6 px ≥ 45 % of 20
        List<String> t = drawn("Gaussian blur 3×3", 60);
        assertEquals(List.of("Gaussian", "blur 3×3"), t);
    }

    @Test
    void chineseWrapsBetweenCharacters() {
        // 高斯模糊 has no space: it splits in the middle, 2 + 2 characters
        assertEquals(List.of("高斯", "模糊"), drawn("高斯模糊", 20));
    }

    @Test
    void aSpaceIsPreferredToABreakBetweenCharactersUnlessItIsFarWorse() {
        // at the space "高斯模糊滤" / "3" is 5 characters wide, "高斯模" / "糊滤 3" 4: within 40 %, so the space
        assertEquals(List.of("高斯模糊滤", "3"), drawn("高斯模糊滤 3", 25));
        // at the space "高" / "斯模糊滤波器" is 6 wide, "高 斯模" / "糊滤波器" 4: 50 % worse, so between characters
        assertEquals(List.of("高 斯模", "糊滤波器"), drawn("高 斯模糊滤波器", 25));
    }

    @Test
    void theTwoLinesSitAboveAndBelowTheCentre() {
        RecordingPainter p = new RecordingPainter(400, 300);
        Draw.caption(p, "Gaussian blur 3×3", 100, 50, 60, 20, false, 0xff000000);
        assertTrue(p.texts.get(0).y() < 50 && p.texts.get(1).y() > 50, p.texts.toString());
    }

    @Test
    void onlyAWordTooLongEvenAt45PercentIsCut() {
        // "Outline" alone: 7 · 0.55 · 9 px = 34.7 px at 45 %, so in 20 px it must end in "…"
        List<String> t = drawn("Outline", 20);
        assertEquals(1, t.size());
        assertTrue(t.get(0).endsWith("…"), t.toString());
        assertEquals(List.of("Outline"), drawn("Outline", 36));
    }
}
