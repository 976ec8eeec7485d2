package lab.mobilenet.app.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Presenter mode keeps the lesson's side panel (controls, counters, formulas) inside its view, so a room never
 * sees a scroll bar or a cut-off formula: the formulas' type shrinks in steps down to {@link #SCALES}' last,
 * and if the list is still too tall there it is shown in pages that fit (‹ ›). Every fit starts again from the
 * largest type, so the result depends only on what is shown and the room, not on the fits before.
 *
 * <p>It runs on the FX thread once per change of the panel's size or content (coalesced): a few CSS passes
 * over a dozen labels, well under a millisecond each.
 */
final class SidePanelFit {

    /** Type scales of the compact formulas tried in turn (1 = {@link FormulaPanel#FORMULA_PX}). */
    static final double[] SCALES = {1, 0.9, 0.8};

    private final ScrollPane scroll;
    private final VBox content;
    private final FormulaPanel formulas;
    private boolean pending;

    SidePanelFit(ScrollPane scroll, VBox content, FormulaPanel formulas) {
        this.scroll = scroll;
        this.content = content;
        this.formulas = formulas;
        scroll.viewportBoundsProperty().addListener((obs, was, now) -> request());
        content.heightProperty().addListener((obs, was, now) -> request());
        formulas.setOnRebuilt(this::request);
    }

    /** Fits after the current pulse (never in the middle of a layout pass). */
    void request() {
        if (!pending) {
            pending = true;
            Platform.runLater(() -> {
                pending = false;
                fit();
            });
        }
    }

    private void fit() {
        Bounds view = scroll.getViewportBounds();
        if (!formulas.isCompact() || view.getHeight() <= 0 || view.getWidth() <= 0) {
            return;
        }
        for (double s : SCALES) {
            formulas.setScale(s);
            if (height(view.getWidth()) <= view.getHeight()) {
                return;
            }
        }
        // too long at every scale: pages, as few as any scale allows, at the largest scale that allows that few
        double best = SCALES[SCALES.length - 1];
        int fewest = Integer.MAX_VALUE;
        for (double s : SCALES) {
            int n = paginate(view, s);
            if (n < fewest) {
                fewest = n;
                best = s;
            }
        }
        paginate(view, best);
    }

    /**
     * Pages at scale {@code s}: as many formulas on each as the room below the rest of the panel holds. Returns
     * how many pages, or {@code Integer.MAX_VALUE} when one formula alone is taller than the room.
     */
    private int paginate(Bounds view, double s) {
        formulas.setScale(s);
        double inner = view.getWidth() - content.getInsets().getLeft() - content.getInsets().getRight();
        double gap = formulas.getSpacing();
        double all = height(view.getWidth());
        double head = formulas.head().prefHeight(inner);
        List<Double> heights = new ArrayList<>();
        double sum = 0;
        for (Region b : formulas.blocks()) {
            double h = Math.ceil(b.prefHeight(inner)) + gap;   // laid out, each height is snapped up to a pixel
            heights.add(h);
            sum += h;
        }
        formulas.setPages(List.of(1, Math.max(1, heights.size() - 1)));   // shows the pager, to measure it
        content.applyCss();
        double pager = Math.max(0, formulas.head().prefHeight(inner) - head);
        double room = view.getHeight() - (all - sum) - pager - 1;
        for (int attempt = 0; ; attempt++) {
            List<Integer> sizes = greedy(heights, room);
            formulas.setPages(sizes);
            double over = height(view.getWidth()) - view.getHeight();
            if (over <= 0 || attempt == 2) {
                double r = room;
                return heights.stream().anyMatch(h -> h > r) ? Integer.MAX_VALUE : sizes.size();
            }
            room -= over;   // the page shown came out taller than measured: try again with less room
        }
    }

    private static List<Integer> greedy(List<Double> heights, double room) {
        List<Integer> sizes = new ArrayList<>();
        int n = 0;
        double used = 0;
        for (double h : heights) {
            if (n > 0 && used + h > room) {
                sizes.add(n);
                n = 0;
                used = 0;
            }
            n++;
            used += h;
        }
        if (n > 0) {
            sizes.add(n);
        }
        return sizes;
    }

    private double height(double width) {
        content.applyCss();
        return content.prefHeight(width);
    }
}
