package lab.mobilenet.app.ui.lessons;

import javafx.beans.Observable;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.render.FxPainter;
import lab.mobilenet.app.ui.render.HitMap;
import lab.mobilenet.app.ui.render.LessonPicture;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.app.ui.render.SceneContext;
import lab.mobilenet.app.ui.theme.Styles;
import lab.mobilenet.lessons.LessonFrame;

/**
 * The centre of the lessons page: a canvas that fills its region and redraws the current frame whenever the
 * frame, the size, the colours or the language change. Drawing only; all numbers come from the frame. A click
 * on an output cell jumps to the moment that cell is computed.
 */
public final class LessonCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private final HitMap hits = new HitMap();
    private final LessonViewModel vm;
    private final I18n i18n;
    private final String family = Styles.fontFamily();
    private Palette palette = Palette.LIGHT;
    private double textScale = 1;

    public LessonCanvas(LessonViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("lesson-canvas");
        getStyleClass().add("canvas-host");
        getChildren().add(canvas);
        setMinSize(200, 200);
        vm.frameProperty().addListener(this::redraw);
        i18n.localeProperty().addListener(this::redraw);
        widthProperty().addListener(this::redraw);
        heightProperty().addListener(this::redraw);
        canvas.setOnMouseClicked(e -> {
            hits.cellAt(e.getX(), e.getY()).ifPresent(this::jump);
            // lesson 7: a cell of the grid picks its α and resolution
            hits.choiceAt(e.getX(), e.getY()).ifPresent(c -> vm.selectMultipliers(c.alpha(), c.resolution()));
        });
    }

    /** Clicking an output cell of the leading convolution jumps to the moment that value is complete. */
    private void jump(HitMap.Cell c) {
        LessonFrame f = vm.frame();
        if (f != null && !f.traces().isEmpty() && f.traces().get(0).role().equals(c.role())) {
            vm.seek(f.traces().get(0).trace().positionAfter(c.channel(), c.y(), c.x()));
        }
    }

    /** Where the output maps were last drawn (for tests and clicks). */
    public HitMap hits() {
        return hits;
    }

    /** Colours and type scale of the current theme / presenter mode. */
    public void setLook(Palette palette, double textScale) {
        this.palette = palette;
        this.textScale = textScale;
        redraw(null);
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(Math.floor(getHeight()));
    }

    private void redraw(Observable ignored) {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w < 10 || h < 10) {
            return;
        }
        canvas.setWidth(w);
        canvas.setHeight(h);
        FxPainter p = new FxPainter(canvas.getGraphicsContext2D(), family);
        LessonFrame f = vm.frame();
        hits.clear();
        LessonPicture.paint(new SceneContext(p, palette, i18n::get, textScale, hits), f, "");
    }
}
