package lab.mobilenet.lessons;

/**
 * Choices the user (or the app) can make when a lesson starts. Zero means "the lesson's default".
 *
 * @param teachingSize longest side of the small copy of the photo the lesson runs on (0: the lesson's default,
 *                     24 … 48 px)
 * @param learnedStem  a network's real first layer (e.g. {@code conv_stem.weight [32, 3, 3, 3]}, stride 2), used
 *                     by the standard-convolution lesson instead of hand-made kernels; {@code null} for none
 * @param groups       groups of the "groups from 1 to M" lesson's trace; must divide its 12 channels
 *                     (0: the default, 4)
 */
public record LessonOptions(int teachingSize, KernelBank learnedStem, int groups) {

    public static final LessonOptions DEFAULTS = new LessonOptions(0, null, 0);

    public LessonOptions {
        if (teachingSize < 0 || teachingSize > 256) {
            throw new IllegalArgumentException("teaching size must be 0 (default) or 1…256 px, got " + teachingSize);
        }
        if (groups < 0) {
            throw new IllegalArgumentException("groups must be 0 (default) or positive, got " + groups);
        }
        if (learnedStem != null && learnedStem.geometry().inChannels() != 3) {
            throw new IllegalArgumentException("a learned stem must read 3 (RGB) channels, this one reads "
                    + learnedStem.geometry().inChannels());
        }
    }

    public LessonOptions withTeachingSize(int size) {
        return new LessonOptions(size, learnedStem, groups);
    }

    public LessonOptions withLearnedStem(KernelBank stem) {
        return new LessonOptions(teachingSize, stem, groups);
    }

    public LessonOptions withGroups(int g) {
        return new LessonOptions(teachingSize, learnedStem, g);
    }
}
