package lab.mobilenet.app.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;

/** A page whose content comes in a later issue: its title and one line saying so. */
public final class PlaceholderPage extends VBox {

    public PlaceholderPage(I18n i18n, String titleKey, String textKey) {
        super(16);
        getStyleClass().add("placeholder-page");
        setAlignment(Pos.CENTER);
        Label title = new Label();
        title.textProperty().bind(i18n.text(titleKey));
        title.getStyleClass().add("page-title");
        Label text = new Label();
        text.textProperty().bind(i18n.text(textKey));
        text.setWrapText(true);
        text.getStyleClass().add("placeholder-text");
        getChildren().addAll(title, text);
    }
}
