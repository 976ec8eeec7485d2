package lab.mobilenet.app.ui.render;

/**
 * Colours of the lesson pictures for one theme, {@code 0xAARRGGBB}. The highlight colours are chosen to be
 * told apart on a projector: the sliding window and the cell being computed are a saturated orange, the
 * weights a blue, products green.
 *
 * @param background  canvas background
 * @param panel       background of a boxed panel
 * @param text        numbers and labels
 * @param muted       secondary text, grid lines
 * @param window      the sliding window / current tap / current column
 * @param current     the output cell being computed
 * @param weight      kernel weights
 * @param product     products
 * @param pending     output cells not computed yet
 * @param padding     zero-padding cells
 */
public record Palette(int background, int panel, int text, int muted, int window, int current, int weight,
                      int product, int pending, int padding) {

    public static final Palette LIGHT = new Palette(0xFFFFFFFF, 0xFFF3F5F8, 0xFF14181F, 0xFF6B7280, 0xFFFF7A00,
            0xFFE0115F, 0xFF1D5FD6, 0xFF0F8A3C, 0xFFE5E7EB, 0xFFD9DDE3);

    public static final Palette DARK = new Palette(0xFF15181E, 0xFF1F242C, 0xFFF2F4F7, 0xFF9AA3AF, 0xFFFFA033,
            0xFFFF4D8D, 0xFF6AA8FF, 0xFF4ADE80, 0xFF2A3038, 0xFF343B45);

    /** Presenter mode: black on white, the thickest contrasts. */
    public static final Palette PRESENTER_LIGHT = new Palette(0xFFFFFFFF, 0xFFFFFFFF, 0xFF000000, 0xFF333333,
            0xFFFF6A00, 0xFFD4004A, 0xFF0040C0, 0xFF006B2B, 0xFFDDDDDD, 0xFFC8C8C8);

    /** Presenter mode on the dark theme: white on black. */
    public static final Palette PRESENTER_DARK = new Palette(0xFF000000, 0xFF000000, 0xFFFFFFFF, 0xFFD0D0D0,
            0xFFFFB000, 0xFFFF3C8A, 0xFF7FB5FF, 0xFF5CFF8F, 0xFF222222, 0xFF3A3A3A);

    /** The palette for a theme name ({@code "dark"} or anything else for light) and presenter flag. */
    public static Palette of(boolean dark, boolean presenter) {
        if (presenter) {
            return dark ? PRESENTER_DARK : PRESENTER_LIGHT;
        }
        return dark ? DARK : LIGHT;
    }

    /** Whether the background is dark (used to pick the zero colour of heat-maps). */
    public boolean isDark() {
        int r = (background >>> 16) & 0xFF;
        int g = (background >>> 8) & 0xFF;
        int b = background & 0xFF;
        return r + g + b < 3 * 128;
    }

    /** {@code argb} with its alpha replaced, 0 … 255. */
    public static int alpha(int argb, int alpha) {
        return (alpha << 24) | (argb & 0xFFFFFF);
    }
}
