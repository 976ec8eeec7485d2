package lab.mobilenet.engine.runtime;

import lab.mobilenet.engine.model.ActivationLayer;
import lab.mobilenet.engine.model.BatchNormLayer;
import lab.mobilenet.engine.model.ConvLayer;
import lab.mobilenet.engine.model.ConvShortcutAddLayer;
import lab.mobilenet.engine.model.MaxPoolLayer;
import lab.mobilenet.engine.model.GlobalPoolLayer;
import lab.mobilenet.engine.model.Layer;
import lab.mobilenet.engine.model.LinearLayer;
import lab.mobilenet.engine.model.ResidualAddLayer;
import lab.mobilenet.engine.model.SqueezeExciteLayer;
import lab.mobilenet.engine.op.Activations;
import lab.mobilenet.engine.op.ChannelOps;
import lab.mobilenet.engine.op.Conv2d;
import lab.mobilenet.engine.op.MaxPool;
import lab.mobilenet.engine.op.SqueezeExcite;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs one layer on ND4J arrays. Returns the output and the multiply-accumulates it performed, counted
 * from the arrays it actually multiplied (not taken from the cost model).
 */
final class LayerExecutor {

    /** The output of one layer and the MACs spent on it. */
    record Result(INDArray output, long macs) {
    }

    private LayerExecutor() {
    }

    /**
     * @param inPlace whether {@code x} may be overwritten (false when it is the caller's input or kept for a residual)
     * @param skip    the saved block input for a residual add (plain or through a conv shortcut), else {@code null}
     */
    static Result run(Layer layer, INDArray x, boolean inPlace, Weights w, INDArray skip) {
        String n = layer.name();
        if (layer instanceof ConvLayer c) {
            INDArray weight = w.get(n + ".weight");
            INDArray out = Conv2d.forward(x, weight, c.bias() ? w.get(n + ".bias") : null, c.geometry());
            return new Result(out, out.length() * weight.size(1) * weight.size(2) * weight.size(3));
        }
        if (layer instanceof BatchNormLayer bn) {
            INDArray y = inPlace ? x : x.dup();
            ChannelOps.batchNormInPlace(y, w.get(n + ".weight"), w.get(n + ".bias"), w.get(n + ".running_mean"),
                    w.get(n + ".running_var"), bn.eps());
            return new Result(y, 0);
        }
        if (layer instanceof ActivationLayer a) {
            INDArray y = inPlace ? x : x.dup();
            return new Result(Activations.applyInPlace(a.activation(), y), 0);
        }
        if (layer instanceof SqueezeExciteLayer) {
            return squeezeExcite(n, inPlace ? x : x.dup(), w);
        }
        if (layer instanceof ResidualAddLayer) {
            INDArray y = inPlace ? x : x.dup();
            return new Result(y.addi(skip), 0);
        }
        if (layer instanceof ConvShortcutAddLayer sc) {
            return convShortcutAdd(sc, inPlace ? x : x.dup(), skip, w);
        }
        if (layer instanceof MaxPoolLayer p) {
            return new Result(MaxPool.forward(x, p.kernel(), p.stride(), p.padding()), 0);
        }
        if (layer instanceof GlobalPoolLayer p) {
            INDArray pooled = ChannelOps.globalAveragePool(x);
            return new Result(p.flatten() ? pooled : pooled.reshape(pooled.size(0), pooled.size(1), 1, 1), 0);
        }
        if (layer instanceof LinearLayer) {
            INDArray weight = w.get(n + ".weight");
            INDArray flat = x.rank() == 2 ? x : x.reshape(x.size(0), x.length() / x.size(0));
            INDArray y = ChannelOps.linear(flat, weight, w.get(n + ".bias"));
            return new Result(y, flat.size(0) * weight.size(0) * weight.size(1));
        }
        throw new IllegalStateException("no executor for " + layer);
    }

    /** The block input through the 1×1 conv and its BN, added to the main path. */
    private static Result convShortcutAdd(ConvShortcutAddLayer sc, INDArray y, INDArray skip, Weights w) {
        String c = sc.conv().name();
        String b = sc.norm().name();
        INDArray weight = w.get(c + ".weight");
        try (INDArray s = Conv2d.forward(skip, weight, null, sc.conv().geometry())) {
            ChannelOps.batchNormInPlace(s, w.get(b + ".weight"), w.get(b + ".bias"), w.get(b + ".running_mean"),
                    w.get(b + ".running_var"), sc.norm().eps());
            y.addi(s);
            return new Result(y, s.length() * weight.size(1) * weight.size(2) * weight.size(3));
        }
    }

    private static Result squeezeExcite(String n, INDArray x, Weights w) {
        long macs = SqueezeExcite.forwardInPlace(x, w.get(n + ".conv_reduce.weight"), w.get(n + ".conv_reduce.bias"),
                w.get(n + ".conv_expand.weight"), w.get(n + ".conv_expand.bias"));
        return new Result(x, macs);
    }
}
