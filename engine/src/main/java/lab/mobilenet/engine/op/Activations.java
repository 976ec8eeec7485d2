package lab.mobilenet.engine.op;

import lab.mobilenet.engine.model.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Element-wise activations on ND4J arrays, in place. Hard-sigmoid is written out as relu6(x + 3) / 6
 * because ND4J's own HardSigmoid is Keras' 0.2·x + 0.5, a different function.
 */
public final class Activations {

    private Activations() {
    }

    /** Applies {@code act} to {@code x} in place and returns {@code x}. */
    public static INDArray applyInPlace(Activation act, INDArray x) {
        switch (act) {
            case IDENTITY -> {
                return x;
            }
            case RELU -> {
                return Transforms.relu(x, false);
            }
            case RELU6 -> {
                return Transforms.relu6(x, false);
            }
            case HARD_SIGMOID -> {
                x.addi(3f);
                Transforms.relu6(x, false);
                return x.divi(6f);
            }
            case HARD_SWISH -> {
                try (INDArray gate = x.add(3f)) {
                    Transforms.relu6(gate, false);
                    gate.divi(6f);
                    return x.muli(gate);
                }
            }
            default -> throw new IllegalArgumentException("unknown activation " + act);
        }
    }
}
