package lab.mobilenet.app.ui.classify;

import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.runtime.CancellationToken;

/**
 * An occlusion map (Zeiler and Fergus, 2014): cover one cell of a coarse grid with a grey patch, run the network
 * again, and record how much the probability of the top class drops. Cells whose covering hurts most are where
 * the network looked. It needs no access to the network's insides, so it works for V3, whose 1×1 head
 * convolution after the pool rules out an exact class activation map; its price is one run per cell.
 */
public final class OcclusionMap {

    /** The grey the patches are painted with (the middle of the 8-bit range). */
    public static final int GREY = 128;

    /** The probability of the class of interest for one picture: one run of the network. */
    @FunctionalInterface
    public interface Probe {
        double probability(RgbImage picture);
    }

    private OcclusionMap() {
    }

    /** Cells along one side for a {@code side}-pixel crop and {@code patch}-pixel patches. */
    public static int cells(int side, int patch) {
        return (side + patch - 1) / patch;
    }

    /**
     * @param crop     the picture the network saw
     * @param patch    side of the grey square, in pixels; the grid has ⌈side / patch⌉ cells per side
     * @param probe    the class's probability for a picture
     * @param cancel   checked before every run
     * @param progress hears the number of cells done after each run
     * @return per cell, {@code p(original) − p(with that cell grey)}: positive where covering hurts
     */
    public static HeatMap compute(RgbImage crop, int patch, Probe probe, CancellationToken cancel,
                                  IntConsumer progress) {
        if (patch <= 0) {
            throw new IllegalArgumentException("patch must be positive, got " + patch);
        }
        int cw = cells(crop.width(), patch);
        int ch = cells(crop.height(), patch);
        double base = probe.probability(crop);
        float[] drop = new float[cw * ch];
        byte[] original = crop.rgb();
        for (int gy = 0; gy < ch; gy++) {
            for (int gx = 0; gx < cw; gx++) {
                if (cancel.isCancelled()) {
                    throw new CancellationException("occlusion map cancelled");
                }
                byte[] px = original.clone();
                for (int y = gy * patch; y < Math.min(crop.height(), (gy + 1) * patch); y++) {
                    for (int x = gx * patch; x < Math.min(crop.width(), (gx + 1) * patch); x++) {
                        int i = 3 * (y * crop.width() + x);
                        px[i] = (byte) GREY;
                        px[i + 1] = (byte) GREY;
                        px[i + 2] = (byte) GREY;
                    }
                }
                drop[gy * cw + gx] = (float) (base - probe.probability(RgbImage.of(crop.width(), crop.height(), px)));
                progress.accept(gy * cw + gx + 1);
            }
        }
        return new HeatMap(cw, ch, drop);
    }
}
