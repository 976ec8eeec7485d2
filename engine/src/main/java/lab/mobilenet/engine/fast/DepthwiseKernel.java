package lab.mobilenet.engine.fast;

import java.util.Arrays;
import lab.mobilenet.engine.model.Activation;

/**
 * Depthwise k×k convolution on channels-last ({@code [H][W][C]}) float arrays, with the batch norm
 * already folded into the taps and the bias, and the activation applied on the way out.
 *
 * <p>How it is made fast without the Vector API: JDK 17's JIT vectorises a loop only when every array
 * in it is indexed with the same offset (it cannot prove that a store at {@code acc[j]} and a load at
 * {@code in[at + j]} do not overlap, so it gives up). The kernel therefore works on a chunk of output
 * pixels of one row at a time, in zero-offset scratch arrays: for each input row under the kernel and
 * each kernel column j it gathers the input pixels that column sees into a patch with
 * {@code System.arraycopy} (one copy at stride 1, one per pixel at stride 2, zeros over the padding), and
 * then adds all k·k {@code patch[q] · tapRow[q]} products into the accumulator in one pass, where
 * {@code tapRow} is a tap's weights repeated for every pixel of the chunk. Patches of an input row are
 * kept in a ring of k rows, so that the next output row gathers only the rows it does not share with
 * this one (k copies per output pixel instead of k² at stride 1). Channels-last makes each gathered pixel
 * contiguous whatever the stride.
 */
final class DepthwiseKernel {

    /** Scratch per chunk, in floats: small enough that the k² patches and taps stay in L1/L2. */
    static final int CHUNK_FLOATS = 512;
    /** The largest kernel with a fused path (MobileNets use 3 and 5). */
    static final int MAX_KERNEL = 5;

    private DepthwiseKernel() {
    }

    /** Output pixels per chunk for {@code c} channels. */
    static int chunkPixels(int c, int ow) {
        return Math.max(1, Math.min(ow, CHUNK_FLOATS / c));
    }

    /** Per-thread scratch: the ring of patches ({@code [k][k][chunk·c]}), which input row each ring slot holds, zeros. */
    static final class Scratch {
        final float[][][] patches;
        final int[] rowInSlot;
        final float[] zeros;
        final float[] acc;
        final float[][] rowPatches;

        Scratch(int k, int floats) {
            rowPatches = new float[k][];
            patches = new float[k][k][floats];
            rowInSlot = new int[k];
            zeros = new float[floats];
            acc = new float[floats];
        }
    }

    /**
     * Computes output rows {@code [y0, y1)}.
     *
     * @param tapRows {@code tapRows[i·k + j][x·c + ch]}: tap (i, j)'s weight for channel ch, repeated for
     *                {@link #chunkPixels} pixels x
     * @param biasRow the bias repeated the same way
     */
    static void run(float[] in, int h, int w, int c, float[][] tapRows, float[] biasRow, int k, int stride, int pad,
                    Activation act, Workspace ws, Output out, int ow, int y0, int y1, Scratch s) {
        int chunk = chunkPixels(c, ow);
        float[] acc = s.acc;
        float[][] rowPatches = s.rowPatches;
        for (int x0 = 0; x0 < ow; x0 += chunk) {
            int n = Math.min(chunk, ow - x0);
            int len = n * c;
            Arrays.fill(s.rowInSlot, Integer.MIN_VALUE); // the ring is per chunk column
            for (int oy = y0; oy < y1; oy++) {
                System.arraycopy(biasRow, 0, acc, 0, len);
                for (int i = 0; i < k; i++) {
                    int iy = oy * stride - pad + i;
                    int slot = Math.floorMod(iy, k);
                    float[][] p = s.patches[slot];
                    if (iy < 0 || iy >= h) {
                        Arrays.fill(rowPatches, s.zeros);
                    } else {
                        if (s.rowInSlot[slot] != iy) {
                            for (int j = 0; j < k; j++) {
                                gather(in, iy * w, w, c, x0 * stride - pad + j, n, stride, p[j]);
                            }
                            s.rowInSlot[slot] = iy;
                        }
                        System.arraycopy(p, 0, rowPatches, 0, k);
                    }
                    addRow(acc, rowPatches, tapRows, i * k, k, len);
                }
                Epilogue.activate(act, acc, len);
                out.write(ws, acc, (oy * ow + x0) * c, len);
            }
        }
    }

    /** {@code acc[q] += Σ_j patch_j[q] · tap_{t0 + j}[q]} over one kernel row, in one pass for k = 3 and 5. */
    private static void addRow(float[] acc, float[][] p, float[][] taps, int t0, int k, int len) {
        if (k == 3) {
            float[] a0 = p[0], a1 = p[1], a2 = p[2];
            float[] b0 = taps[t0], b1 = taps[t0 + 1], b2 = taps[t0 + 2];
            for (int q = 0; q < len; q++) {
                acc[q] += a0[q] * b0[q] + a1[q] * b1[q] + a2[q] * b2[q];
            }
        } else if (k == 5) { // 3 + 2: one loop over all five taps did not vectorise (measured 3x slower)
            float[] a0 = p[0], a1 = p[1], a2 = p[2], a3 = p[3], a4 = p[4];
            float[] b0 = taps[t0], b1 = taps[t0 + 1], b2 = taps[t0 + 2], b3 = taps[t0 + 3], b4 = taps[t0 + 4];
            for (int q = 0; q < len; q++) {
                acc[q] += a0[q] * b0[q] + a1[q] * b1[q] + a2[q] * b2[q];
            }
            for (int q = 0; q < len; q++) {
                acc[q] += a3[q] * b3[q] + a4[q] * b4[q];
            }
        } else {
            for (int j = 0; j < k; j++) {
                multiplyAdd(acc, p[j], taps[t0 + j], len);
            }
        }
    }

    /** Input pixels {@code ix0, ix0 + s, …} (n of them) of the row starting at pixel {@code rowStart}; zeros outside. */
    private static void gather(float[] in, int rowStart, int w, int c, int ix0, int n, int stride, float[] patch) {
        if (stride == 1) {
            int lead = Math.min(Math.max(-ix0, 0), n); // pixels left of the image
            int valid = Math.max(0, Math.min(ix0 + n, w) - Math.max(ix0, 0));
            Arrays.fill(patch, 0, lead * c, 0f);
            if (valid > 0) {
                System.arraycopy(in, (rowStart + ix0 + lead) * c, patch, lead * c, valid * c);
            }
            Arrays.fill(patch, (lead + valid) * c, n * c, 0f);
            return;
        }
        for (int x = 0; x < n; x++) {
            int ix = ix0 + x * stride;
            if (ix < 0 || ix >= w) {
                Arrays.fill(patch, x * c, (x + 1) * c, 0f);
            } else {
                System.arraycopy(in, (rowStart + ix) * c, patch, x * c, c);
            }
        }
    }

    /** {@code acc[q] += a[q] · b[q]}: zero-offset arrays only, so that the loop vectorises. */
    static void multiplyAdd(float[] acc, float[] a, float[] b, int len) {
        for (int q = 0; q < len; q++) {
            acc[q] += a[q] * b[q];
        }
    }

    /** {@code row} repeated {@code times} times. */
    static float[] repeat(float[] row, int from, int length, int times) {
        float[] r = new float[length * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(row, from, r, t * length, length);
        }
        return r;
    }
}
