package lab.mobilenet.app.ui.render;

/**
 * What every scene painter draws with: the painter, colours, words, and a type scale. Sizes are derived
 * from the picture's size so the same scene reads well on a laptop, a projector and in a 1280×720 slide.
 *
 * @param p         where to draw
 * @param pal       colours
 * @param words     UI words
 * @param textScale 1 normally, larger in presenter mode
 * @param hits      collects where output maps are drawn, for clicks
 */
public record SceneContext(Painter p, Palette pal, Words words, double textScale, HitMap hits) {

    /** A context whose hit areas are not needed (export, tests). */
    public SceneContext(Painter p, Palette pal, Words words, double textScale) {
        this(p, pal, words, textScale, new HitMap());
    }

    /** Base unit: 1 at 900×640, growing with the picture (never below 0.75, so numbers stay readable). */
    public double unit() {
        return Math.max(0.75, Math.min(p.width() / 900.0, p.height() / 640.0));
    }

    /** Heading size. */
    public double heading() {
        return 20 * unit() * textScale;
    }

    /** Body text size. */
    public double body() {
        return 16 * unit() * textScale;
    }

    /** Size of the big numbers (running sum, ratio). */
    public double big() {
        return 30 * unit() * textScale;
    }

    /** Standard gap between panels. */
    public double gap() {
        return 14 * unit();
    }

    /** Width of a highlight frame. */
    public double highlight() {
        return Math.max(2.5, 4 * unit());
    }
}
