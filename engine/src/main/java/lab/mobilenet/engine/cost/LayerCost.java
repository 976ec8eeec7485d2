package lab.mobilenet.engine.cost;

import lab.mobilenet.engine.model.Shape;

/**
 * What one layer costs for one image, from shapes alone.
 *
 * @param macs           multiply-accumulates of convolutions and fully connected layers (squeeze-excite's
 *                       1×1 convolutions included): the papers' "Mult-Adds"
 * @param elementwiseOps operations of batch norm, activations, pooling, residual adds and the SE scaling,
 *                       which the papers leave out of their headline figure
 * @param params         learnable parameters (batch-norm running statistics excluded)
 * @param weightBytes    bytes of every stored tensor the layer reads (float32, running statistics included)
 * @param activationBytesRead    bytes of activations read (input, plus the skip tensor of a residual add)
 * @param activationBytesWritten bytes of the output activation
 */
public record LayerCost(String name, String type, String block, Shape input, Shape output, long macs,
                        long elementwiseOps, long params, long weightBytes, long activationBytesRead,
                        long activationBytesWritten) {

    /** FLOPs in the convention of tools that count a multiply and an add separately: 2 · MACs. */
    public long flops() {
        return 2 * macs;
    }
}
