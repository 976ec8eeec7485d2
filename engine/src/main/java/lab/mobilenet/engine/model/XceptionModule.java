package lab.mobilenet.engine.model;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.op.ConvGeometry;

/**
 * The layers of one Xception module, named as timm's {@code legacy_xception} names its modules: {@code rep} is a
 * sequence of (ReLU, separable conv, BN) triples — ReLU at even indices {@code rep.0, rep.3, …}, the separable
 * conv as {@code rep.1.conv1} (depthwise 3×3) and {@code rep.1.pointwise} (1×1), BN {@code rep.2} — minus the
 * first ReLU in {@code block1}, plus {@code MaxPool2d(3, stride, 1)} when the module strides; then the shortcut:
 * {@code skip} (1×1, strided) and {@code skipbn} when the shape changes, else the input itself.
 */
final class XceptionModule {

    private XceptionModule() {
    }

    static List<Layer> layers(String path, BlockSpec spec, int in, int out, Activation act) {
        List<Layer> l = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < spec.reps(); i++) {
            int inc;
            int outc;
            if (spec.growFirst()) {
                inc = i == 0 ? in : out;
                outc = out;
            } else {
                inc = in;
                outc = i < spec.reps() - 1 ? in : out;
            }
            if (i > 0 || spec.leadingRelu()) {
                l.add(new ActivationLayer(path + ".rep." + index++, act));
            }
            String sep = path + ".rep." + index++;
            l.add(new ConvLayer(sep + ".conv1", ConvGeometry.depthwise(inc, spec.kernel(), 1), false));
            l.add(new ConvLayer(sep + ".pointwise", ConvGeometry.pointwise(inc, outc), false));
            l.add(new BatchNormLayer(path + ".rep." + index++, outc, BatchNormLayer.TIMM_EPS));
        }
        int s = spec.stride();
        if (s != 1) {
            l.add(new MaxPoolLayer(path + ".rep." + index, 3, s, 1));
        }
        String from = l.get(0).name();
        if (in != out || s != 1) {
            ConvLayer skip = new ConvLayer(path + ".skip", new ConvGeometry(in, out, 1, s, 0, 1), false);
            l.add(new ConvShortcutAddLayer(path + ".add", from, skip,
                    new BatchNormLayer(path + ".skipbn", out, BatchNormLayer.TIMM_EPS)));
        } else {
            l.add(new ResidualAddLayer(path + ".add", from));
        }
        return l;
    }
}
