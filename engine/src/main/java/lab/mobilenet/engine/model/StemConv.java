package lab.mobilenet.engine.model;

import lab.mobilenet.engine.op.ConvGeometry;

/**
 * One convolution of a network's stem (conv → BN → activation), with the module names its checkpoint uses.
 *
 * @param conv     the convolution's module path, e.g. {@code conv_stem} or {@code conv1}
 * @param bn       its batch norm, e.g. {@code bn1}
 * @param act      the activation layer's name, e.g. {@code bn1.act} (timm's BatchNormAct) or {@code act1}
 * @param channels output channels at width 1.0
 * @param kernel   kernel size
 * @param stride   stride
 * @param padded   timm's "same"-style padding {@code ((s-1)+(k-1))/2}; false for no padding (Xception)
 * @param fixedNarrow whether the width stays at {@code channels} when α &lt; 0.75 (timm's
 *                 MobileNetV3 {@code fix_stem})
 */
public record StemConv(String conv, String bn, String act, int channels, int kernel, int stride, boolean padded,
                       boolean fixedNarrow) {

    /** timm's EfficientNet-class stem: {@code conv_stem} 3×3 stride 2 → {@code bn1} (+ act). */
    public static StemConv timm(int channels) {
        return new StemConv("conv_stem", "bn1", "bn1.act", channels, 3, 2, true, false);
    }

    /** A stem conv with its own names, 3×3 stride 1 padded unless changed. */
    public static StemConv named(String conv, String bn, String act, int channels) {
        return new StemConv(conv, bn, act, channels, 3, 1, true, false);
    }

    public StemConv stride(int s) {
        return new StemConv(conv, bn, act, channels, kernel, s, padded, fixedNarrow);
    }

    /** No padding ("valid"), as Xception's two stem convolutions. */
    public StemConv valid() {
        return new StemConv(conv, bn, act, channels, kernel, stride, false, fixedNarrow);
    }

    public StemConv fixedBelowThreeQuarterWidth() {
        return new StemConv(conv, bn, act, channels, kernel, stride, padded, true);
    }

    /** Channels at width α. */
    public int channels(double width) {
        return fixedNarrow && width < 0.75 ? channels : Channels.scale(channels, width);
    }

    ConvGeometry geometry(int in, double width) {
        int pad = padded ? ConvGeometry.timmPadding(kernel, stride) : 0;
        return new ConvGeometry(in, channels(width), kernel, stride, pad, 1);
    }
}
