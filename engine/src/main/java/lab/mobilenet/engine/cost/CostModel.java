package lab.mobilenet.engine.cost;

import lab.mobilenet.engine.model.ActivationLayer;
import lab.mobilenet.engine.model.BatchNormLayer;
import lab.mobilenet.engine.model.ConvLayer;
import lab.mobilenet.engine.model.ConvShortcutAddLayer;
import lab.mobilenet.engine.model.MaxPoolLayer;
import lab.mobilenet.engine.model.GlobalPoolLayer;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.LinearLayer;
import lab.mobilenet.engine.model.ParamSpec;
import lab.mobilenet.engine.model.ResidualAddLayer;
import lab.mobilenet.engine.model.Shape;
import lab.mobilenet.engine.model.SqueezeExciteLayer;

/**
 * Cost of a layer from its input shape, without running anything. The counting convention is the
 * papers': a multiply-accumulate (MAC) is one multiplication and one addition of a convolution or a
 * fully connected layer; everything element-wise is counted separately.
 */
public final class CostModel {

    static final int FLOAT_BYTES = 4;

    private CostModel() {
    }

    /** Cost of any layer but a {@link ConvShortcutAddLayer}, whose shortcut needs the block's input shape too. */
    public static LayerCost cost(Layer layer, Shape in) {
        if (layer instanceof ConvShortcutAddLayer) {
            throw new IllegalArgumentException(layer.name() + " needs the shape of its block input: use "
                    + "cost(layer, in, skipIn, block) or ModelSummary");
        }
        return cost(layer, in, null, layer.block());
    }

    /**
     * @param skipIn the input shape of the layer a residual reads ({@link ConvShortcutAddLayer#from()}), or
     *               {@code null} for layers without a shortcut
     * @param block  the block to report (see {@link lab.mobilenet.engine.model.Network#blockOf})
     */
    public static LayerCost cost(Layer layer, Shape in, Shape skipIn, String block) {
        Shape out = layer.outputShape(in);
        long params = layer.params().stream().filter(ParamSpec::learnable).mapToLong(ParamSpec::count).sum();
        long stored = layer.params().stream().mapToLong(ParamSpec::count).sum();
        long macs = 0;
        long elementwise = 0;
        long read = in.elements();
        if (layer instanceof ConvLayer c) {
            macs = out.elements() * c.geometry().kernel() * c.geometry().kernel() * c.geometry().inChannelsPerGroup();
        } else if (layer instanceof LinearLayer l) {
            macs = (long) l.inFeatures() * l.outFeatures();
        } else if (layer instanceof SqueezeExciteLayer se) {
            macs = 2L * se.channels() * se.reduced();
            // pool (one add per value), ReLU and hard-sigmoid on the small vectors, one multiply per value
            elementwise = in.elements() + se.reduced() + se.channels() + in.elements();
            read = 2 * in.elements(); // once to pool, once to scale
        } else if (layer instanceof ConvShortcutAddLayer sc) {
            Shape shortcut = sc.shortcutShape(skipIn);
            if (!shortcut.equals(out)) {
                throw new IllegalArgumentException(sc.name() + ": shortcut " + shortcut + " cannot be added to " + out);
            }
            // the 1×1 conv on the block input, then BN and the add on the output
            macs = out.elements() * sc.conv().geometry().inChannelsPerGroup();
            elementwise = 2 * out.elements();
            read = in.elements() + skipIn.elements();
        } else if (layer instanceof MaxPoolLayer p) {
            elementwise = out.elements() * p.kernel() * p.kernel(); // one comparison per window cell
        } else if (layer instanceof ResidualAddLayer) {
            elementwise = in.elements();
            read = 2 * in.elements();
        } else if (layer instanceof BatchNormLayer || layer instanceof ActivationLayer
                || layer instanceof GlobalPoolLayer) {
            elementwise = in.elements();
        } else {
            throw new IllegalStateException("no cost rule for " + layer);
        }
        return new LayerCost(layer.name(), layer.type(), block, in, out, macs, elementwise, params,
                stored * FLOAT_BYTES, read * FLOAT_BYTES, out.elements() * FLOAT_BYTES);
    }
}
