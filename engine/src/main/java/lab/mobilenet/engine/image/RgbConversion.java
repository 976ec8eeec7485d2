package lab.mobilenet.engine.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns whatever {@link BufferedImage} a reader produced into 8-bit RGB the way PIL's
 * {@code convert("RGB")} does, because that is what timm feeds its networks:
 * <ul>
 *   <li>gray (with or without alpha): R = G = B = gray;</li>
 *   <li>alpha is dropped, not composited over a background: PIL drops it, so a transparent pixel keeps
 *       the colour stored under it;</li>
 *   <li>16-bit samples keep their high byte (what PIL does for 16-bit RGB; for 16-bit gray PIL
 *       clips to 255 and whitens the picture, which we deliberately do not copy);</li>
 *   <li>palette images look their colours up;</li>
 *   <li>stored values are taken as they are, without ICC colour management, as PIL does.</li>
 * </ul>
 * Anything else (CMYK already converted by the reader, exotic colour models) goes through Java2D's
 * conversion to sRGB.
 */
final class RgbConversion {
    private RgbConversion() {
    }

    static RgbImage toRgb(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        if (cm.isAlphaPremultiplied()) {
            image.coerceData(false); // PIL never premultiplies decoded pixels
            cm = image.getColorModel();
        }
        Raster raster = image.getRaster();
        int type = cm.getColorSpace().getType();
        boolean integerSamples = raster.getTransferType() == DataBuffer.TYPE_BYTE
                || raster.getTransferType() == DataBuffer.TYPE_USHORT
                || raster.getTransferType() == DataBuffer.TYPE_INT;
        if (cm instanceof IndexColorModel icm) {
            return fromPalette(raster, icm);
        }
        if (integerSamples && type == ColorSpace.TYPE_GRAY && raster.getNumBands() >= 1) {
            return fromBands(raster, cm, new int[] {0, 0, 0});
        }
        if (integerSamples && type == ColorSpace.TYPE_RGB && raster.getNumBands() >= 3) {
            return fromBands(raster, cm, new int[] {0, 1, 2});
        }
        return viaJava2d(image);
    }

    private static RgbImage fromPalette(Raster raster, IndexColorModel icm) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int size = icm.getMapSize();
        byte[] reds = new byte[size];
        byte[] greens = new byte[size];
        byte[] blues = new byte[size];
        icm.getReds(reds);
        icm.getGreens(greens);
        icm.getBlues(blues);
        byte[] out = new byte[3 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            int p = 3 * y * w;
            for (int x = 0; x < w; x++, p += 3) {
                // an index past the palette's end is black, as PIL pads palettes with zeros
                int i = row[x];
                if (i < size) {
                    out[p] = reds[i];
                    out[p + 1] = greens[i];
                    out[p + 2] = blues[i];
                }
            }
        }
        return RgbImage.wrap(w, h, out);
    }

    /** Copies bands {@code bands[0..2]} into R, G, B, reducing each to 8 bits. */
    private static RgbImage fromBands(Raster raster, ColorModel cm, int[] bands) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        byte[] out = new byte[3 * w * h];
        int[] row = new int[w];
        for (int c = 0; c < 3; c++) {
            int bits = cm.getComponentSize(bands[c]);
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, bands[c], row);
                int p = 3 * y * w + c;
                for (int x = 0; x < w; x++, p += 3) {
                    out[p] = (byte) to8Bits(row[x], bits);
                }
            }
        }
        return RgbImage.wrap(w, h, out);
    }

    /** Deeper samples keep their high byte; shallower ones are stretched to 0..255 with rounding. */
    static int to8Bits(int value, int bits) {
        if (bits == 8) {
            return value & 0xFF;
        }
        if (bits > 8) {
            return value >>> (bits - 8) & 0xFF;
        }
        int max = (1 << bits) - 1;
        return (value * 255 + max / 2) / max;
    }

    private static RgbImage viaJava2d(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[3 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int p = 3 * y * w;
            for (int x = 0; x < w; x++, p += 3) {
                out[p] = (byte) (row[x] >> 16);
                out[p + 1] = (byte) (row[x] >> 8);
                out[p + 2] = (byte) row[x];
            }
        }
        return RgbImage.wrap(w, h, out);
    }
}
