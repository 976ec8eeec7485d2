package lab.mobilenet.app.ui.explorer;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ScrollPane;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.InspectionPlan;

/** The overview strip in a scroll pane; a click on a line selects that stage, block or layer. */
final class OverviewView extends ScrollPane {

    private final ExplorerViewModel vm;
    private final I18n i18n;
    private final ObjectProperty<Palette> palette;
    private final CanvasHost host;
    private List<OverviewPainter.Hit> hits = List.of();

    OverviewView(ExplorerViewModel vm, I18n i18n, ObjectProperty<Palette> palette) {
        this.vm = vm;
        this.i18n = i18n;
        this.palette = palette;
        this.host = new CanvasHost(p -> {
            InspectionPlan plan = vm.planProperty().get();
            if (plan == null) {
                p.fillRect(0, 0, p.width(), p.height(), palette.get().background());
                return;
            }
            Inspection ins = vm.inspectionProperty().get();
            int cur = vm.cursor();
            String current = ins == null || cur == 0 || cur > ins.layerRows().size() ? null
                    : ins.layerRows().get(cur - 1).name();
            hits = OverviewPainter.paint(p, palette.get(), plan, ins, vm.selectedProperty().get(), current,
                    k -> i18n.get("explorer.col." + k));
        });
        host.setId("explorer-overview");
        setContent(host);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setFocusTraversable(false);
        host.canvas().setOnMouseClicked(e -> {
            for (OverviewPainter.Hit h : hits) {
                if (e.getY() >= h.top() && e.getY() < h.bottom()) {
                    vm.selectedProperty().set(h.name());
                }
            }
        });
        vm.planProperty().addListener(o -> refresh());
        vm.inspectionProperty().addListener(o -> refresh());
        vm.countersProperty().addListener(o -> refresh());
        vm.selectedProperty().addListener(o -> refresh());
        palette.addListener(o -> refresh());
        i18n.localeProperty().addListener(o -> refresh());
    }

    private void refresh() {
        InspectionPlan plan = vm.planProperty().get();
        double h = plan == null ? 100 : OverviewPainter.height(plan, vm.selectedProperty().get());
        host.setMinHeight(h);
        host.setPrefHeight(h);
        host.redraw();
    }

    /** The names of the lines as last drawn (for tests). */
    List<OverviewPainter.Hit> hits() {
        return hits;
    }
}
