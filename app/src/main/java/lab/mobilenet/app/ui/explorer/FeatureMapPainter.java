package lab.mobilenet.app.ui.explorer;

import java.util.Locale;
import lab.mobilenet.app.ui.render.Painter;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.engine.runtime.ActivationSnapshot;

/**
 * A module's output on the photo: every channel as a small heat-map in a grid (tile size = zoom), and one
 * channel enlarged beside it. Signed outputs use the diverging map (blue below 0, red above), outputs
 * that are never negative (after a ReLU) the sequential one; one colour scale for all channels, so maps
 * can be compared. A vector output ({@code [1, C]} or {@code [1, C, 1, 1]}) is one row of C cells;
 * squeeze-excite's gate is drawn as bars instead ({@link GateBarsPainter}). The colouring is done before,
 * off the FX thread ({@link FeatureMapTiles}).
 */
public final class FeatureMapPainter {

    /** Where things were drawn: the grid's tiles and the enlarged map, for clicks and the value under the cursor. */
    public record Layout(int channels, int mapH, int mapW, double gridX, double gridY, double tile, int perRow,
                         double bigX, double bigY, double bigScale) {

        /** The channel whose tile contains (x, y), or -1. */
        public int channelAt(double x, double y) {
            if (tile <= 0 || x < gridX || y < gridY) {
                return -1;
            }
            int col = (int) ((x - gridX) / (tile + 2));
            int row = (int) ((y - gridY) / (tile + 2));
            int c = row * perRow + col;
            return col < perRow && c < channels ? c : -1;
        }

        /** {y, x} in the enlarged map for (x, y), or null outside it. */
        public int[] cellAt(double x, double y) {
            int cx = (int) Math.floor((x - bigX) / bigScale);
            int cy = (int) Math.floor((y - bigY) / bigScale);
            return cx >= 0 && cy >= 0 && cx < mapW && cy < mapH ? new int[] {cy, cx} : null;
        }
    }

    private FeatureMapPainter() {
    }

    /** Channels, height and width of a snapshot of shape {@code [1, C, H, W]} or {@code [1, C]}. */
    public static int[] chw(ActivationSnapshot a) {
        long[] s = a.shape();
        return s.length == 4 ? new int[] {(int) s[1], (int) s[2], (int) s[3]} : new int[] {(int) s[s.length - 1], 1, 1};
    }

    /**
     * Places {@code tiles} (coloured beforehand, off the FX thread); squeeze-excite's gate is drawn as bars.
     */
    static Layout paint(Painter p, Palette pal, FeatureMapTiles tiles, int selectedChannel, double zoom) {
        ActivationSnapshot a = tiles.maps();
        if (GateBarsPainter.isGate(a)) {
            return GateBarsPainter.paint(p, pal, a, selectedChannel); // one factor per channel: bars, not 1×1 maps
        }
        p.fillRect(0, 0, p.width(), p.height(), pal.background());
        int[] d = chw(a);
        int c = d[0];
        int h = d[1];
        int w = d[2];
        float min = tiles.min();
        float max = tiles.max();
        // one channel enlarged on top, the grid of all channels below it
        double bigSide = Math.max(40, Math.min(p.width() - 20, p.height() * 0.55));
        if (h == 1 && w == 1) {
            // a vector: one strip of cells, the selected one outlined
            double cell = Math.max(1, (p.width() - 20) / c);
            p.image(tiles.channels().get(0), 10, 20, cell * c, 40);
            int sel = Math.max(0, Math.min(c - 1, selectedChannel));
            p.strokeRect(10 + sel * cell, 18, Math.max(2, cell), 44, pal.current(), 2);
            p.text(String.format(Locale.ROOT, "%d values, %.3g … %.3g", c, min, max), 10, 80, 12, false, pal.muted(),
                    Painter.Align.LEFT);
            return new Layout(c, 1, c, 10, 20, 0, c, 10, 20, cell);
        }
        int sel = Math.max(0, Math.min(c - 1, selectedChannel));
        double bigScale = Math.max(0.5, bigSide / Math.max(h, w));
        double bigX = 10;
        double bigY = 24;
        p.text("#" + sel, bigX, 10, 12, true, pal.text(), Painter.Align.LEFT);
        p.image(tiles.channels().get(sel), bigX, bigY, w * bigScale, h * bigScale);
        p.strokeRect(bigX, bigY, w * bigScale, h * bigScale, pal.muted(), 1);
        double gridX = bigX;
        double gridY = bigY + h * bigScale + 26;
        double tile = Math.max(6, zoom);
        int perRow = Math.max(1, (int) ((p.width() - gridX - 4) / (tile + 2)));
        for (int ch = 0; ch < c; ch++) {
            double x = gridX + (ch % perRow) * (tile + 2);
            double y = gridY + (ch / perRow) * (tile + 2);
            if (y > p.height()) {
                break;
            }
            p.image(tiles.channels().get(ch), x, y, tile, tile);
            if (ch == sel) {
                p.strokeRect(x - 1, y - 1, tile + 2, tile + 2, pal.current(), 2);
            }
        }
        p.text(String.format(Locale.ROOT, "%d × %d × %d   %s %.3g … %.3g", c, h, w, tiles.signed() ? "±" : "≥ 0",
                min, max), gridX, gridY - 12, 12, false, pal.muted(), Painter.Align.LEFT);
        return new Layout(c, h, w, gridX, gridY, tile, perRow, bigX, bigY, bigScale);
    }
}
