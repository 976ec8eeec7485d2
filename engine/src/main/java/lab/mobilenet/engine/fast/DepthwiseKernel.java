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
 * pixels of one row at a time, in zero-offset scratch arrays: for each tap it gathers the input pixels
 * under that tap into {@code patch} with {@code System.arraycopy} (one copy per row at stride 1, one
 * per pixel at stride 2, zeros over the padding) and adds {@code patch[q] · tapRow[q]} into
 * {@code acc[q]}, where {@code tapRow} is the tap's weights repeated for every pixel of the chunk.
 * Channels-last makes each gathered pixel contiguous whatever the stride.
 */
final class DepthwiseKernel {

    private DepthwiseKernel() {
    }

    /** Output pixels per chunk for {@code c} channels: about 2048 floats, so that the scratch stays in L1/L2. */
    static int chunkPixels(int c, int ow) {
        return Math.max(1, Math.min(ow, 2048 / c));
    }

    /**
     * Computes output rows {@code [y0, y1)}.
     *
     * @param tapRows {@code tapRows[i·k + j][x·c + ch]}: tap (i, j)'s weight for channel ch, repeated for
     *                {@link #chunkPixels} pixels x
     * @param biasRow the bias repeated the same way
     * @param patch   scratch of {@code chunkPixels·c} floats, one per thread; {@code acc} likewise
     */
    static void run(float[] in, int h, int w, int c, float[][] tapRows, float[] biasRow, int k, int stride, int pad,
                    Activation act, Workspace ws, Output out, int ow, int y0, int y1, float[] patch, float[] acc) {
        int chunk = chunkPixels(c, ow);
        for (int oy = y0; oy < y1; oy++) {
            int iy0 = oy * stride - pad;
            for (int x0 = 0; x0 < ow; x0 += chunk) {
                int n = Math.min(chunk, ow - x0);
                int len = n * c;
                System.arraycopy(biasRow, 0, acc, 0, len);
                for (int i = 0; i < k; i++) {
                    int iy = iy0 + i;
                    if (iy < 0 || iy >= h) {
                        continue;
                    }
                    for (int j = 0; j < k; j++) {
                        gather(in, iy * w, w, c, x0 * stride - pad + j, n, stride, patch);
                        multiplyAdd(acc, patch, tapRows[i * k + j], len);
                    }
                }
                Epilogue.activate(act, acc, len);
                out.write(ws, acc, (oy * ow + x0) * c, len);
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
