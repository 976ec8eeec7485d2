package lab.mobilenet.lessons;

/**
 * What a convolution has cost so far, counted as the naive loop executes it.
 *
 * <p>Conventions (the same for every trace):
 * <ul>
 *   <li>One MAC (multiply-accumulate) = one multiplication and one addition. Padding taps count: the
 *       formulas D_K·D_K·M·N·D_F·D_F count every kernel position, as a loop over a zero-padded input does.</li>
 *   <li>FLOPs = 2·MACs. The MobileNet papers count multiply-adds; many tools report FLOPs, which are twice
 *       as many.</li>
 *   <li>Bytes read: each MAC reads one input value and one weight, 4 bytes each (float32), padding zeros
 *       included; a layer with bias also reads 4 bytes of bias when it starts an output value. No cache is
 *       assumed: this is the traffic of the naive loop, not of a tuned kernel.</li>
 *   <li>Bytes written: 4 bytes per output value, once, when its last MAC is done.</li>
 *   <li>Compulsory bytes: the least any implementation must move: input, weights (and bias) read once,
 *       output written once. The gap to bytes read + written is what caches and im2col/GEMM tiling win.</li>
 *   <li>Params: weights plus bias values of the layer(s).</li>
 * </ul>
 *
 * @param macsDone        multiply-adds executed so far
 * @param macsTotal       multiply-adds of the whole layer
 * @param params          weights + bias values
 * @param bytesRead       bytes read so far by the naive loop
 * @param bytesWritten    bytes written so far
 * @param compulsoryBytes input + weights + bias + output, each moved once
 * @param outputsDone     output values completed so far
 * @param outputsTotal    output values of the whole layer
 */
public record Counters(long macsDone, long macsTotal, long params, long bytesRead, long bytesWritten,
                       long compulsoryBytes, long outputsDone, long outputsTotal) {

    /** One line on the MAC/FLOP convention, for a tooltip or footnote. */
    public static final String MAC_FLOP_NOTE =
            "1 MAC = 1 multiply + 1 add; papers count MACs (\"mult-adds\"), many tools report FLOPs = 2·MACs.";

    /** Counters of nothing at all. */
    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, 0);

    public Counters {
        if (macsDone < 0 || macsDone > macsTotal || outputsDone < 0 || outputsDone > outputsTotal) {
            throw new IllegalArgumentException("inconsistent counters: " + macsDone + "/" + macsTotal + " MACs, "
                    + outputsDone + "/" + outputsTotal + " outputs");
        }
    }

    /** Floating-point operations so far, 2·MACs. */
    public long flops() {
        return 2 * macsDone;
    }

    public long flopsTotal() {
        return 2 * macsTotal;
    }

    /** Share of the layer's MACs done, 0 … 1 (1 for an empty layer). */
    public double fraction() {
        return macsTotal == 0 ? 1.0 : (double) macsDone / macsTotal;
    }

    public boolean complete() {
        return macsDone == macsTotal;
    }

    /** Sum of two layers' counters (e.g. depthwise + pointwise = separable). */
    public Counters plus(Counters o) {
        return new Counters(macsDone + o.macsDone, macsTotal + o.macsTotal, params + o.params,
                bytesRead + o.bytesRead, bytesWritten + o.bytesWritten, compulsoryBytes + o.compulsoryBytes,
                outputsDone + o.outputsDone, outputsTotal + o.outputsTotal);
    }
}
