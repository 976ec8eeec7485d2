package lab.mobilenet.app.ui.classify;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.cli.ImageNetLabels;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.engine.classify.Prediction;
import lab.mobilenet.engine.image.RgbImage;

/**
 * One network's column on a card: its name, then by status "waiting" / "running", the top-5 with probability
 * bars, the "untrained weights" notice with a link to get weights, or the reason it failed; below, what it looked
 * at (the CAM for V1/V2, the on-demand occlusion map for V3) and its measured time, MACs and params.
 */
final class ColumnView extends VBox {

    static final double MAP_SIDE = 150;

    private final CardImages images;

    ColumnView(NetworkColumn col, RgbImage crop, I18n i18n, CardImages images, Runnable openWeights, Runnable occlude) {
        super(6);
        this.images = images;
        getStyleClass().add("net-column");
        setId("column-" + ClassifyNetworks.timmName(col.network()));
        setMinWidth(0);
        setPrefWidth(240);
        HBox.setHgrow(this, Priority.ALWAYS);
        Label title = new Label(ClassifyNetworks.shortName(col.network()));
        title.getStyleClass().add("net-title");
        Label timm = new Label(ClassifyNetworks.timmName(col.network()));
        timm.getStyleClass().add("net-subtitle");
        VBox head = new VBox(0, title, timm);
        getChildren().add(head);
        switch (col.status()) {
            case PENDING -> getChildren().add(note(i18n.get("classify.pending"), "net-note"));
            case RUNNING -> {
                ProgressBar p = new ProgressBar(-1);
                p.setMaxWidth(Double.MAX_VALUE);
                getChildren().addAll(note(i18n.get("classify.running"), "net-note"), p);
            }
            case CANCELLED -> getChildren().add(note(i18n.get("classify.cancelled"), "net-note"));
            case FAILED -> getChildren().add(note(i18n.get("classify.failed", col.error()), "message-error"));
            case UNTRAINED -> untrained(col, i18n, openWeights);
            case DONE -> done(col, crop, i18n, occlude);
        }
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        getChildren().add(grow);
        if (col.macs() > 0) {
            String cost = col.status() == NetworkStatus.DONE
                    ? i18n.get("classify.stats", String.format(Locale.ROOT, "%.1f", col.millis()),
                    millions(col.macs(), 1), millions(col.params(), 2))
                    : i18n.get("classify.cost", millions(col.macs(), 1), millions(col.params(), 2));
            Label stats = note(cost, "net-stats");
            stats.setId("stats-" + ClassifyNetworks.timmName(col.network()));
            getChildren().add(stats);
        }
    }

    private void untrained(NetworkColumn col, I18n i18n, Runnable openWeights) {
        Label badge = note(i18n.get("classify.untrained"), "untrained-badge");
        badge.setId("untrained-" + ClassifyNetworks.timmName(col.network()));
        Label why = note(i18n.get("classify.untrained-detail", ClassifyNetworks.timmName(col.network())), "net-note");
        Hyperlink link = new Hyperlink(i18n.get("classify.get-weights"));
        link.getStyleClass().add("weights-link");
        link.setOnAction(e -> openWeights.run());
        getChildren().addAll(badge, why, link);
    }

    private void done(NetworkColumn col, RgbImage crop, I18n i18n, Runnable occlude) {
        VBox rows = new VBox(3);
        rows.getStyleClass().add("top5");
        for (Prediction p : col.top()) {
            rows.getChildren().add(bar(p));
        }
        getChildren().add(rows);
        String best = ImageNetLabels.name(col.best().index());
        if (col.cam() != null && crop != null) {
            Node cam = map(crop, col.cam(), i18n.get("classify.cam", best), "cam-");
            Tooltip.install(cam, new Tooltip(i18n.get("classify.cam-why")));
            getChildren().add(cam);
        } else if (crop != null) {
            Occlusion o = col.occlusion();
            switch (o.state()) {
                case NONE, CANCELLED, FAILED -> {
                    if (o.state() == Occlusion.State.FAILED) {
                        getChildren().add(note(i18n.get("classify.occlusion-failed", o.error()), "message-error"));
                    } else if (o.state() == Occlusion.State.CANCELLED) {
                        getChildren().add(note(i18n.get("classify.occlusion-cancelled"), "net-note"));
                    }
                    Button b = new Button(i18n.get("classify.occlusion-button",
                            OcclusionMap.cells(crop.width(), EngineClassifyBackend.OCCLUSION_PATCH)
                                    * OcclusionMap.cells(crop.height(), EngineClassifyBackend.OCCLUSION_PATCH)));
                    b.setId("occlude-" + ClassifyNetworks.timmName(col.network()));
                    b.setTooltip(new Tooltip(i18n.get("classify.occlusion-why")));
                    b.setOnAction(e -> occlude.run());
                    b.setMaxWidth(Double.MAX_VALUE);
                    b.setWrapText(true);
                    getChildren().add(b);
                }
                case RUNNING -> {
                    ProgressBar p = new ProgressBar(o.total() == 0 ? -1 : (double) o.done() / o.total());
                    p.setMaxWidth(Double.MAX_VALUE);
                    getChildren().addAll(note(i18n.get("classify.occlusion-running", o.done(), o.total()), "net-note"), p);
                }
                case DONE -> getChildren().add(map(crop, o.map(), i18n.get("classify.occlusion", best), "occlusion-"));
            }
        }
    }

    private Node map(RgbImage crop, HeatMap m, String caption, String idPrefix) {
        ImageView view = new ImageView(images.overlay(crop, m));
        view.setFitWidth(MAP_SIDE);
        view.setFitHeight(MAP_SIDE);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        Label c = note(caption, "map-caption");
        c.setMaxWidth(MAP_SIDE + 60);
        VBox box = new VBox(2, view, c);
        box.setId(idPrefix + getId().substring("column-".length()));
        return box;
    }

    /** One row of the top-5: the label over a bar as long as the probability, and the percentage. */
    private static Node bar(Prediction p) {
        Label name = new Label(ImageNetLabels.name(p.index()));
        name.getStyleClass().add("top5-label");
        name.setMinWidth(0);
        name.setTooltip(new Tooltip(ImageNetLabels.name(p.index()) + " (" + p.index() + ")"));
        Label pct = new Label(String.format(Locale.ROOT, "%.2f%%", 100 * p.probability()));
        pct.getStyleClass().add("top5-percent");
        pct.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox text = new HBox(4, name, spacer, pct);
        Region fill = new Region();
        fill.getStyleClass().add("top5-fill");
        fill.setMinHeight(5);
        fill.setPrefHeight(5);
        StackPane track = new StackPane(fill);
        track.getStyleClass().add("top5-track");
        StackPane.setAlignment(fill, Pos.CENTER_LEFT);
        fill.maxWidthProperty().bind(track.widthProperty().multiply(Math.max(0.0, Math.min(1.0, p.probability()))));
        return new VBox(1, text, track);
    }

    private static Label note(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static String millions(long v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f M", v / 1e6);
    }
}
