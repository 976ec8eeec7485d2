package lab.mobilenet.engine.keras;

/**
 * One layer of a Keras {@code Sequential} model, with Keras's conventions: {@code padding='valid'} unless told,
 * a bias on convolutions and dense layers ({@code use_bias=True}), pool strides equal to the pool size. Each
 * layer answers its output shape, its parameters as {@code model.summary()} counts them, and its
 * multiply-accumulates (convolutions and dense layers; pooling costs none), from the input shape alone.
 */
public sealed interface KerasLayer permits KerasLayer.SeparableConv2D, KerasLayer.Conv2D, KerasLayer.MaxPooling2D,
        KerasLayer.GlobalAveragePooling2D, KerasLayer.Flatten, KerasLayer.Dense {

    /** Keras's class name, e.g. {@code SeparableConv2D}. */
    String className();

    /** The prefix of Keras's automatic layer names, e.g. {@code separable_conv2d}. */
    String namePrefix();

    KerasShape outputShape(KerasShape in);

    long params(KerasShape in);

    long macs(KerasShape in);

    /** {@code 'valid'}: no padding, {@code floor((n − k) / s) + 1}; {@code 'same'}: {@code ceil(n / s)}. */
    static int outSize(int n, int k, int s, boolean same, String what) {
        int out = same ? (n + s - 1) / s : Math.floorDiv(n - k, s) + 1;
        if (out <= 0) {
            throw new IllegalArgumentException(what + ": input side " + n + " is smaller than the kernel " + k
                    + " (padding='valid')");
        }
        return out;
    }

    private static KerasShape needMap(KerasShape in, String what) {
        if (in.flat()) {
            throw new IllegalArgumentException(what + " needs a feature map, got " + in);
        }
        return in;
    }

    /**
     * Depthwise {@code k×k} per input channel (depth multiplier 1), then a pointwise 1×1 to {@code filters}:
     * params {@code k·k·Cin + Cin·Cout (+ Cout bias)}.
     */
    record SeparableConv2D(int filters, int kernel, int stride, boolean same, String activation, boolean bias)
            implements KerasLayer {
        public SeparableConv2D {
            positive(filters, kernel, stride);
        }

        @Override
        public String className() {
            return "SeparableConv2D";
        }

        @Override
        public String namePrefix() {
            return "separable_conv2d";
        }

        @Override
        public KerasShape outputShape(KerasShape in) {
            needMap(in, className());
            return KerasShape.map(outSize(in.height(), kernel, stride, same, className()),
                    outSize(in.width(), kernel, stride, same, className()), filters);
        }

        @Override
        public long params(KerasShape in) {
            long c = in.channels();
            return (long) kernel * kernel * c + c * filters + (bias ? filters : 0);
        }

        @Override
        public long macs(KerasShape in) {
            KerasShape out = outputShape(in);
            long positions = (long) out.height() * out.width();
            return positions * in.channels() * kernel * kernel + positions * in.channels() * filters;
        }

        /** The standard convolution with the same filters, kernel, stride, padding and activation. */
        public Conv2D asStandard() {
            return new Conv2D(filters, kernel, stride, same, activation, bias);
        }
    }

    /** A standard convolution: params {@code k·k·Cin·Cout (+ Cout bias)}. */
    record Conv2D(int filters, int kernel, int stride, boolean same, String activation, boolean bias)
            implements KerasLayer {
        public Conv2D {
            positive(filters, kernel, stride);
        }

        @Override
        public String className() {
            return "Conv2D";
        }

        @Override
        public String namePrefix() {
            return "conv2d";
        }

        @Override
        public KerasShape outputShape(KerasShape in) {
            needMap(in, className());
            return KerasShape.map(outSize(in.height(), kernel, stride, same, className()),
                    outSize(in.width(), kernel, stride, same, className()), filters);
        }

        @Override
        public long params(KerasShape in) {
            return (long) kernel * kernel * in.channels() * filters + (bias ? filters : 0);
        }

        @Override
        public long macs(KerasShape in) {
            return outputShape(in).elements() * kernel * kernel * in.channels();
        }
    }

    /** Max over {@code pool×pool} windows; strides default to the pool size. */
    record MaxPooling2D(int pool, int stride, boolean same) implements KerasLayer {
        public MaxPooling2D {
            positive(pool, stride, 1);
        }

        @Override
        public String className() {
            return "MaxPooling2D";
        }

        @Override
        public String namePrefix() {
            return "max_pooling2d";
        }

        @Override
        public KerasShape outputShape(KerasShape in) {
            needMap(in, className());
            return KerasShape.map(outSize(in.height(), pool, stride, same, className()),
                    outSize(in.width(), pool, stride, same, className()), in.channels());
        }

        @Override
        public long params(KerasShape in) {
            return 0;
        }

        @Override
        public long macs(KerasShape in) {
            return 0;
        }
    }

    /** Mean over H×W per channel, to a vector. */
    record GlobalAveragePooling2D() implements KerasLayer {
        @Override
        public String className() {
            return "GlobalAveragePooling2D";
        }

        @Override
        public String namePrefix() {
            return "global_average_pooling2d";
        }

        @Override
        public KerasShape outputShape(KerasShape in) {
            return KerasShape.vector(needMap(in, className()).channels());
        }

        @Override
        public long params(KerasShape in) {
            return 0;
        }

        @Override
        public long macs(KerasShape in) {
            return 0;
        }
    }

    /** H×W×C to one vector of H·W·C values. */
    record Flatten() implements KerasLayer {
        @Override
        public String className() {
            return "Flatten";
        }

        @Override
        public String namePrefix() {
            return "flatten";
        }

        @Override
        public KerasShape outputShape(KerasShape in) {
            return KerasShape.vector(Math.toIntExact(in.elements()));
        }

        @Override
        public long params(KerasShape in) {
            return 0;
        }

        @Override
        public long macs(KerasShape in) {
            return 0;
        }
    }

    /** Fully connected: params {@code in·units + units}. Keras applies it to the last axis; here it needs a vector. */
    record Dense(int units, String activation, boolean bias) implements KerasLayer {
        public Dense {
            positive(units, 1, 1);
        }

        @Override
        public String className() {
            return "Dense";
        }

        @Override
        public String namePrefix() {
            return "dense";
        }

        @Override
        public KerasShape outputShape(KerasShape in) {
            if (!in.flat()) {
                throw new IllegalArgumentException("Dense needs a vector, got " + in
                        + " (add GlobalAveragePooling2D() or Flatten() first)");
            }
            return KerasShape.vector(units);
        }

        @Override
        public long params(KerasShape in) {
            return (long) in.channels() * units + (bias ? units : 0);
        }

        @Override
        public long macs(KerasShape in) {
            return (long) in.channels() * units;
        }
    }

    private static void positive(int a, int b, int c) {
        if (a <= 0 || b <= 0 || c <= 0) {
            throw new IllegalArgumentException("filters, units, kernel, pool size and strides must be positive");
        }
    }
}
