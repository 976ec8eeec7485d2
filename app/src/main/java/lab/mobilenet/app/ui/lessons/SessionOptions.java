package lab.mobilenet.app.ui.lessons;

import java.util.Map;
import lab.mobilenet.app.ui.photo.Photo;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.runtime.Weights;
import lab.mobilenet.lessons.KernelBank;
import lab.mobilenet.lessons.Lesson;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonOptions;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a new lesson session is given besides the small photo: the groups choice, the full-size photo for the
 * block lessons, and trained weights where they are loaded — MobileNetV2 for lesson 8, V3-Large (else V3-Small) for lesson 9,
 * and V1's first layer for lesson 1 when the user chose learned kernels.
 */
final class SessionOptions {

    private SessionOptions() {
    }

    /** Lessons whose session changes with the pretrained weights. */
    static boolean usesWeights(Lesson l) {
        return LessonCatalog.STANDARD.equals(l) || LessonCatalog.INVERTED_RESIDUAL.equals(l)
                || LessonCatalog.SQUEEZE_EXCITE.equals(l);
    }

    /** Options for lesson {@code l} ({@code null}: none of the weight-dependent extras) on {@code p}. */
    static LessonOptions of(Lesson l, Photo p, int groups, Map<Architecture, Weights> w, KernelChoice kernels) {
        LessonOptions o = LessonOptions.DEFAULTS.withGroups(groups);
        if (p.full() != null) {
            o = o.withPhoto(p.full());
        }
        if (LessonCatalog.INVERTED_RESIDUAL.equals(l) && w.containsKey(Architecture.MOBILENET_V2)) {
            o = o.withWeights(w.get(Architecture.MOBILENET_V2));
        } else if (LessonCatalog.SQUEEZE_EXCITE.equals(l) && w.containsKey(Architecture.MOBILENET_V3_LARGE)) {
            o = o.withWeights(w.get(Architecture.MOBILENET_V3_LARGE));
        } else if (LessonCatalog.SQUEEZE_EXCITE.equals(l) && w.containsKey(Architecture.MOBILENET_V3_SMALL)) {
            // no V3-Large weights, but V3-Small's: run lesson 9 on the trained network there is
            o = o.withNetwork(Architecture.MOBILENET_V3_SMALL).withWeights(w.get(Architecture.MOBILENET_V3_SMALL));
        } else if (LessonCatalog.STANDARD.equals(l) && kernels == KernelChoice.LEARNED_V1_STEM
                && w.containsKey(Architecture.MOBILENET_V1)) {
            o = o.withLearnedStem(learnedStem(w.get(Architecture.MOBILENET_V1)));
        }
        return o;
    }

    /** MobileNetV1's first layer: 32 filters of 3 × 3 over RGB, stride 2 (a copy: the lesson keeps it). */
    static KernelBank learnedStem(Weights v1) {
        float[] values;
        v1.acquire();
        try (INDArray copy = v1.get("conv_stem.weight").dup('c')) {
            values = copy.data().asFloat();
        } finally {
            v1.release();
        }
        return KernelBank.learnedStem(values, 32, 3, 3, 2);
    }
}
