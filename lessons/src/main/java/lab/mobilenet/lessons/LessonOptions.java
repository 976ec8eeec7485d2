package lab.mobilenet.lessons;

import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.runtime.Weights;

/**
 * Choices the user (or the app) can make when a lesson starts. Zero means "the lesson's default".
 *
 * @param teachingSize longest side of the small copy of the photo the lesson runs on (0: the lesson's default,
 *                     24 … 48 px)
 * @param learnedStem  a network's real first layer (e.g. {@code conv_stem.weight [32, 3, 3, 3]}, stride 2), used
 *                     by the standard-convolution lesson instead of hand-made kernels; {@code null} for none
 * @param groups       groups of the "groups from 1 to M" lesson's trace; must divide its 12 channels
 *                     (0: the default, 4)
 * @param photo        the full-size photo, for the block lessons (8, 9), which run the real network on it;
 *                     {@code null}: they use the (smaller) {@link Planes} photo instead
 * @param weights      trained weights for the block lessons' network (MobileNetV2 1.0 for lesson 8,
 *                     MobileNetV3-Large 1.0 for lesson 9); {@code null}: a seeded, untrained initialisation.
 *                     The lesson only reads them; the caller keeps ownership and closes them.
 * @param network      the network of lesson 9 (squeeze-excite and h-swish): MobileNetV3-Large (its block 4.1)
 *                     or MobileNetV3-Small (its block 2.1, the same kind: SE, h-swish, residual), so the lesson
 *                     can run on whichever has trained weights; {@code null}: V3-Large
 */
public record LessonOptions(int teachingSize, KernelBank learnedStem, int groups, RgbImage photo, Weights weights,
                            Architecture network) {

    public static final LessonOptions DEFAULTS = new LessonOptions(0, null, 0, null, null, null);

    /** Options without a full-size photo or weights. */
    public LessonOptions(int teachingSize, KernelBank learnedStem, int groups) {
        this(teachingSize, learnedStem, groups, null, null, null);
    }

    public LessonOptions {
        if (teachingSize < 0 || teachingSize > 256) {
            throw new IllegalArgumentException("teaching size must be 0 (default) or 1…256 px, got " + teachingSize);
        }
        if (groups < 0) {
            throw new IllegalArgumentException("groups must be 0 (default) or positive, got " + groups);
        }
        if (network != null && network != Architecture.MOBILENET_V3_LARGE
                && network != Architecture.MOBILENET_V3_SMALL) {
            throw new IllegalArgumentException("lesson 9 runs on MobileNetV3-Large or -Small, not " + network);
        }
        if (learnedStem != null && learnedStem.geometry().inChannels() != 3) {
            throw new IllegalArgumentException("a learned stem must read 3 (RGB) channels, this one reads "
                    + learnedStem.geometry().inChannels());
        }
    }

    public LessonOptions withTeachingSize(int size) {
        return new LessonOptions(size, learnedStem, groups, photo, weights, network);
    }

    public LessonOptions withLearnedStem(KernelBank stem) {
        return new LessonOptions(teachingSize, stem, groups, photo, weights, network);
    }

    public LessonOptions withGroups(int g) {
        return new LessonOptions(teachingSize, learnedStem, g, photo, weights, network);
    }

    /** The full-size photo for the block lessons. */
    public LessonOptions withPhoto(RgbImage full) {
        return new LessonOptions(teachingSize, learnedStem, groups, full, weights, network);
    }

    /** The full-size photo as interleaved 8-bit R, G, B bytes, row by row. */
    public LessonOptions withPhoto(int width, int height, byte[] rgb) {
        return withPhoto(RgbImage.of(width, height, rgb));
    }

    /** Trained weights for the block lessons' network (see {@link #weights()}). */
    public LessonOptions withWeights(Weights w) {
        return new LessonOptions(teachingSize, learnedStem, groups, photo, w, network);
    }

    /** Lesson 9's network (see {@link #network()}). */
    public LessonOptions withNetwork(Architecture a) {
        return new LessonOptions(teachingSize, learnedStem, groups, photo, weights, a);
    }
}
