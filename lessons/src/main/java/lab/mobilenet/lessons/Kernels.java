package lab.mobilenet.lessons;

import java.util.List;

/**
 * The classic hand-made image kernels, as data. Each is what a first convolution layer tends to learn on
 * its own: edge detectors (Sobel, outline), smoothers (box, Gaussian), a sharpener and an emboss.
 */
public final class Kernels {

    /** Horizontal gradient: responds to vertical edges. */
    public static final Kernel2d SOBEL_X = new Kernel2d("sobel-x", 3, new float[] {
        -1, 0, 1,
        -2, 0, 2,
        -1, 0, 1});

    /** Vertical gradient: responds to horizontal edges. */
    public static final Kernel2d SOBEL_Y = new Kernel2d("sobel-y", 3, new float[] {
        -1, -2, -1,
        0, 0, 0,
        1, 2, 1});

    /** Mean of the 3×3 neighbourhood. */
    public static final Kernel2d BOX_BLUR = new Kernel2d("box-blur", 3, fill(9, 1f / 9));

    /** Mean of the 5×5 neighbourhood. */
    public static final Kernel2d BOX_BLUR_5 = new Kernel2d("box-blur-5", 5, fill(25, 1f / 25));

    /** Binomial approximation of a Gaussian, (1 2 1)ᵀ(1 2 1)/16. */
    public static final Kernel2d GAUSSIAN_BLUR = new Kernel2d("gaussian-blur", 3, outer(new float[] {1, 2, 1}, 16));

    /** Binomial 5×5 Gaussian, (1 4 6 4 1)ᵀ(1 4 6 4 1)/256. */
    public static final Kernel2d GAUSSIAN_BLUR_5 = new Kernel2d("gaussian-blur-5", 5,
            outer(new float[] {1, 4, 6, 4, 1}, 256));

    /** Identity plus a Laplacian: boosts a pixel against its four neighbours. */
    public static final Kernel2d SHARPEN = new Kernel2d("sharpen", 3, new float[] {
        0, -1, 0,
        -1, 5, -1,
        0, -1, 0});

    /** Diagonal gradient plus identity: the image looks carved in relief. */
    public static final Kernel2d EMBOSS = new Kernel2d("emboss", 3, new float[] {
        -2, -1, 0,
        -1, 1, 1,
        0, 1, 2});

    /** 8-neighbour Laplacian: zero on flat areas, strong on every outline. */
    public static final Kernel2d OUTLINE = new Kernel2d("outline", 3, new float[] {
        -1, -1, -1,
        -1, 8, -1,
        -1, -1, -1});

    /** Copies the centre pixel; useful to show that a convolution can do nothing at all. */
    public static final Kernel2d IDENTITY = new Kernel2d("identity", 3, new float[] {
        0, 0, 0,
        0, 1, 0,
        0, 0, 0});

    private static final List<Kernel2d> ALL = List.of(SOBEL_X, SOBEL_Y, BOX_BLUR, GAUSSIAN_BLUR, SHARPEN, EMBOSS,
            OUTLINE, IDENTITY, BOX_BLUR_5, GAUSSIAN_BLUR_5);

    private Kernels() {
    }

    /** Every kernel above, 3×3 ones first. */
    public static List<Kernel2d> all() {
        return ALL;
    }

    /** The kernels of one size. */
    public static List<Kernel2d> ofSize(int size) {
        return ALL.stream().filter(k -> k.size() == size).toList();
    }

    /** Looks a kernel up by its id, e.g. {@code "sobel-x"}. */
    public static Kernel2d byId(String id) {
        return ALL.stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kernel '" + id + "'"));
    }

    private static float[] fill(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static float[] outer(float[] v, float divisor) {
        float[] a = new float[v.length * v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                a[i * v.length + j] = v[i] * v[j] / divisor;
            }
        }
        return a;
    }
}
