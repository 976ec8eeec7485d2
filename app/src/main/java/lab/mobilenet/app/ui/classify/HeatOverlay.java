package lab.mobilenet.app.ui.classify;

import lab.mobilenet.engine.image.RgbImage;

/**
 * Lays a {@link HeatMap} over the crop it belongs to, as ARGB pixels, without any toolkit (the PNG of a card and
 * the screen draw the same pixels). The map is upsampled bilinearly with pixel centres aligned (as PyTorch's
 * {@code interpolate(..., align_corners=False)}) and scaled from its minimum (cold) to its maximum (hot), as CAMs
 * are usually shown: the colours rank the places by how much they spoke for the class on this photo. The crop is
 * dimmed a little so the colour reads on any photo.
 */
public final class HeatOverlay {

    private HeatOverlay() {
    }

    /** The map at {@code width × height}, bilinear, centres aligned; values row by row. */
    public static float[] upsample(HeatMap map, int width, int height) {
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            double sy = Math.max(0, (y + 0.5) * map.height() / height - 0.5);
            int y0 = Math.min((int) sy, map.height() - 1);
            int y1 = Math.min(y0 + 1, map.height() - 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.max(0, (x + 0.5) * map.width() / width - 0.5);
                int x0 = Math.min((int) sx, map.width() - 1);
                int x1 = Math.min(x0 + 1, map.width() - 1);
                double fx = sx - x0;
                double top = map.at(x0, y0) * (1 - fx) + map.at(x1, y0) * fx;
                double bottom = map.at(x0, y1) * (1 - fx) + map.at(x1, y1) * fx;
                out[y * width + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }

    /** The crop with the map's positive part blended over it, as ARGB, row by row. */
    public static int[] argb(RgbImage crop, HeatMap map) {
        int w = crop.width();
        int h = crop.height();
        float[] up = upsample(map, w, h);
        float min = map.min();
        float range = map.max() - min;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float t = range <= 0 ? 0 : Math.max(0f, Math.min(1f, (up[y * w + x] - min) / range));
                int rgb = crop.rgbAt(x, y);
                int[] heat = heat(t);
                double a = 0.25 + 0.45 * t; // tint everywhere a little, colour strongly where the map is hot
                int r = blend((rgb >> 16) & 0xFF, heat[0], a);
                int g = blend((rgb >> 8) & 0xFF, heat[1], a);
                int b = blend(rgb & 0xFF, heat[2], a);
                out[y * w + x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    /** Dark blue (cold) through red to yellow (hot), for t in [0, 1]. */
    static int[] heat(float t) {
        if (t < 0.5f) {
            float u = t / 0.5f;
            return new int[] {Math.round(20 + 200 * u), Math.round(20 + 20 * u), Math.round(90 - 60 * u)};
        }
        float u = (t - 0.5f) / 0.5f;
        return new int[] {Math.round(220 + 35 * u), Math.round(40 + 190 * u), Math.round(30 + 20 * u)};
    }

    private static int blend(int base, int over, double a) {
        return (int) Math.round(base * (1 - a) + over * a);
    }
}
