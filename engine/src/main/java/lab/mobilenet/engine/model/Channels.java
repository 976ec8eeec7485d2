package lab.mobilenet.engine.model;

/** timm's channel rounding, which every width multiplier goes through. */
public final class Channels {

    private Channels() {
    }

    /**
     * {@code make_divisible(v, 8)}: round to the nearest multiple of 8 (at least 8), and go up one step
     * if rounding lost more than 10 %.
     */
    public static int makeDivisible(double v) {
        int divisor = 8;
        int n = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        if (n < 0.9 * v) {
            n += divisor;
        }
        return n;
    }

    /** {@code round_channels(c, multiplier)}: scale by the width multiplier, then make divisible by 8. */
    public static int scale(int channels, double width) {
        return makeDivisible(channels * width);
    }
}
