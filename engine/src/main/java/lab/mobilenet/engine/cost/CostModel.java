package lab.mobilenet.engine.cost;

import lab.mobilenet.engine.model.ActivationLayer;
import lab.mobilenet.engine.model.BatchNormLayer;
import lab.mobilenet.engine.model.ConvLayer;
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

    public static LayerCost cost(Layer layer, Shape in) {
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
        } else if (layer instanceof ResidualAddLayer) {
            elementwise = in.elements();
            read = 2 * in.elements();
        } else if (layer instanceof BatchNormLayer || layer instanceof ActivationLayer
                || layer instanceof GlobalPoolLayer) {
            elementwise = in.elements();
        } else {
            throw new IllegalStateException("no cost rule for " + layer);
        }
        return new LayerCost(layer.name(), layer.type(), layer.block(), in, out, macs, elementwise, params,
                stored * FLOAT_BYTES, read * FLOAT_BYTES, out.elements() * FLOAT_BYTES);
    }
}
