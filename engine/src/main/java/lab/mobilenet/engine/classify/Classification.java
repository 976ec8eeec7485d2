package lab.mobilenet.engine.classify;

import java.util.List;

/**
 * The answer for one image: the top-k classes, the measured inference time, and whether the weights
 * were untrained (a seeded initialisation, whose answers mean nothing).
 */
public record Classification(List<Prediction> top, float[] logits, double millis, boolean untrained) {

    public Classification {
        top = List.copyOf(top);
        logits = logits.clone();
    }

    @Override
    public float[] logits() {
        return logits.clone();
    }
}
