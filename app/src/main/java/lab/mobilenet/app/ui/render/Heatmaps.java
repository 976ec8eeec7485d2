package lab.mobilenet.app.ui.render;

import lab.mobilenet.lessons.MapScale;
import lab.mobilenet.lessons.OutputMap;
import lab.mobilenet.lessons.Planes;

/** Builders of {@link Raster}s from lesson data: photos, single channels, growing output maps, matrices. */
public final class Heatmaps {

    private Heatmaps() {
    }

    /** The photo as it is seen: RGB for 3 channels, grey for 1, first channel in grey otherwise. */
    public static Raster photo(Planes p) {
        int w = p.width();
        int h = p.height();
        int[] px = new int[w * h];
        float[] d = p.toArray();
        int n = w * h;
        for (int i = 0; i < n; i++) {
            if (p.channels() == 3) {
                px[i] = 0xFF000000 | (byte255(d[i]) << 16) | (byte255(d[n + i]) << 8) | byte255(d[2 * n + i]);
            } else {
                px[i] = ColorMaps.gray(d[i]);
            }
        }
        return Raster.wrap(w, h, px);
    }

    /** One channel: tinted with its own primary when the image is RGB, grey otherwise. */
    public static Raster channel(Planes p, int c) {
        float[] d = p.channel(c);
        int[] px = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            px[i] = ColorMaps.channelTint(d[i], c, p.channels());
        }
        return Raster.wrap(p.width(), p.height(), px);
    }

    /** One channel of a signed feature map (e.g. an output) on a diverging scale ±{@code limit}. */
    public static Raster signedChannel(Planes p, int c, float limit, boolean dark) {
        float[] d = p.channel(c);
        int[] px = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            px[i] = ColorMaps.diverging(d[i], limit, dark);
        }
        return Raster.wrap(p.width(), p.height(), px);
    }

    /**
     * One channel of a growing output map on that map's own robust scale ({@link MapScale}, from the final
     * output's interior, so colours do not shift while the map fills): signed maps diverging about 0, maps
     * without negative values in grey like a photo. Pending cells in {@code pending} (checkered on grey maps,
     * so they cannot pass for pixels).
     */
    public static Raster output(OutputMap m, int c, int pending, boolean dark) {
        MapScale s = m.scale(c);
        int[] px = new int[m.width() * m.height()];
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                OutputMap.CellState st = m.state(c, y, x);
                float v = m.value(c, y, x);
                int empty = !s.signed() && (x + y) % 2 == 1
                        ? (pending & 0xFF000000) | ((pending & 0xFEFEFE) >> 1) : pending;
                px[y * m.width() + x] = st == OutputMap.CellState.PENDING ? empty : color(s, v, dark);
            }
        }
        return Raster.wrap(m.width(), m.height(), px);
    }

    /** The colour of {@code v} on scale {@code s}. */
    public static int color(MapScale s, float v, boolean dark) {
        return s.signed() ? ColorMaps.diverging(v, s.limit(), dark) : ColorMaps.gray(s.position(v));
    }

    /** Symmetric colour limit of an output map, max(|min|, |max|), never 0. */
    public static float limit(OutputMap m) {
        float l = Math.max(Math.abs(m.min()), Math.abs(m.max()));
        return l == 0 ? 1 : l;
    }

    /** A matrix {@code rows × cols} (row-major) on a diverging scale ±{@code limit}. */
    public static Raster matrix(float[] values, int rows, int cols, float limit, boolean dark) {
        int[] px = new int[rows * cols];
        for (int i = 0; i < px.length; i++) {
            px[i] = ColorMaps.diverging(values[i], limit, dark);
        }
        return Raster.wrap(cols, rows, px);
    }

    /** A matrix of values in [0, 1] in grey (e.g. im2col's copies of pixel values). */
    public static Raster grayMatrix(float[] values, int rows, int cols) {
        int[] px = new int[rows * cols];
        for (int i = 0; i < px.length; i++) {
            px[i] = ColorMaps.gray(values[i]);
        }
        return Raster.wrap(cols, rows, px);
    }

    /** Largest absolute value, never 0. */
    public static float absMax(float[] v) {
        float m = 0;
        for (float f : v) {
            m = Math.max(m, Math.abs(f));
        }
        return m == 0 ? 1 : m;
    }

    private static int byte255(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255);
    }
}
