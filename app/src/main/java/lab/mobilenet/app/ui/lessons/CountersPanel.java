package lab.mobilenet.app.ui.lessons;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.render.FrameCounters;
import lab.mobilenet.app.ui.render.Numbers;
import lab.mobilenet.lessons.Counters;
import lab.mobilenet.lessons.LessonFrame;

/**
 * The live counters of the current frame: multiply-adds (or FLOPs) done of total, parameters, bytes read
 * and written by the naive loop, the least traffic any implementation needs, and for the separable lesson
 * the separable side and the measured ratio. Read-only: it redraws from each new frame.
 */
final class CountersPanel extends VBox {

    private final LessonViewModel vm;
    private final I18n i18n;
    private final Label title = new Label();
    private final Label macsLabel = label("counter-label");
    private final Label macs = value("counter-macs");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label paramsLabel = label("counter-label");
    private final Label params = value("counter-params");
    private final Label readLabel = label("counter-label");
    private final Label read = value("counter-read");
    private final Label writtenLabel = label("counter-label");
    private final Label written = value("counter-written");
    private final Label compulsoryLabel = label("counter-label");
    private final Label compulsory = value("counter-compulsory");
    private final Label sepLabel = label("counter-label");
    private final Label sep = value("counter-separable");
    private final CheckBox flops = new CheckBox();
    private final Label note = label("counter-note");
    /** Key of a value label's property holding its done and total counts, as shown. */
    private static final String DONE_OF = "done-of";
    private boolean compact;

    CountersPanel(LessonViewModel vm, I18n i18n) {
        super(4);
        this.vm = vm;
        this.i18n = i18n;
        title.getStyleClass().add("panel-title");
        progress.setMaxWidth(Double.MAX_VALUE);
        flops.setId("flops-switch");
        flops.setFocusTraversable(false);
        flops.selectedProperty().bindBidirectional(vm.flopsProperty());
        note.setWrapText(true);
        getChildren().addAll(title, macsLabel, macs, progress, paramsLabel, params, readLabel, read, writtenLabel,
                written, compulsoryLabel, compulsory, sepLabel, sep, flops, note);
        // whether "done / total" fits on one line depends on the panel's width and the value's type size
        widthProperty().addListener((obs, was, now) -> fitDoneOfs());
        macs.fontProperty().addListener((obs, was, now) -> fitDoneOfs());
        vm.frameProperty().addListener((obs, was, now) -> update());
        vm.flopsProperty().addListener((obs, was, now) -> update());
        i18n.localeProperty().addListener((obs, was, now) -> update());
        update();
    }

    /**
     * Presenter mode keeps what a room reads from afar (MACs, parameters, the separable side's MACs) and drops the
     * title, the byte counts, the note and the ratio in words (the picture shows it large), so the large type
     * fits a 1280 × 720 projector without scrolling.
     */
    void setCompact(boolean compact) {
        this.compact = compact;
        for (Label l : new Label[] {title, readLabel, read, writtenLabel, written, compulsoryLabel, compulsory, note}) {
            l.setVisible(!compact);
            l.setManaged(!compact);
        }
        update();
    }

    private void update() {
        // lesson 7 steps through nothing: its costs are in the picture, zero counters would only mislead
        boolean stepping = vm.frame() == null || vm.frame().multipliers().isEmpty();
        setVisible(stepping);
        setManaged(stepping);
        boolean f = vm.flopsProperty().get();
        title.setText(i18n.get("lessons.counters").toUpperCase(i18n.locale()));
        macsLabel.setText(i18n.get(f ? "counters.flops" : "counters.macs"));
        paramsLabel.setText(i18n.get("counters.params"));
        readLabel.setText(i18n.get("counters.bytes-read"));
        writtenLabel.setText(i18n.get("counters.bytes-written"));
        compulsoryLabel.setText(i18n.get("counters.compulsory-bytes"));
        flops.setText(i18n.get("lessons.show-flops"));
        note.setText(i18n.get("counters.mac-flop-note"));
        LessonFrame frame = vm.frame();
        Counters c = FrameCounters.of(frame);
        int k = f ? 2 : 1;
        showDoneOf(macs, k * c.macsDone(), k * c.macsTotal());
        progress.setProgress(c.macsTotal() == 0 ? 0 : c.fraction());
        params.setText(Numbers.count(c.params()));
        read.setText(Numbers.bytes(c.bytesRead()));
        written.setText(Numbers.bytes(c.bytesWritten()));
        compulsory.setText(Numbers.bytes(c.compulsoryBytes()));
        boolean cmp = frame != null && frame.comparison().isPresent();
        sepLabel.setVisible(cmp);
        sepLabel.setManaged(cmp);
        sep.setVisible(cmp);
        sep.setManaged(cmp);
        if (cmp) {
            var comparison = frame.comparison().get();
            Counters s = comparison.separable();
            String ratio = comparison.measuredRatio().isPresent()
                    ? Numbers.ratio(comparison.measuredRatio().getAsDouble()) : "—";
            sepLabel.setText(compact ? i18n.get("scene.separable-side")
                    : i18n.get("scene.separable-side") + " · " + i18n.get("counters.ratio") + " " + ratio);
            showDoneOf(sep, k * s.macsDone(), k * s.macsTotal());
        }
    }

    /** Shows "done / total" in {@code l}, on one line if it fits the panel at the label's font, else on two. */
    private void showDoneOf(Label l, long done, long total) {
        l.getProperties().put(DONE_OF, new String[] {Numbers.count(done), Numbers.count(total)});
        fitDoneOf(l);
    }

    private void fitDoneOfs() {
        fitDoneOf(macs);
        fitDoneOf(sep);
    }

    private void fitDoneOf(Label l) {
        if (!(l.getProperties().get(DONE_OF) instanceof String[] dt)) {
            return;
        }
        String one = i18n.get("counter.done-of", dt[0], dt[1]);
        double room = getWidth() - getInsets().getLeft() - getInsets().getRight();
        boolean fits;
        if (room <= 0) {
            fits = dt[0].length() + dt[1].length() <= 16;   // not laid out yet: a guess, refitted once it is
        } else {
            Text probe = new Text(one);
            probe.setFont(l.getFont());
            fits = probe.getLayoutBounds().getWidth() <= room - 1;
        }
        l.setText(fits ? one : dt[0] + "\n/ " + dt[1]);
    }

    private static Label label(String style) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("counter-value");
        return l;
    }
}
