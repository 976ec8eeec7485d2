package lab.mobilenet.app.ui.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.cli.ImageNetLabels;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.engine.model.Architecture;

/**
 * A photo's card, drawn from one {@link ClassifyCard} snapshot (a new snapshot makes a new view): the file name
 * and the networks' verdict in one plain sentence, the photo and the crop the networks saw, and one
 * {@link ColumnView} per network. A file that could not be read shows one line saying why instead.
 */
final class CardView extends VBox {

    /** What a card's buttons and links do, supplied by the page. */
    record Actions(Consumer<CardView> export, Runnable remove, Runnable openWeights,
                   Consumer<Architecture> occlude) {
    }

    private final ClassifyCard card;

    CardView(ClassifyCard card, I18n i18n, Actions actions, CardImages images) {
        super(8);
        this.card = card;
        getStyleClass().add("classify-card");
        setId("card-" + card.id());
        Label name = new Label(card.name());
        name.getStyleClass().add("card-title");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label verdict = new Label(verdict(card, i18n));
        verdict.getStyleClass().addAll("card-verdict", verdictStyle(card));
        verdict.setId("verdict-" + card.id());
        verdict.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button export = new Button(i18n.get("classify.export-png"));
        export.getStyleClass().add("card-button");
        export.setOnAction(e -> actions.export().accept(this));
        export.setDisable(!card.decoded());
        Button remove = new Button(i18n.get("classify.remove"));
        remove.getStyleClass().add("card-button");
        remove.setId("remove-" + card.id());
        remove.setOnAction(e -> actions.remove().run());
        HBox header = new HBox(14, name, verdict, spacer, export, remove);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(header);

        if (card.failed()) {
            PhotoProblem kind = PhotoProblem.of(card.problem());
            String reason = kind == PhotoProblem.OTHER ? card.problem() : i18n.get(kind.key());
            Label error = new Label(i18n.get("classify.error", card.name(), reason));
            error.getStyleClass().addAll("message-error", "card-error");
            error.setId("error-" + card.id());
            error.setWrapText(true);
            error.setTooltip(new Tooltip(card.problem()));
            getChildren().add(error);
            return;
        }
        HBox body = new HBox(12);
        body.getChildren().add(pictures(card, i18n, images));
        List<ColumnView> columns = new ArrayList<>();
        for (Architecture a : ClassifyNetworks.ALL) {
            ColumnView cv = new ColumnView(card.column(a), card.cropFor(a), i18n, images, actions.openWeights(),
                    () -> actions.occlude().accept(a));
            columns.add(cv);
        }
        body.getChildren().addAll(columns);
        getChildren().add(body);
    }

    ClassifyCard card() {
        return card;
    }

    private static VBox pictures(ClassifyCard card, I18n i18n, CardImages images) {
        VBox box = new VBox(6);
        box.getStyleClass().add("card-pictures");
        box.setMinWidth(170);
        box.setMaxWidth(170);
        if (!card.decoded()) {
            Label l = new Label(i18n.get(card.settled() ? "classify.cancelled" : "classify.reading"));
            l.getStyleClass().add("net-note");
            box.getChildren().add(l);
            return box;
        }
        ImageView photo = new ImageView(images.of(card.thumbnail()));
        photo.setFitWidth(170);
        photo.setFitHeight(120);
        photo.setPreserveRatio(true);
        photo.setSmooth(true);
        box.getChildren().add(photo);
        for (PhotoCrop c : card.crops()) {
            ImageView crop = new ImageView(images.of(c.image()));
            crop.setFitWidth(ColumnView.MAP_SIDE);
            crop.setFitHeight(ColumnView.MAP_SIDE);
            crop.setPreserveRatio(true);
            crop.setSmooth(true);
            crop.getStyleClass().add("card-crop");
            String who = c.networks().size() == ClassifyNetworks.ALL.size() ? i18n.get("classify.cropped-all")
                    : i18n.get("classify.cropped", String.join(", ",
                    c.networks().stream().map(ClassifyNetworks::shortName).toList()));
            Label caption = new Label(who);
            caption.getStyleClass().add("map-caption");
            caption.setWrapText(true);
            caption.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().addAll(crop, caption);
        }
        return box;
    }

    /** The verdict in one sentence: all agree (on what), they disagree (who says what), or still waiting. */
    static String verdict(ClassifyCard card, I18n i18n) {
        if (card.failed()) {
            return "";
        }
        Agreement a = Agreement.of(card);
        return switch (a.kind()) {
            case WAITING -> i18n.get("classify.waiting");
            case NONE -> i18n.get("classify.none");
            case ONLY_ONE -> i18n.get("classify.only-one", ClassifyNetworks.shortName(a.networks().get(0)),
                    ImageNetLabels.name(a.classIndex()));
            case AGREE -> a.answered() == ClassifyNetworks.ALL.size()
                    ? i18n.get("classify.agree-all", ImageNetLabels.name(a.classIndex()))
                    : i18n.get("classify.agree-some", a.answered(), ImageNetLabels.name(a.classIndex()));
            case DISAGREE -> i18n.get("classify.disagree", String.join(" · ", a.networks().stream()
                    .map(n -> ClassifyNetworks.shortName(n) + ": " + ImageNetLabels.name(card.column(n).best().index()))
                    .toList()));
        };
    }

    private static String verdictStyle(ClassifyCard card) {
        if (card.failed()) {
            return "verdict-none";
        }
        return switch (Agreement.of(card).kind()) {
            case AGREE -> "verdict-agree";
            case DISAGREE -> "verdict-disagree";
            default -> "verdict-none";
        };
    }
}
