package lab.mobilenet.lessons;

import java.util.List;
import lab.mobilenet.engine.model.Shape;
import lab.mobilenet.engine.runtime.ActivationSnapshot;

/**
 * One stage of a block as it ran on the photo: the engine layers it groups (e.g. conv_dw, bn2, bn2.act), its
 * shapes and costs, and its output. Two MAC counts are kept: the cost model's prediction ({@link #macs}, what
 * the paper's formulas give) and what the runtime actually executed ({@link #measuredMacs}, what the counters
 * show).
 *
 * @param name          display name, e.g. {@code blocks.2.1 depthwise}
 * @param kind          what the stage does
 * @param layers        the engine layer names, in order
 * @param input         input shape
 * @param output        output shape
 * @param macs          multiply-adds predicted by the engine's cost model (the "formula" value)
 * @param params        learnable parameters: weights, biases, batch-norm γ and β (running statistics excluded)
 * @param measuredMacs  multiply-adds the runtime actually executed (from {@code LayerRun})
 * @param nanos         measured wall time of the stage's layers
 * @param activation    the stage's output on the photo (shape [1, C, H, W])
 * @param kernel        the side D_K of the stage's convolution kernel (1 for 1×1), 0 for a stage without one
 * @param squeezed      squeeze-excite's reduced channels C_r, 0 for other stages
 * @param bytesRead     bytes the cost model says the stage reads: its input activations and its weights
 * @param bytesWritten  bytes the cost model says the stage writes: its output activations
 */
public record BlockStage(String name, StageKind kind, List<String> layers, Shape input, Shape output, long macs,
                         long params, long measuredMacs, long nanos, ActivationSnapshot activation, int kernel,
                         int squeezed, long bytesRead, long bytesWritten) {

    public BlockStage {
        layers = List.copyOf(layers);
    }

    /** Measured wall time in milliseconds. */
    public double millis() {
        return nanos / 1e6;
    }
}
