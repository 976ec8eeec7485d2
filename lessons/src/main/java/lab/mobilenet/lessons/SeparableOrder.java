package lab.mobilenet.lessons;

import java.util.ArrayList;
import java.util.List;

/**
 * The order question of depthwise separable convolutions, costed on one layer. MobileNet (and Xception's code,
 * timm's and Keras's {@code SeparableConv2D}) filter each of the M input channels first and mix channels after:
 * depthwise D_K×D_K on M channels, then pointwise M → N. Chollet's "extreme Inception" framing puts the 1×1 first:
 * pointwise M → N, then depthwise on the N channels.
 *
 * <p>With stride 1 the two differ by D_K²·D_F²·(N − M) multiply-adds: the depthwise step is cheaper on the
 * narrower side, so when a layer widens (N &gt; M) depthwise-first costs less, when it narrows pointwise-first
 * does, and in Xception's middle flow (M = N = 728) they cost the same. With a stride in the depthwise step,
 * pointwise-first also pays its 1×1 at the input's full resolution. Parameters differ by D_K²·(N − M).
 *
 * @param layer             a name for the layer (e.g. {@code legacy_xception block1.rep.0})
 * @param depthwiseFirstMacs D_K·D_K·M·D_F·D_F + M·N·D_F·D_F (MobileNet's order)
 * @param pointwiseFirstMacs M·N·H·W + D_K·D_K·N·D_F·D_F (the "extreme Inception" order; H×W is the input)
 * @param depthwiseFirstParams D_K·D_K·M + M·N
 * @param pointwiseFirstParams M·N + D_K·D_K·N
 */
public record SeparableOrder(String layer, int kernel, int in, int out, int inH, int inW, int outH, int outW,
                             Formula depthwiseFirstMacs, Formula pointwiseFirstMacs, Formula depthwiseFirstParams,
                             Formula pointwiseFirstParams) {

    /** Which step comes first. */
    public enum Order { DEPTHWISE_FIRST, POINTWISE_FIRST, EITHER }

    /**
     * @param kernel D_K
     * @param in     M, input channels
     * @param out    N, output channels
     * @param inH    input height (the pointwise-first 1×1 runs here)
     * @param outH   output height D_F after the depthwise step's stride
     */
    public static SeparableOrder of(String layer, int kernel, int in, int out, int inH, int inW, int outH, int outW) {
        if (kernel <= 0 || in <= 0 || out <= 0 || inH <= 0 || inW <= 0 || outH <= 0 || outW <= 0
                || outH > inH || outW > inW) {
            throw new IllegalArgumentException("bad layer geometry for " + layer);
        }
        Formula dwFirst = sum("depthwise-first-macs", Formula.depthwiseMacs(kernel, in, outH, outW),
                Formula.pointwiseMacs(in, out, outH, outW));
        Formula pwFirst = sum("pointwise-first-macs", renamed(Formula.pointwiseMacs(in, out, inH, inW), "M·N·H·W"),
                renamed(Formula.depthwiseMacs(kernel, out, outH, outW), "D_K·D_K·N·D_F·D_F"));
        Formula dwParams = sum("depthwise-first-params", Formula.depthwiseParams(kernel, in),
                Formula.pointwiseParams(in, out));
        Formula pwParams = sum("pointwise-first-params", Formula.pointwiseParams(in, out),
                renamed(Formula.depthwiseParams(kernel, out), "D_K·D_K·N"));
        return new SeparableOrder(layer, kernel, in, out, inH, inW, outH, outW, dwFirst, pwFirst, dwParams, pwParams);
    }

    /** Real layers where the answer differs: Xception's first, middle and exit separable convs, and one of V1's. */
    public static List<SeparableOrder> examples() {
        return List.of(
                of("legacy_xception block1.rep.0 (64 → 128, 147×147)", 3, 64, 128, 147, 147, 147, 147),
                of("legacy_xception block5.rep.1 (728 → 728, 19×19)", 3, 728, 728, 19, 19, 19, 19),
                of("legacy_xception block12.rep.4 (728 → 1024, 19×19)", 3, 728, 1024, 19, 19, 19, 19),
                of("mobilenetv1_100 blocks.1.0 (64 → 128, stride 2, 112 → 56)", 3, 64, 128, 112, 112, 56, 56));
    }

    /** Pointwise-first MACs minus depthwise-first MACs: positive when MobileNet's order is cheaper. */
    public long macsDifference() {
        return pointwiseFirstMacs.longValue() - depthwiseFirstMacs.longValue();
    }

    public long paramsDifference() {
        return pointwiseFirstParams.longValue() - depthwiseFirstParams.longValue();
    }

    /** The order with fewer multiply-adds on this layer. */
    public Order cheaper() {
        long d = macsDifference();
        return d > 0 ? Order.DEPTHWISE_FIRST : d < 0 ? Order.POINTWISE_FIRST : Order.EITHER;
    }

    private static Formula renamed(Formula f, String symbolic) {
        return new Formula(f.id(), symbolic, f.terms(), f.substituted(), f.value());
    }

    private static Formula sum(String id, Formula a, Formula b) {
        List<Formula.Term> terms = new ArrayList<>(a.terms());
        terms.addAll(b.terms());
        double v = a.value() + b.value();
        String left = a.substituted().substring(0, a.substituted().lastIndexOf(" = "));
        String right = b.substituted().substring(0, b.substituted().lastIndexOf(" = "));
        return new Formula(id, a.symbolic() + " + " + b.symbolic(), terms, left + " + " + right + " = "
                + Formula.number(a.value()) + " + " + Formula.number(b.value()) + " = " + Formula.number(v), v);
    }
}
