package lab.mobilenet.app.ui.lessons;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.lessons.Formula;
import lab.mobilenet.lessons.LessonFrame;

/** The lesson's cost formulas: caption, the paper's symbols, and the same with this lesson's numbers. */
final class FormulaPanel extends VBox {

    private final LessonViewModel vm;
    private final I18n i18n;
    private boolean compact;

    FormulaPanel(LessonViewModel vm, I18n i18n) {
        super(4);
        this.vm = vm;
        this.i18n = i18n;
        setId("formula-panel");
        vm.frameProperty().addListener((obs, was, now) -> {
            if (was == null || now == null || was.lesson() != now.lesson() || !was.formulas().equals(now.formulas())) {
                update();
            }
        });
        i18n.localeProperty().addListener((obs, was, now) -> update());
        update();
    }

    /**
     * Presenter mode: symbols and numbers share one wrapping line ("M·N = 3·1 = 3"), so at 1280×720 the
     * list fits beside the counters instead of scrolling.
     */
    void setCompact(boolean on) {
        if (on != compact) {
            compact = on;
            update();
        }
    }

    private void update() {
        getChildren().clear();
        Label title = new Label(i18n.get("lessons.formula").toUpperCase(i18n.locale()));
        title.getStyleClass().add("panel-title");
        getChildren().add(title);
        LessonFrame f = vm.frame();
        if (f == null) {
            return;
        }
        for (Formula formula : f.formulas()) {
            Label caption = new Label(i18n.get(formula.nameKey()));
            caption.getStyleClass().add("counter-label");
            caption.setWrapText(true);
            caption.setMinHeight(Region.USE_PREF_SIZE);
            Label symbolic = new Label(formula.symbolic());
            symbolic.getStyleClass().add("formula-symbolic");
            symbolic.setWrapText(true);
            symbolic.setMinHeight(Region.USE_PREF_SIZE);
            Label numbers = new Label("= " + formula.substituted());
            numbers.getStyleClass().add("formula-numbers");
            numbers.setWrapText(true);
            numbers.setMinHeight(Region.USE_PREF_SIZE);
            if (compact) {
                symbolic.setText(formula.symbolic() + " = " + formula.substituted());
                getChildren().addAll(caption, symbolic);
            } else {
                getChildren().addAll(caption, symbolic, numbers);
            }
        }
    }
}
