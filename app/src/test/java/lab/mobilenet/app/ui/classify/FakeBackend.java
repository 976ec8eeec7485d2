package lab.mobilenet.app.ui.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import lab.mobilenet.engine.classify.Prediction;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.Weights;

/**
 * A backend without ND4J: "reading" a file gives a tiny grey picture (or fails for names starting "bad"), each
 * network answers a fixed top-5 chosen per test, and every call is logged, so the view-model's order of work
 * can be checked exactly.
 */
final class FakeBackend implements ClassifyBackend {

    final List<String> calls = new ArrayList<>();
    /** Top-5 class indices per network; default tabby (281) first for everyone. */
    final Map<Architecture, int[]> answers = new HashMap<>();
    /** Called at the start of each classify call (e.g. to look at the cards, or to cancel). */
    Runnable duringRun = () -> { };

    static final RgbImage GREY = RgbImage.of(4, 4, new byte[48]);

    @Override
    public Prepared decode(Path file) {
        String name = file.getFileName().toString();
        calls.add("decode " + name);
        if (name.startsWith("bad")) {
            throw new IllegalArgumentException(name + ": not a recognised image format (readable: PNG, JPEG)");
        }
        return prepare(GREY);
    }

    @Override
    public Prepared prepare(RgbImage image) {
        return new Prepared(image, List.of(new PhotoCrop(image, ClassifyNetworks.ALL)));
    }

    @Override
    public Cost cost(Architecture a) {
        return new Cost(1_000_000L * (a.ordinal() + 1), 1000L * (a.ordinal() + 1));
    }

    @Override
    public Outcome classify(Architecture a, Weights w, RgbImage crop, CancellationToken cancel) {
        calls.add("classify " + ClassifyNetworks.shortName(a));
        duringRun.run();
        if (cancel.isCancelled()) {
            throw new java.util.concurrent.CancellationException("run cancelled"); // as the engine's runner does
        }
        int[] idx = answers.getOrDefault(a, new int[] {281, 282, 285, 287, 283});
        List<Prediction> top = new ArrayList<>();
        float p = 0.5f;
        for (int i : idx) {
            top.add(new Prediction(i, p));
            p /= 2;
        }
        return new Outcome(top, 10.0 + a.ordinal() + 0.25, null);
    }

    @Override
    public HeatMap occlusion(Architecture a, Weights w, RgbImage crop, int classIndex, CancellationToken cancel,
                             IntConsumer progress) {
        calls.add("occlusion " + ClassifyNetworks.shortName(a) + " " + classIndex);
        progress.accept(1);
        progress.accept(2);
        return new HeatMap(2, 1, new float[] {0.25f, -0.5f});
    }

    @Override
    public int occlusionRuns(int side) {
        return 2;
    }

    /** Trained-looking weights (no tensors: the fake never reads them). */
    static Map<Architecture, Weights> trained(Architecture... nets) {
        Map<Architecture, Weights> m = new java.util.EnumMap<>(Architecture.class);
        for (Architecture a : nets) {
            m.put(a, new Weights(Map.of(), true, "test"));
        }
        return m;
    }
}
