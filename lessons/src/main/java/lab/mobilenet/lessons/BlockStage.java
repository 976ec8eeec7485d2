package lab.mobilenet.lessons;

import java.util.List;
import lab.mobilenet.engine.model.Shape;
import lab.mobilenet.engine.runtime.ActivationSnapshot;

/**
 * One stage of a block as it ran on the photo: the engine layers it groups (e.g. conv_dw, bn2, bn2.act), its
 * shapes and costs, and its output.
 *
 * @param name         display name, e.g. {@code blocks.2.1 depthwise}
 * @param kind         what the stage does
 * @param layers       the engine layer names, in order
 * @param input        input shape
 * @param output       output shape
 * @param macs         multiply-adds from the engine's cost model
 * @param params       learnable parameters (batch-norm statistics excluded)
 * @param measuredMacs multiply-adds the runtime actually executed (from {@code LayerRun})
 * @param nanos        wall time of the stage's layers
 * @param activation   the stage's output on the photo (shape [1, C, H, W])
 */
public record BlockStage(String name, StageKind kind, List<String> layers, Shape input, Shape output, long macs,
                         long params, long measuredMacs, long nanos, ActivationSnapshot activation) {

    public BlockStage {
        layers = List.copyOf(layers);
    }
}
