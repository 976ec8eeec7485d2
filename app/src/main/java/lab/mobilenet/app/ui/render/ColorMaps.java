package lab.mobilenet.app.ui.render;

/**
 * Value → colour mappings for heat-maps. Signed data (edge filters, learned weights) use a diverging map:
 * blue below zero, red above, neutral at zero, symmetric so that 0 always looks the same. Unsigned data
 * (photos) use grey, or a tint of the channel's own colour.
 */
public final class ColorMaps {

    private ColorMaps() {
    }

    /** Diverging colour of {@code v} on a scale ±{@code limit}; {@code dark} picks a dark neutral. */
    public static int diverging(float v, float limit, boolean dark) {
        float t = limit <= 0 ? 0 : Math.max(-1f, Math.min(1f, v / limit));
        int neutral = dark ? 0x20 : 0xF4;
        int[] hot = {0xE0, 0x3B, 0x2F};
        int[] cold = {0x25, 0x63, 0xEB};
        int[] end = t >= 0 ? hot : cold;
        float a = Math.abs(t);
        int r = Math.round(neutral + (end[0] - neutral) * a);
        int g = Math.round(neutral + (end[1] - neutral) * a);
        int b = Math.round(neutral + (end[2] - neutral) * a);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    /** Grey level of {@code v} in [0, 1] (clamped). */
    public static int gray(float v) {
        int l = Math.round(Math.max(0f, Math.min(1f, v)) * 255);
        return 0xFF000000 | (l << 16) | (l << 8) | l;
    }

    /** {@code v} in [0, 1] as a shade of one primary: channel 0 red, 1 green, 2 blue; others grey. */
    public static int channelTint(float v, int channel, int channels) {
        if (channels != 3) {
            return gray(v);
        }
        int l = Math.round(Math.max(0f, Math.min(1f, v)) * 255);
        return 0xFF000000 | (channel == 0 ? l << 16 : 0) | (channel == 1 ? l << 8 : 0) | (channel == 2 ? l : 0);
    }

    /** Black or white, whichever reads better on {@code argb}. */
    public static int textOn(int argb) {
        int r = (argb >>> 16) & 0xFF;
        int g = (argb >>> 8) & 0xFF;
        int b = argb & 0xFF;
        return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? 0xFF000000 : 0xFFFFFFFF;
    }

    /** Sequential map for non-negative data on [0, max], neutral to orange. */
    public static int sequential(float v, float max, boolean dark) {
        float t = max <= 0 ? 0 : Math.max(0f, Math.min(1f, v / max));
        int neutral = dark ? 0x20 : 0xF4;
        int r = Math.round(neutral + (0xF5 - neutral) * t);
        int g = Math.round(neutral + (0x7A - neutral) * t);
        int b = Math.round(neutral + (0x00 - neutral) * t);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }
}
