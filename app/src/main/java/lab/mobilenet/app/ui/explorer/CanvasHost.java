package lab.mobilenet.app.ui.explorer;

import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import lab.mobilenet.app.ui.render.FxPainter;
import lab.mobilenet.app.ui.render.Painter;
import lab.mobilenet.app.ui.theme.Styles;

/**
 * A region holding one canvas that fills it and is redrawn by {@code draw} whenever its size changes or
 * {@link #redraw} is called. Redraws are coalesced into the next layout pass: a page whose model changes five
 * times in one event (network, plan, inspection, counters, language) paints once, and a page not on screen
 * does not paint at all until it is shown.
 */
class CanvasHost extends Region {

    private final Canvas canvas = new Canvas();
    private final Consumer<Painter> draw;
    private final String family = Styles.fontFamily(); // the bundled CJK font: zh and ko render without an installed one
    private boolean dirty = true;
    private int paints;

    CanvasHost(Consumer<Painter> draw) {
        this.draw = draw;
        getChildren().add(canvas);
        widthProperty().addListener(o -> redraw());
        heightProperty().addListener(o -> redraw());
        sceneProperty().addListener(o -> redraw());
    }

    Canvas canvas() {
        return canvas;
    }

    /** How many times it has painted (tests check that hidden charts do not). */
    int paints() {
        return paints;
    }

    @Override
    protected void layoutChildren() {
        if (dirty || canvas.getWidth() != Math.floor(getWidth()) || canvas.getHeight() != Math.floor(getHeight())) {
            paint();
        }
    }

    /** Asks for a repaint in the next layout pass (on the UI thread, once however often it is asked). */
    void redraw() {
        dirty = true;
        requestLayout();
    }

    private void paint() {
        dirty = false;
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w < 10 || h < 10) {
            return;
        }
        canvas.setWidth(w);
        canvas.setHeight(h);
        paints++;
        draw.accept(new FxPainter(canvas.getGraphicsContext2D(), family));
    }
}
