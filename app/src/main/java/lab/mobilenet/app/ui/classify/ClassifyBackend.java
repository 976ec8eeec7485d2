package lab.mobilenet.app.ui.classify;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import lab.mobilenet.engine.classify.Prediction;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.Weights;

/**
 * The blocking work behind the Classify page: reading photos, running one network on one crop, measuring an
 * occlusion map. {@link ClassifyViewModel} calls it only from its background executor; tests give the view-model
 * a stand-in so that queueing, streaming and cancelling are checked without ND4J.
 */
public interface ClassifyBackend {

    /** Longest side, in pixels, of the small copy of the photo a card shows. */
    int THUMBNAIL_SIDE = 256;

    /** How many classes each column lists. */
    int TOP = 5;

    /**
     * A photo ready for the networks.
     *
     * @param thumbnail a small copy of the whole photo, for the card
     * @param crops     the crops the networks see
     */
    record Prepared(RgbImage thumbnail, List<PhotoCrop> crops) {
        public Prepared {
            crops = List.copyOf(crops);
        }
    }

    /** A network's cost from the cost model at 224 × 224: headline MACs and learnable parameters. */
    record Cost(long macs, long params) {
    }

    /**
     * What one run gave.
     *
     * @param top    the top {@link #TOP} classes
     * @param millis measured time of the run
     * @param cam    class activation map of the top class (V1 and V2), else null
     */
    record Outcome(List<Prediction> top, double millis, HeatMap cam) {
        public Outcome {
            top = List.copyOf(top);
        }
    }

    /** Decodes a file (size bound checked first) and cuts the crops; throws with a one-line message on bad input. */
    Prepared decode(Path file) throws Exception;

    /** The same for pixels already in memory (a pasted image). */
    Prepared prepare(RgbImage image);

    /** The network's MACs and params at 224 × 224, from shapes alone. */
    Cost cost(Architecture network);

    /** Runs {@code network} with {@code weights} on {@code crop}; raising {@code cancel} stops it between layers. */
    Outcome classify(Architecture network, Weights weights, RgbImage crop, CancellationToken cancel);

    /**
     * The occlusion map of class {@code classIndex}: the drop of its probability when a grey patch covers each
     * cell of a coarse grid, one run per cell. {@code progress} hears the number of cells done after each run.
     */
    HeatMap occlusion(Architecture network, Weights weights, RgbImage crop, int classIndex, CancellationToken cancel,
                      IntConsumer progress);

    /** How many runs {@link #occlusion} takes for a crop of {@code side} pixels. */
    int occlusionRuns(int side);
}
