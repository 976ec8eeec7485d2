package lab.mobilenet.lessons;

/**
 * Everything one output value is made of: the receptive field it reads (its {@code M/groups} channels ×
 * {@code k × k} window, padding as 0), the matching weights, their products and the result. Arrays are
 * indexed by tap {@code (ci·k + i)·k + j}, the order in which the loop multiplies them.
 *
 * @param outChannel     output channel o
 * @param outY           output row
 * @param outX           output column
 * @param firstInChannel first input channel of o's group; tap channel ci reads input channel firstInChannel + ci
 * @param inChannels     input channels read, {@code M/groups}
 * @param kernel         k
 * @param inY0           input row of kernel row 0, {@code outY·stride − padding} (may be negative)
 * @param inX0           input column of kernel column 0
 * @param inputs         input values of the window (0 on padding)
 * @param padding        whether each tap falls on padding
 * @param weights        weights of o's kernel
 * @param products       inputs × weights
 * @param bias           bias of o (0 without bias)
 * @param value          bias + Σ products, the output value
 */
public record CellDetail(int outChannel, int outY, int outX, int firstInChannel, int inChannels, int kernel,
                         int inY0, int inX0, float[] inputs, boolean[] padding, float[] weights, float[] products,
                         float bias, float value) {

    public CellDetail {
        inputs = inputs.clone();
        padding = padding.clone();
        weights = weights.clone();
        products = products.clone();
    }

    @Override
    public float[] inputs() {
        return inputs.clone();
    }

    @Override
    public boolean[] padding() {
        return padding.clone();
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    @Override
    public float[] products() {
        return products.clone();
    }

    /** Number of taps, {@code M/groups · k · k}. */
    public int taps() {
        return inputs.length;
    }
}
