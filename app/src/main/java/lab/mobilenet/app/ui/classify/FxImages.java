package lab.mobilenet.app.ui.classify;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import lab.mobilenet.engine.image.RgbImage;

/** Engine pictures as JavaFX images, for the cards. */
final class FxImages {

    private FxImages() {
    }

    static Image of(RgbImage img) {
        int w = img.width();
        int h = img.height();
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = 0xFF000000 | img.rgbAt(x, y);
            }
        }
        return of(argb, w, h);
    }

    static Image of(int[] argb, int w, int h) {
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }

    /** Pixels of a pasted JavaFX image as an engine picture (alpha dropped). */
    static RgbImage toRgb(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        byte[] rgb = new byte[3 * w * h];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (byte) (argb[i] >> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        return RgbImage.of(w, h, rgb);
    }
}
