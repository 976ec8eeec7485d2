package lab.mobilenet.app.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.app.ui.render.ColorMaps;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.app.ui.render.Raster;
import lab.mobilenet.engine.runtime.ActivationSnapshot;

/**
 * A module's output turned into pixels once, on a background thread: one heat-map per channel (one strip
 * of cells for a vector), all on one colour scale. Colouring a 96 × 112 × 112 output is over a million
 * pixels, too much for the FX thread on every repaint; the painter only places these rasters.
 *
 * @param maps     the output these tiles show
 * @param palette  the palette they were coloured for (dark and light differ in the neutral colour)
 * @param min      smallest value over all channels
 * @param max      largest value over all channels
 * @param signed   whether any value is below zero (diverging map) or none is (sequential map)
 * @param channels one raster per channel, {@code W × H}; for a vector, one raster of {@code C × 1}
 */
record FeatureMapTiles(ActivationSnapshot maps, Palette palette, float min, float max, boolean signed,
                       List<Raster> channels) {

    FeatureMapTiles {
        channels = List.copyOf(channels);
    }

    /** Colours every channel of {@code a} for {@code palette}: the slow part, for a background thread. */
    static FeatureMapTiles of(ActivationSnapshot a, Palette palette) {
        int[] d = FeatureMapPainter.chw(a);
        int c = d[0];
        int h = d[1];
        int w = d[2];
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < a.size(); i++) {
            min = Math.min(min, a.value(i));
            max = Math.max(max, a.value(i));
        }
        boolean signed = min < 0;
        float limit = Math.max(Math.abs(min), Math.abs(max));
        List<Raster> rasters = new ArrayList<>();
        if (h == 1 && w == 1) {
            rasters.add(Raster.of(c, 1, colours(a, 0, c, limit, signed, palette)));
        } else {
            for (int ch = 0; ch < c; ch++) {
                rasters.add(Raster.of(w, h, colours(a, ch * h * w, h * w, limit, signed, palette)));
            }
        }
        return new FeatureMapTiles(a, palette, min, max, signed, rasters);
    }

    /** Whether these tiles show {@code a} in {@code palette} (else they are stale and must be rebuilt). */
    boolean shows(ActivationSnapshot a, Palette p) {
        return maps == a && palette.equals(p);
    }

    private static int[] colours(ActivationSnapshot a, int from, int n, float limit, boolean signed, Palette pal) {
        int[] px = new int[n];
        boolean dark = pal.isDark();
        for (int i = 0; i < n; i++) {
            float v = a.value(from + i);
            px[i] = signed ? ColorMaps.diverging(v, limit, dark) : ColorMaps.sequential(v, limit, dark);
        }
        return px;
    }
}
