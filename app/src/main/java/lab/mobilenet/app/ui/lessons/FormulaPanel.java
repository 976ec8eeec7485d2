package lab.mobilenet.app.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.lessons.Formula;
import lab.mobilenet.lessons.LessonFrame;

/**
 * The lesson's cost formulas: caption, the paper's symbols, and the same with this lesson's numbers.
 *
 * <p>Presenter mode shows the compact form (symbols and numbers on one wrapping line) at a type scale the
 * {@link SidePanelFit} chooses, and when even the smallest scale leaves the list taller than the room, shows it
 * in pages of formulas that fit, with ‹ › to turn them: nothing is cut and nothing needs the scroll bar.
 */
final class FormulaPanel extends VBox {

    /** Presenter sizes of the compact form at scale 1, in px (the fitter scales them down). */
    static final double CAPTION_PX = 18;
    static final double FORMULA_PX = 21;

    private final LessonViewModel vm;
    private final I18n i18n;
    private final Label title = new Label();
    private final List<VBox> blocks = new ArrayList<>();
    private final Label pageLabel = new Label();
    private final HBox pager;
    private final HBox head;
    private boolean compact;
    private double scale = 1;
    /** Formulas per page; empty: all on one. */
    private List<Integer> pages = List.of();
    private int page;
    private Runnable onRebuilt = () -> { };

    FormulaPanel(LessonViewModel vm, I18n i18n) {
        super(4);
        this.vm = vm;
        this.i18n = i18n;
        setId("formula-panel");
        title.getStyleClass().add("panel-title");
        Button back = pagerButton("formula-page-back", "‹", -1);
        Button next = pagerButton("formula-page-next", "›", 1);
        pageLabel.setId("formula-page");
        pageLabel.getStyleClass().add("counter-label");
        pageLabel.setMinWidth(Region.USE_PREF_SIZE);
        pager = new HBox(8, back, pageLabel, next);
        pager.setAlignment(Pos.CENTER_LEFT);
        Region spring = new Region();
        HBox.setHgrow(spring, javafx.scene.layout.Priority.ALWAYS);
        // the pager sits beside the title, where it costs no line of its own
        head = new HBox(8, title, spring, pager);
        head.setAlignment(Pos.CENTER_LEFT);
        vm.frameProperty().addListener((obs, was, now) -> {
            if (was == null || now == null || was.lesson() != now.lesson()) {
                page = 0;
            }
            if (was == null || now == null || was.lesson() != now.lesson() || !was.formulas().equals(now.formulas())) {
                update();
            }
        });
        i18n.localeProperty().addListener((obs, was, now) -> update());
        update();
    }

    private Button pagerButton(String id, String text, int delta) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> turn(delta));
        return b;
    }

    /** Presenter mode: the compact form, fitted by the {@link SidePanelFit}. */
    void setCompact(boolean on) {
        if (on != compact) {
            compact = on;
            scale = 1;
            pages = List.of();
            update();
        }
    }

    boolean isCompact() {
        return compact;
    }

    /** Called after the list was rebuilt (new formulas, another language), when it needs fitting again. */
    void setOnRebuilt(Runnable r) {
        onRebuilt = r;
    }

    /** Sets the compact form's type scale (1 = {@link #CAPTION_PX}, {@link #FORMULA_PX}) and shows every formula. */
    void setScale(double s) {
        scale = s;
        pages = List.of();
        restyle();
        showPage();
    }

    /** The formulas' blocks (caption and formula each), for measuring. */
    List<VBox> blocks() {
        return blocks;
    }

    /** The title row, with ‹ 1 / 3 › when paged, for measuring. */
    Region head() {
        return head;
    }

    /** Shows the formulas in pages of the given sizes (summing to the formula count), keeping the page if it exists. */
    void setPages(List<Integer> sizes) {
        pages = sizes.size() <= 1 ? List.of() : List.copyOf(sizes);
        page = Math.min(page, Math.max(0, pages.size() - 1));
        showPage();
    }

    int pageCount() {
        return Math.max(1, pages.size());
    }

    private void turn(int delta) {
        if (!pages.isEmpty()) {
            page = Math.floorMod(page + delta, pages.size());
            showPage();
        }
    }

    private void update() {
        title.setText(i18n.get("lessons.formula").toUpperCase(i18n.locale()));
        blocks.clear();
        LessonFrame f = vm.frame();
        if (f != null) {
            for (Formula formula : f.formulas()) {
                blocks.add(block(formula));
            }
        }
        List<Node> children = new ArrayList<>();
        children.add(head);
        children.addAll(blocks);
        getChildren().setAll(children);
        if (pages.stream().mapToInt(Integer::intValue).sum() != blocks.size()) {
            pages = List.of();
        }
        restyle();
        showPage();
        onRebuilt.run();
    }

    private VBox block(Formula formula) {
        Label caption = new Label(i18n.get(formula.nameKey()));
        caption.getStyleClass().add("counter-label");
        Label symbolic = new Label(compact ? formula.symbolic() + " = " + formula.substituted() : formula.symbolic());
        symbolic.getStyleClass().add("formula-symbolic");
        VBox b = new VBox(compact ? 0 : 4, caption, symbolic);
        if (!compact) {
            Label numbers = new Label("= " + formula.substituted());
            numbers.getStyleClass().add("formula-numbers");
            b.getChildren().add(numbers);
        }
        for (Node n : b.getChildren()) {
            Label l = (Label) n;
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        b.getStyleClass().add("formula-block");
        return b;
    }

    /** The compact form's sizes as inline styles (they override presenter.css); the sheets' otherwise. */
    private void restyle() {
        for (VBox b : blocks) {
            List<Node> labels = b.getChildren();
            labels.get(0).setStyle(compact ? px(CAPTION_PX * scale) : "");
            labels.get(1).setStyle(compact ? px(FORMULA_PX * scale) + "-fx-font-weight: bold;" : "");
        }
    }

    private static String px(double size) {
        return String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", size);
    }

    private void showPage() {
        int from = 0;
        int to = blocks.size();
        if (!pages.isEmpty()) {
            for (int i = 0; i < page; i++) {
                from += pages.get(i);
            }
            to = from + pages.get(page);
            pageLabel.setText(i18n.get("counter.done-of", page + 1, pages.size()));
        }
        for (int i = 0; i < blocks.size(); i++) {
            boolean on = i >= from && i < to;
            blocks.get(i).setVisible(on);
            blocks.get(i).setManaged(on);
        }
        pager.setVisible(!pages.isEmpty());
        pager.setManaged(!pages.isEmpty());
    }
}
