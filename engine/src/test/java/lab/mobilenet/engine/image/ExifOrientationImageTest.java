package lab.mobilenet.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The eight EXIF orientations applied to a 3x2 picture whose pixels are labelled a..f, checked
 * against the upright pictures drawn by hand (rows separated by "/").
 *
 * <pre>
 * stored:  a b c
 *          d e f
 * </pre>
 */
class ExifOrientationImageTest {

    private static RgbImage labelled(int w, int h, String rows) {
        String letters = rows.replace("/", "");
        byte[] rgb = new byte[3 * w * h];
        for (int i = 0; i < w * h; i++) {
            rgb[3 * i] = (byte) letters.charAt(i); // the letter in R; G and B tell the channels apart
            rgb[3 * i + 1] = (byte) (letters.charAt(i) + 100);
            rgb[3 * i + 2] = (byte) (letters.charAt(i) + 150);
        }
        return RgbImage.of(w, h, rgb);
    }

    @ParameterizedTest(name = "orientation {0} -> {1}")
    @CsvSource({
        "1, abc/def",
        "2, cba/fed",      // mirrored left-right
        "3, fed/cba",      // rotated 180
        "4, def/abc",      // mirrored top-bottom
        "5, ad/be/cf",     // transposed
        "6, da/eb/fc",     // turned 90 degrees clockwise
        "7, fc/eb/da",     // transversed
        "8, cf/be/ad",     // turned 90 degrees anticlockwise
    })
    void orientationTurnsThePictureUpright(int orientation, String upright) {
        RgbImage stored = labelled(3, 2, "abc/def");
        String[] rows = upright.split("/");
        RgbImage expected = labelled(rows[0].length(), rows.length, upright);
        assertEquals(expected, ExifOrientation.apply(stored, orientation));
    }

    @Test
    void orientationOneKeepsTheSameImage() {
        RgbImage stored = labelled(3, 2, "abc/def");
        assertSame(stored, ExifOrientation.apply(stored, 1));
    }
}
