package lab.mobilenet.engine.model;

import java.util.ArrayList;
import java.util.List;
import lab.mobilenet.engine.op.ConvGeometry;

/** A 2-D convolution (standard, depthwise, pointwise or grouped); bias only where timm has one. */
public record ConvLayer(String name, ConvGeometry geometry, boolean bias) implements Layer {

    @Override
    public String type() {
        return geometry.kind().equals("standard") ? "conv" + geometry.kernel() + "x" + geometry.kernel()
                : geometry.kind();
    }

    @Override
    public Shape outputShape(Shape in) {
        if (in.channels() != geometry.inChannels()) {
            throw new IllegalArgumentException(name + " expects " + geometry.inChannels() + " channels, got " + in);
        }
        return Shape.map(geometry.outChannels(), geometry.outSize(in.height()), geometry.outSize(in.width()));
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>();
        p.add(new ParamSpec(name + ".weight", geometry.weightShape(), true));
        if (bias) {
            p.add(new ParamSpec(name + ".bias", new long[] {geometry.outChannels()}, true));
        }
        return p;
    }
}
