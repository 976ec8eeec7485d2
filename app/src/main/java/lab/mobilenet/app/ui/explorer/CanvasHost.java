package lab.mobilenet.app.ui.explorer;

import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import lab.mobilenet.app.ui.render.FxPainter;
import lab.mobilenet.app.ui.render.Painter;
import lab.mobilenet.app.ui.theme.Styles;

/** A region holding one canvas that fills it and is redrawn by {@code draw} whenever its size changes or {@link #redraw} is called. */
class CanvasHost extends Region {

    private final Canvas canvas = new Canvas();
    private final Consumer<Painter> draw;
    private final String family = Styles.cjkFamily().orElse("System");

    CanvasHost(Consumer<Painter> draw) {
        this.draw = draw;
        getChildren().add(canvas);
        widthProperty().addListener(o -> redraw());
        heightProperty().addListener(o -> redraw());
    }

    Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != Math.floor(getWidth()) || canvas.getHeight() != Math.floor(getHeight())) {
            redraw();
        }
    }

    void redraw() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w < 10 || h < 10) {
            return;
        }
        canvas.setWidth(w);
        canvas.setHeight(h);
        draw.accept(new FxPainter(canvas.getGraphicsContext2D(), family));
    }
}
