package lab.mobilenet.app.ui.explorer;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.concurrent.Background;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.render.Painter;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.engine.runtime.ActivationSnapshot;

/**
 * The selected module's feature maps: a grid of all channels whose tile size follows the zoom slider, one
 * channel enlarged (click a tile to choose it), and the value under the mouse on the enlarged map. The maps
 * are coloured on a compute thread ({@link FeatureMapTiles}); until they arrive the view is blank, and if
 * colouring fails it says why in one line.
 */
final class FeatureMapsView extends VBox {

    private final I18n i18n;
    private final ObjectProperty<Palette> palette;
    private final CanvasHost host;
    private final Slider zoom = new Slider(6, 64, 18);
    private final Label value = new Label(" ");
    private final UiExecutors executors;
    private ActivationSnapshot maps;
    /** {@code maps} coloured for the current palette; null while they are being coloured. */
    private FeatureMapTiles tiles;
    /** Why the maps could not be coloured (one line, drawn in their place), or null. */
    private String failure;
    private int channel;
    /** The output cell chosen on the enlarged map, {row, col}: clicked (pinned) wins over hovered; null: none. */
    private int[] clicked;
    private int[] hovered;
    /** Volatile: tests poll it from their own thread for the moment the coloured maps are drawn. */
    private volatile FeatureMapPainter.Layout layout;
    private Runnable onChoice = () -> { };

    FeatureMapsView(I18n i18n, ObjectProperty<Palette> palette, UiExecutors executors) {
        super(4);
        this.i18n = i18n;
        this.palette = palette;
        this.executors = executors;
        host = new CanvasHost(p -> {
            if (tiles == null) {
                p.fillRect(0, 0, p.width(), p.height(), palette.get().background());
                if (failure != null) {
                    p.text(i18n.get("explorer.failed", failure), 10, 20, 12, false, palette.get().text(),
                            Painter.Align.LEFT);
                }
                layout = null;
                return;
            }
            layout = FeatureMapPainter.paint(p, palette.get(), tiles, channel, zoom.getValue());
            if (clicked != null && spatial()) { // where "open in lesson" will centre its window
                double c = layout.bigScale();
                p.strokeRect(layout.bigX() + clicked[1] * c - 1, layout.bigY() + clicked[0] * c - 1, c + 2, c + 2,
                        palette.get().current(), 2);
            }
        });
        host.setId("feature-maps");
        host.setMinHeight(220);
        VBox.setVgrow(host, Priority.ALWAYS);
        zoom.setId("map-zoom");
        zoom.valueProperty().addListener(o -> host.redraw());
        value.setId("map-value");
        Label zl = new Label();
        zl.textProperty().bind(i18n.text("explorer.maps.zoom"));
        zl.setMinWidth(Region.USE_PREF_SIZE); // the value under the mouse gives way, not the word "Zoom"
        value.setMinWidth(0);
        HBox bar = new HBox(8, zl, zoom, value);
        bar.setPadding(new Insets(2, 0, 0, 0));
        getChildren().addAll(host, bar);
        host.canvas().setOnMouseClicked(e -> {
            if (layout != null) {
                int c = layout.channelAt(e.getX(), e.getY());
                if (c >= 0) {
                    channel = c;
                    host.redraw();
                }
                int[] cell = spatial() ? layout.cellAt(e.getX(), e.getY()) : null;
                if (cell != null) {
                    clicked = cell; // where "open in lesson" centres its window
                    host.redraw();
                }
                onChoice.run();
            }
        });
        host.canvas().setOnMouseMoved(e -> showValue(e.getX(), e.getY()));
        palette.addListener(o -> colour());
    }

    /** Colours {@code maps} for the current palette on a compute thread; a newer request makes this one stale. */
    private void colour() {
        ActivationSnapshot a = maps;
        Palette pal = palette.get();
        tiles = null;
        failure = null;
        layout = null;
        host.redraw();
        if (a == null) {
            return;
        }
        Background.run(executors.compute(), executors.ui(), () -> FeatureMapTiles.of(a, pal), (t, why) -> {
            boolean current = t != null ? t.shows(maps, palette.get()) : maps == a && palette.get().equals(pal);
            if (!current) {
                return; // a newer layer or theme was asked for meanwhile
            }
            if (t != null) {
                tiles = t;
            } else {
                failure = why;
            }
            host.redraw();
        });
    }

    private void showValue(double x, double y) {
        if (layout == null || maps == null) {
            return;
        }
        int[] cell = layout.cellAt(x, y);
        if (cell == null) {
            return;
        }
        int[] d = FeatureMapPainter.chw(maps);
        if (spatial() && (hovered == null || hovered[0] != cell[0] || hovered[1] != cell[1])) {
            hovered = cell;
            onChoice.run();
        }
        boolean vector = d[1] == 1 && d[2] == 1;
        int idx = vector ? cell[1] : (channel * d[1] + cell[0]) * d[2] + cell[1];
        int ch = vector ? cell[1] : channel;
        value.setText(i18n.get("explorer.maps.value", ch, vector ? 0 : cell[0], vector ? 0 : cell[1],
                String.format(Locale.ROOT, "%.4f", maps.value(idx))));
    }

    void show(ActivationSnapshot a) {
        if (a != maps) {
            maps = a;
            if (a == null || channel >= FeatureMapPainter.chw(a)[0]) {
                channel = 0;
            }
            value.setText(" ");
            clicked = null;
            hovered = null;
            colour();
            onChoice.run();
        }
    }

    ActivationSnapshot shown() {
        return maps;
    }

    int channel() {
        return channel;
    }

    /** The output cell last clicked on the enlarged map, else the one last hovered, {row, col}; null: none. */
    int[] chosenCell() {
        return clicked != null ? clicked.clone() : hovered != null ? hovered.clone() : null;
    }

    /** Told when the chosen cell or channel changes (the detail panel says where a lesson would open). */
    void setOnChoice(Runnable r) {
        onChoice = r == null ? () -> { } : r;
    }

    /** Where the maps were last drawn (for tests: the enlarged map's cells); null until they are coloured. */
    FeatureMapPainter.Layout mapLayout() {
        return layout;
    }

    private boolean spatial() {
        if (maps == null) {
            return false;
        }
        int[] d = FeatureMapPainter.chw(maps);
        return d[1] > 1 || d[2] > 1;
    }
}
