package lab.mobilenet.engine.model;

import java.util.List;

/**
 * Max over each {@code k×k} window, per channel ({@code nn.MaxPool2d(k, stride, padding)}): padded cells never
 * win (PyTorch pads with −∞). No parameters. Xception ends each strided module with one.
 */
public record MaxPoolLayer(String name, int kernel, int stride, int padding) implements Layer {

    public MaxPoolLayer {
        if (kernel <= 0 || stride <= 0 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException("bad max pool " + name + ": k" + kernel + " s" + stride + " p" + padding);
        }
    }

    @Override
    public String type() {
        return "max_pool";
    }

    /** Output side for an input side: {@code floor((n + 2p − k) / s) + 1}. */
    public int outSize(int n) {
        int out = Math.floorDiv(n + 2 * padding - kernel, stride) + 1;
        if (out <= 0) {
            throw new IllegalArgumentException(name + ": input side " + n + " is too small for a " + kernel + "×"
                    + kernel + " pool");
        }
        return out;
    }

    @Override
    public Shape outputShape(Shape in) {
        return Shape.map(in.channels(), outSize(in.height()), outSize(in.width()));
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }
}
