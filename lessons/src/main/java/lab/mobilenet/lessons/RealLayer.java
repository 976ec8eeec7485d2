package lab.mobilenet.lessons;

import lab.mobilenet.engine.op.ConvGeometry;

/**
 * One convolution of a real network cut down to what a lesson can step: a window of the layer's output around
 * a chosen point, exactly the input cells that window reads (zeros where the layer pads), and the layer's own
 * kernels for a few output channels. The lesson's trace runs with padding 0 on the crop, so every value it
 * computes is the layer's output at the same place — the student steps the network's own multiply-adds.
 *
 * @param name         timm's module path, e.g. {@code blocks.1.0.conv_dw}
 * @param lesson       the lesson that steps it: standard, depthwise or pointwise
 * @param input        the crop of the layer's input (for a depthwise layer only the chosen channels)
 * @param bank         the chosen output channels' kernels (and bias), with padding 0 for the crop
 * @param layer        the layer's own geometry, whole
 * @param outRow       first output row of the window in the layer's output map
 * @param outCol       first output column of the window
 * @param firstChannel first output channel shown
 */
public record RealLayer(String name, Lesson lesson, Planes input, KernelBank bank, ConvGeometry layer, int outRow,
                        int outCol, int firstChannel) {

    public RealLayer {
        if (name == null || lesson == null || input == null || bank == null || layer == null) {
            throw new IllegalArgumentException("a real layer needs a name, a lesson, an input, kernels and a geometry");
        }
    }

    /** Output channels shown (a window onto the layer's {@code layer().outChannels()}). */
    public int channels() {
        return bank.geometry().outChannels();
    }

    /** Rows of the output window. */
    public int outHeight() {
        return bank.geometry().outSize(input.height());
    }

    /** Columns of the output window. */
    public int outWidth() {
        return bank.geometry().outSize(input.width());
    }

    /** The lesson a layer of this geometry belongs to, or an exception naming why there is none. */
    public static Lesson lessonFor(ConvGeometry g) {
        if (g.isDepthwise()) {
            return LessonCatalog.DEPTHWISE;
        }
        if (g.isPointwise()) {
            return LessonCatalog.POINTWISE;
        }
        if (g.groups() == 1) {
            return LessonCatalog.STANDARD;
        }
        throw new IllegalArgumentException("a grouped convolution (" + g.groups() + " groups) has no lesson of its own");
    }

    /**
     * Cuts a layer down for a lesson.
     *
     * @param input       the layer's whole input, {@code [channels][height][width]} row-major (one image)
     * @param weights     the layer's whole weight, PyTorch layout {@code [out, in/groups, k, k]}
     * @param bias        its bias, or {@code null}
     * @param row         output row to centre the window on (clamped so the window stays inside the map)
     * @param col         output column to centre on
     * @param channel     first output channel to show (clamped)
     * @param window      the window's side in output cells (smaller when the map is)
     * @param maxChannels how many output channels to keep at most
     */
    public static RealLayer crop(String name, ConvGeometry layer, float[] input, int height, int width,
                                 float[] weights, float[] bias, int row, int col, int channel, int window,
                                 int maxChannels) {
        Lesson lesson = lessonFor(layer);
        int c = layer.inChannels();
        if (input == null || input.length != (long) c * height * width) {
            throw new IllegalArgumentException(name + ": input must be " + c + "×" + height + "×" + width);
        }
        if (window < 1 || maxChannels < 1) {
            throw new IllegalArgumentException("window and channels must be at least 1");
        }
        int k = layer.kernel();
        int s = layer.stride();
        int outH = layer.outSize(height);
        int outW = layer.outSize(width);
        int wh = Math.min(window, outH);
        int ww = Math.min(window, outW);
        int r0 = clamp(row - wh / 2, 0, outH - wh);
        int c0 = clamp(col - ww / 2, 0, outW - ww);
        int n = Math.min(maxChannels, layer.outChannels());
        int first = clamp(channel, 0, layer.outChannels() - n);
        boolean dw = layer.isDepthwise();
        // a depthwise channel reads only its own input channel; the others read them all
        int inFirst = dw ? first : 0;
        int inCount = dw ? n : c;
        int ih = (wh - 1) * s + k;
        int iw = (ww - 1) * s + k;
        int y0 = r0 * s - layer.padding();
        int x0 = c0 * s - layer.padding();
        float[] crop = new float[inCount * ih * iw];
        for (int ci = 0; ci < inCount; ci++) {
            for (int y = 0; y < ih; y++) {
                int sy = y0 + y;
                for (int x = 0; x < iw; x++) {
                    int sx = x0 + x;
                    boolean inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
                    crop[(ci * ih + y) * iw + x] = inside ? input[((inFirst + ci) * height + sy) * width + sx] : 0f;
                }
            }
        }
        int per = layer.inChannelsPerGroup() * k * k;
        if (weights == null || weights.length != layer.weightCount()) {
            throw new IllegalArgumentException(name + ": weights must have " + layer.weightCount() + " values");
        }
        float[] w = new float[n * per];
        System.arraycopy(weights, first * per, w, 0, n * per);
        float[] b = bias == null ? null : java.util.Arrays.copyOfRange(bias, first, first + n);
        ConvGeometry g = dw ? new ConvGeometry(n, n, k, s, 0, n) : new ConvGeometry(c, n, k, s, 0, 1);
        return new RealLayer(name, lesson, Planes.of(inCount, ih, iw, crop), KernelBank.learned(w, b, g), layer, r0,
                c0, first);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
