package lab.mobilenet.lessons;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.op.ConvGeometry;

/** Builds each lesson's session: which image, which kernels, which formulas. */
final class LessonFactory {

    /** The separable lesson's 1×1 mixing of the three filtered colour channels into eight outputs. */
    private static final float[][] SEPARABLE_MIX = {
        {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.5f, 0.5f, 0},
        {1, -1, 0}, {0, 0.5f, -0.5f}, {0.299f, 0.587f, 0.114f}, {-1, 0, 1}};

    /** Channels of the groups lesson: 3 colours × {identity, blur, Sobel x, Sobel y}. */
    static final int GROUP_CHANNELS = 12;
    static final int DEFAULT_GROUPS = 4;
    /** Longest side of the photo in lessons 1–5. */
    static final int LAYER_SIZE = 112;
    /** Longest side of the photo in the im2col lesson. */
    static final int IM2COL_SIZE = 28;

    private LessonFactory() {
    }

    static LessonSession build(Lesson lesson, Planes photo, LessonOptions options) {
        if (lesson == LessonCatalog.MULTIPLIERS) {
            return LessonSession.multipliers(lesson, new MultiplierLesson());
        }
        if (lesson == LessonCatalog.LINEAR_BOTTLENECK) {
            return LessonSession.bottleneck(lesson, new BottleneckLesson());
        }
        if (lesson == LessonCatalog.INVERTED_RESIDUAL || lesson == LessonCatalog.SQUEEZE_EXCITE) {
            boolean v2 = lesson == LessonCatalog.INVERTED_RESIDUAL;
            boolean small = !v2 && options.network() == Architecture.MOBILENET_V3_SMALL;
            Architecture arch = v2 ? Architecture.MOBILENET_V2
                    : small ? Architecture.MOBILENET_V3_SMALL : Architecture.MOBILENET_V3_LARGE;
            // V3-Small's blocks.2.1 is the same kind of block as V3-Large's blocks.4.1: SE, h-swish, residual
            String block = v2 ? "blocks.2.1" : small ? "blocks.2.1" : "blocks.4.1";
            BlockWalkthrough w = BlockRunner.run(arch, block, fullPhoto(photo, options), options.weights());
            return LessonSession.block(lesson, blockFormulas(w), w);
        }
        if (photo == null) {
            throw new IllegalArgumentException("lesson '" + lesson.id() + "' needs a photo");
        }
        return switch (lesson.id()) {
            // 112 px: the resolution of MobileNet's first layers at its real 224 input (stem output, first
            // depthwise layer); the picture's zoom lens keeps single multiply-adds readable at that size.
            case "standard" -> standard(lesson, small(photo, options, LAYER_SIZE), options);
            case "depthwise" -> depthwise(lesson, small(photo, options, LAYER_SIZE));
            case "pointwise" -> pointwise(lesson, small(photo, options, LAYER_SIZE));
            case "separable" -> separable(lesson, small(photo, options, LAYER_SIZE));
            case "groups" -> groups(lesson, small(photo, options, LAYER_SIZE), options);
            // 28 px, the 28 × 28 stage: the column matrix keeps one column per output pixel readable
            case "im2col" -> im2col(lesson, small(photo, options, IM2COL_SIZE));
            default -> throw new IllegalArgumentException("no session for lesson '" + lesson.id() + "'");
        };
    }

    /** A real network layer's crop, stepped by its lesson with the layer's own kernels (see {@link RealLayer}). */
    static LessonSession realLayer(RealLayer r) {
        ConvTrace t = ConvTrace.of(r.input(), r.bank());
        ConvGeometry g = t.geometry();
        int h = t.outHeight();
        int w = t.outWidth();
        String role = r.lesson().id();
        List<Formula> formulas = switch (role) {
            case "depthwise" -> List.of(Formula.depthwiseMacs(g.kernel(), g.outChannels(), h, w),
                    Formula.depthwiseParams(g.kernel(), g.outChannels()));
            case "pointwise" -> List.of(Formula.pointwiseMacs(g.inChannels(), g.outChannels(), h, w),
                    Formula.pointwiseParams(g.inChannels(), g.outChannels()));
            default -> List.of(Formula.standardMacs(g.kernel(), g.inChannels(), g.outChannels(), h, w),
                    Formula.standardParams(g.kernel(), g.inChannels(), g.outChannels()));
        };
        return single(r.lesson(), role, t, formulas);
    }

    private static LessonSession standard(Lesson lesson, Planes img, LessonOptions options) {
        KernelBank bank = options.learnedStem() != null ? options.learnedStem()
                : KernelBank.standard(List.of(Kernels.SOBEL_X, Kernels.SOBEL_Y, Kernels.GAUSSIAN_BLUR, Kernels.OUTLINE),
                        img.channels(), 1);
        ConvTrace t = ConvTrace.of(img, bank);
        ConvGeometry g = t.geometry();
        return single(lesson, "standard", t, List.of(
                Formula.standardMacs(g.kernel(), g.inChannels(), g.outChannels(), t.outHeight(), t.outWidth()),
                Formula.standardParams(g.kernel(), g.inChannels(), g.outChannels())));
    }

    private static LessonSession depthwise(Lesson lesson, Planes img) {
        ConvTrace t = ConvTrace.of(img, KernelBank.depthwise(
                List.of(Kernels.SOBEL_X, Kernels.GAUSSIAN_BLUR, Kernels.SHARPEN), img.channels(), 1));
        int k = t.geometry().kernel();
        int m = img.channels();
        return single(lesson, "depthwise", t, List.of(
                Formula.depthwiseMacs(k, m, t.outHeight(), t.outWidth()),
                Formula.depthwiseParams(k, m),
                Formula.standardMacs(k, m, m, t.outHeight(), t.outWidth())));
    }

    private static LessonSession pointwise(Lesson lesson, Planes img) {
        ConvTrace t = ConvTrace.of(img, KernelBank.grayscale());
        return single(lesson, "pointwise", t, List.of(
                Formula.pointwiseMacs(3, 1, t.outHeight(), t.outWidth()),
                Formula.pointwiseParams(3, 1)));
    }

    private static LessonSession separable(Lesson lesson, Planes img) {
        KernelBank dw = KernelBank.depthwise(List.of(Kernels.SOBEL_X, Kernels.SOBEL_Y, Kernels.GAUSSIAN_BLUR), 3, 1);
        KernelBank pw = KernelBank.pointwise(SEPARABLE_MIX);
        ConvTrace std = ConvTrace.of(img, KernelBank.factorised(dw, pw));
        ConvTrace dwT = ConvTrace.of(img, dw);
        ConvTrace pwT = ConvTrace.of(dwT.result(), pw);
        int k = dw.geometry().kernel();
        int m = 3;
        int n = SEPARABLE_MIX.length;
        int h = std.outHeight();
        int w = std.outWidth();
        Formula ratio = Formula.separableRatio(k, n);
        List<LessonSession.Track> tracks = List.of(
                new LessonSession.Track("standard", std, 0),
                new LessonSession.Track("depthwise", dwT, 0),
                new LessonSession.Track("pointwise", pwT, dwT.totalMacs()));
        List<Formula> formulas = List.of(Formula.standardMacs(k, m, n, h, w), Formula.depthwiseMacs(k, m, h, w),
                Formula.pointwiseMacs(m, n, h, w), Formula.separableMacs(k, m, n, h, w), ratio,
                Formula.standardParams(k, m, n), Formula.separableParams(k, m, n));
        return new LessonSession(lesson, std, tracks, formulas, List.of(), null, null, ratio);
    }

    private static LessonSession groups(Lesson lesson, Planes img, LessonOptions options) {
        int groups = options.groups() == 0 ? DEFAULT_GROUPS : options.groups();
        if (GROUP_CHANNELS % groups != 0) {
            throw new IllegalArgumentException("groups must divide " + GROUP_CHANNELS + ", got " + groups);
        }
        Planes features = groupFeatures(img);
        ConvGeometry g = new ConvGeometry(GROUP_CHANNELS, GROUP_CHANNELS, 3, 1, 1, groups);
        ConvTrace t = ConvTrace.of(features, KernelBank.fromKernels(List.of(Kernels.SOBEL_X, Kernels.SOBEL_Y,
                Kernels.GAUSSIAN_BLUR, Kernels.SHARPEN, Kernels.OUTLINE, Kernels.EMBOSS), g));
        List<GroupCost> costs = groupCosts(GROUP_CHANNELS, GROUP_CHANNELS, 3, t.outHeight(), t.outWidth());
        List<Formula> formulas = List.of(
                Formula.groupedMacs(3, GROUP_CHANNELS, GROUP_CHANNELS, groups, t.outHeight(), t.outWidth()),
                Formula.groupedParams(3, GROUP_CHANNELS, GROUP_CHANNELS, groups));
        return new LessonSession(lesson, t, List.of(new LessonSession.Track(g.kind(), t, 0)), formulas, costs, null,
                null, null);
    }

    private static LessonSession im2col(Lesson lesson, Planes img) {
        GemmTrace gemm = GemmTrace.of(img, KernelBank.standard(
                List.of(Kernels.SOBEL_X, Kernels.SOBEL_Y, Kernels.GAUSSIAN_BLUR, Kernels.OUTLINE), img.channels(), 1));
        ConvTrace t = gemm.conv();
        ConvGeometry g = t.geometry();
        Formula dup = Formula.im2colDuplication(g.kernel(), g.inChannels(), t.outHeight(), t.outWidth(),
                img.height(), img.width());
        List<Formula> formulas = List.of(
                Formula.standardMacs(g.kernel(), g.inChannels(), g.outChannels(), t.outHeight(), t.outWidth()), dup);
        return new LessonSession(lesson, t, List.of(new LessonSession.Track("standard", t, 0)), formulas, List.of(),
                gemm, dup, null);
    }

    /**
     * The groups lesson's 12-channel input: each colour channel filtered by identity, blur, Sobel x and Sobel y —
     * itself a grouped convolution (3 groups of 1 input → 4 outputs).
     */
    static Planes groupFeatures(Planes rgb) {
        ConvGeometry g = new ConvGeometry(3, GROUP_CHANNELS, 3, 1, 1, 3);
        return ConvTrace.of(rgb, KernelBank.fromKernels(List.of(Kernels.IDENTITY, Kernels.GAUSSIAN_BLUR,
                Kernels.SOBEL_X, Kernels.SOBEL_Y), g)).result();
    }

    /** MACs and params of a k×k convolution M → N for every g dividing both. */
    static List<GroupCost> groupCosts(int m, int n, int k, int outH, int outW) {
        List<GroupCost> rows = new ArrayList<>();
        long standard = (long) k * k * m * n * outH * outW;
        for (int g = 1; g <= Math.min(m, n); g++) {
            if (m % g == 0 && n % g == 0) {
                ConvGeometry geo = new ConvGeometry(m, n, k, 1, ConvGeometry.timmPadding(k, 1), g);
                long macs = (long) k * k * (m / g) * n * outH * outW;
                rows.add(new GroupCost(g, macs, geo.weightCount(), geo.kind(), (double) macs / standard));
            }
        }
        return rows;
    }

    /**
     * The paper's own example (MobileNet V1, Table 1): one 3×3 layer with M = N = 512 on a 14×14 map, then
     * with the selected width multiplier α and ρ = resolution / 224.
     */
    private static Formula widthOnly(Formula f) {
        // ρ = 1: the same cost, written without the resolution multiplier
        return new Formula("width-separable-macs", f.symbolic().replace("ρD_F", "D_F"), f.terms().stream()
                .map(t -> new Formula.Term(t.symbol().replace("ρD_F", "D_F"), t.value())).toList(),
                f.substituted(), f.value());
    }

    static List<Formula> multiplierFormulas(double alpha, int resolution) {
        double rho = resolution / (double) MultiplierLesson.BASE_RESOLUTION;
        return List.of(Formula.standardMacs(3, 512, 512, 14, 14), Formula.separableMacs(3, 512, 512, 14, 14),
                // width alone, then width and resolution: two rows of the paper's Table 3, two titles
                widthOnly(Formula.scaledSeparableMacs(3, 512, 512, 14, alpha, 1.0)),
                Formula.scaledSeparableMacs(3, 512, 512, 14, alpha, rho),
                Formula.widthScaling(alpha), Formula.resolutionScaling(rho));
    }

    /** The block's expand, depthwise, [squeeze-excite] and project costs as the paper's formulas, from the walkthrough's shapes. */
    private static List<Formula> blockFormulas(BlockWalkthrough w) {
        List<Formula> f = new ArrayList<>();
        for (BlockStage s : w.stages()) {
            switch (s.kind()) {
                case EXPAND, PROJECT -> f.add(Formula.pointwiseMacs(s.input().channels(), s.output().channels(),
                        s.output().height(), s.output().width()));
                case DEPTHWISE -> f.add(Formula.depthwiseMacs(s.kernel(), s.input().channels(),
                        s.output().height(), s.output().width()));
                case SE -> f.add(Formula.squeezeExciteMacs(s.input().channels(), s.squeezed()));
                default -> {
                }
            }
        }
        return f;
    }

    /** The photo for running the network: the full-size one if given, else the Planes photo as 8-bit RGB. */
    private static RgbImage fullPhoto(Planes photo, LessonOptions options) {
        if (options.photo() != null) {
            return options.photo();
        }
        if (photo == null) {
            throw new IllegalArgumentException("the block lessons need a photo");
        }
        if (photo.channels() != 1 && photo.channels() != 3) {
            throw new IllegalArgumentException("lessons need an RGB or grey photo, got " + photo.channels()
                    + " channels");
        }
        int n = photo.height() * photo.width();
        byte[] rgb = new byte[3 * n];
        float[] d = photo.toArray();
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < 3; c++) {
                float v = d[(photo.channels() == 3 ? c : 0) * n + p];
                rgb[3 * p + c] = (byte) Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
            }
        }
        return RgbImage.of(photo.width(), photo.height(), rgb);
    }

    private static LessonSession single(Lesson lesson, String role, ConvTrace t, List<Formula> formulas) {
        return new LessonSession(lesson, t, List.of(new LessonSession.Track(role, t, 0)), formulas, List.of(), null,
                null, null);
    }

    /** The photo as RGB at the lesson's teaching size. */
    private static Planes small(Planes photo, LessonOptions options, int defaultSize) {
        Planes rgb = switch (photo.channels()) {
            case 3 -> photo;
            case 1 -> Planes.of(3, photo.height(), photo.width(), repeat(photo.toArray(), 3));
            default -> throw new IllegalArgumentException("lessons need an RGB or grey photo, got "
                    + photo.channels() + " channels");
        };
        return rgb.downscaleToLongestSide(options.teachingSize() == 0 ? defaultSize : options.teachingSize());
    }

    private static float[] repeat(float[] a, int times) {
        float[] r = new float[a.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(a, 0, r, i * a.length, a.length);
        }
        return r;
    }
}
