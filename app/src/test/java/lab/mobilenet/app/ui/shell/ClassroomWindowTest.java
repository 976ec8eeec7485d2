package lab.mobilenet.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.render.LessonPicture;
import lab.mobilenet.app.ui.render.Painter;
import lab.mobilenet.app.ui.render.Palette;
import lab.mobilenet.app.ui.render.Raster;
import lab.mobilenet.app.ui.render.SceneContext;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.LessonCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as a class uses it: lesson keys whatever has the focus, a language switch in the middle of a
 * lesson, and presenter mode on a 1280 × 720 and a 1920 × 1080 projector without elided labels or a side panel
 * that needs its scroll bar.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomWindowTest {

    @TempDir
    Path weightsDir;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppContext ctx = new AppContext(UiExecutors.sameThread(), new I18n(Locale.ENGLISH), () -> { },
                StartOptions.DEFAULTS, new LocalCheckpoints(weightsDir.resolve("app"), weightsDir.resolve("hub")));
        window = MainWindow.open(stage, ctx);
    }

    private lab.mobilenet.app.ui.lessons.LessonViewModel vm() {
        return window.lessonsPage().viewModel();
    }

    private void open(FxRobot robot, lab.mobilenet.lessons.Lesson lesson) {
        robot.interact(() -> vm().lessonProperty().set(lesson));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void press(FxRobot robot, KeyCode key) {
        robot.type(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void homeAndEndMoveTheLessonNotTheGroupsSliderOnceTheSliderWasClicked(FxRobot robot) {
        open(robot, LessonCatalog.GROUPS);
        robot.clickOn("#groups-slider");
        WaitForAsyncUtils.waitForFxEvents();
        int groups = vm().groupsProperty().get();
        assertTrue(stage.getScene().getFocusOwner() instanceof javafx.scene.control.Slider, "the click focused it");
        press(robot, KeyCode.END);
        assertEquals(groups, vm().groupsProperty().get(), "End must not move the slider to g = 12");
        assertEquals(vm().frame().length(), vm().frame().position(), "End finishes the layer");
        press(robot, KeyCode.HOME);
        assertEquals(groups, vm().groupsProperty().get());
        assertEquals(0, vm().frame().position());
        press(robot, KeyCode.RIGHT);
        assertEquals(groups, vm().groupsProperty().get(), "→ steps the lesson, not the slider");
        assertTrue(vm().frame().position() > 0);
        press(robot, KeyCode.LEFT);
        assertEquals(0, vm().frame().position());
    }

    @Test
    void spaceAndArrowsReachTheLessonWhicheverControlHasTheFocus(FxRobot robot) {
        var player = window.lessonsPage().player();
        for (String id : List.of("#speed", "#granularity", "#flops-switch", "#language", "#transport-step")) {
            Node n = robot.lookup(id).query();
            robot.interact(n::requestFocus);
            boolean flops = vm().flopsProperty().get();
            Granularity g = vm().granularityProperty().get();
            long before = vm().frame().position();
            press(robot, KeyCode.RIGHT);
            assertTrue(vm().frame().position() > before, "→ with the focus on " + id);
            press(robot, KeyCode.SPACE);
            assertTrue(player.playingProperty().get(), "Space plays with the focus on " + id);
            press(robot, KeyCode.SPACE);
            assertFalse(player.playingProperty().get());
            assertEquals(flops, vm().flopsProperty().get(), "Space did not tick the check box");
            press(robot, KeyCode.UP);
            assertTrue(vm().granularityProperty().get().ordinal() > g.ordinal()
                    || g == Granularity.values()[Granularity.values().length - 1], "↑ coarser with " + id);
            press(robot, KeyCode.DOWN);
            assertEquals(g, vm().granularityProperty().get(), "↓ finer again with " + id);
            assertEquals(Locale.ENGLISH, window.context().i18n().locale(), "the language box did not move");
        }
    }

    @Test
    void switchingTheLanguageMidLessonRewordsTheStepBoxThePhotoLineAndTheTitles(FxRobot robot) {
        open(robot, LessonCatalog.GROUPS);
        press(robot, KeyCode.RIGHT);
        press(robot, KeyCode.RIGHT);
        robot.interact(() -> window.context().i18n().localeProperty().set(Locale.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> box = robot.lookup("#granularity").queryAs(ComboBox.class);
        ListCell<?> cell = (ListCell<?>) box.getButtonCell();
        String expected = I18n.lookup(Locale.KOREAN, vm().granularityProperty().get().nameKey());
        assertEquals(expected, cell.getText(), "the step box follows the language");
        assertEquals(I18n.lookup(Locale.KOREAN, "lessons.photo-loaded", "chelsea.png"),
                robot.lookup("#status-message").queryAs(Labeled.class).getText());
        assertEquals("5. " + I18n.lookup(Locale.KOREAN, LessonCatalog.GROUPS.titleKey()),
                robot.lookup("#lesson-title").queryAs(Labeled.class).getText());
        String groups = robot.lookup("#groups-value").queryAs(Labeled.class).getText();
        assertTrue(groups.contains(I18n.lookup(Locale.KOREAN, "kind.grouped")), groups);
        assertEquals(2, vm().frame().position() / vm().frame().traces().get(0).trace().macsPerPixel(),
                "the lesson kept its place");
        robot.interact(() -> window.context().i18n().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        assertEquals(I18n.lookup(Locale.SIMPLIFIED_CHINESE, "lessons.photo-loaded", "chelsea.png"),
                robot.lookup("#status-message").queryAs(Labeled.class).getText());
    }

    @Test
    void lessonNinesTitleSaysUntrainedInTheCurrentLanguage(FxRobot robot) {
        open(robot, LessonCatalog.SQUEEZE_EXCITE);
        robot.interact(() -> window.context().i18n().localeProperty().set(Locale.KOREAN));
        List<String> texts = new ArrayList<>();
        robot.interact(() -> LessonPicture.paint(new SceneContext(new TextRecorder(texts), Palette.LIGHT,
                window.context().i18n()::get, 1), vm().frame(), ""));
        String untrained = I18n.lookup(Locale.KOREAN, "scene.weights-untrained");
        assertTrue(texts.stream().anyMatch(t -> t.endsWith(untrained)), "title line in Korean: " + texts);
        assertTrue(texts.stream().noneMatch(t -> t.contains("untrained")), "no English left: " + texts);
    }

    @Test
    void clickingACellOfLessonSevenRebuildsAndRunsThatNetwork(FxRobot robot) {
        open(robot, LessonCatalog.MULTIPLIERS);
        assertFalse(treeVisible(robot.lookup("#counter-macs").query()), "no zero counters in lesson 7");
        assertEquals("", robot.lookup("#position").queryAs(Labeled.class).getText(), "no 'step 0 of 0'");
        var canvas = window.lessonsPage().canvas();
        javafx.geometry.Point2D target = null;
        for (double y = 0; y < canvas.canvas().getHeight() && target == null; y += 4) {
            for (double x = 0; x < canvas.canvas().getWidth() && target == null; x += 4) {
                var c = canvas.hits().choiceAt(x, y);
                if (c.isPresent() && c.get().alpha() == 0.5 && c.get().resolution() == 160) {
                    target = new javafx.geometry.Point2D(c.get().box().centerX(), c.get().box().centerY());
                }
            }
        }
        assertTrue(target != null, "the α = 0.5, 160 px cell is drawn");
        robot.clickOn(canvas.canvas().localToScreen(target));
        WaitForAsyncUtils.waitForFxEvents();
        var selected = vm().frame().multipliers().orElseThrow().selected();
        assertEquals(0.5, selected.alpha(), 1e-9);
        assertEquals(160, selected.resolution());
        String measured = robot.lookup("#multipliers-measured").queryAs(Labeled.class).getText();
        assertTrue(measured.contains(" ms "), measured);
        assertTrue(measured.contains("untrained"), "no trained α = 0.5 weights: " + measured);
    }

    /**
     * Waits until what changed is drawn: queued work, a layout pass (the skins put the labels' text into their
     * text nodes there), the side panel's fit it asks for, and the layout after that.
     */
    private void settle(FxRobot robot) {
        for (int i = 0; i < 2; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Puts the window on a projector of {@code w × h} in presenter mode. */
    private void present(FxRobot robot, int w, int h) {
        robot.interact(() -> {
            window.presenterProperty().set(true);
            stage.setFullScreen(false);
            window.presenterProperty().set(true);
            stage.setMaximized(false);
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Labels whose shown text is not their text: cut by the skin (it differs from {@code getText()}, or ends in the
     * skin's ellipsis string while the text does not).
     */
    private static List<String> elided(Node root) {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Node n : root.lookupAll(".text")) {
            if (!(n instanceof Text t) || !t.isVisible() || !(t.getParent() instanceof Labeled l)) {
                continue;
            }
            if (!l.isVisible() || l.getText() == null || l.getText().isEmpty() || !treeVisible(l)) {
                continue;
            }
            checked++;
            String shown = t.getText();
            boolean cut = !shown.equals(l.getText())
                    || shown.endsWith(l.getEllipsisString()) && !l.getText().endsWith(l.getEllipsisString());
            if (cut) {
                bad.add((l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + ": \"" + l.getText()
                        + "\" shown as \"" + shown + "\"");
            }
        }
        assertTrue(checked >= 10, "only " + checked + " labels found: the look-up is broken");
        return bad;
    }

    /** Scroll panes of the lesson's side panel (the panel itself included) whose content is taller than their view. */
    private List<String> scrolling(Node side) {
        List<String> bad = new ArrayList<>();
        List<Node> panes = new ArrayList<>(side.lookupAll(".scroll-pane"));
        if (!panes.contains(side)) {
            panes.add(side);
        }
        for (Node n : panes) {
            if (n instanceof ScrollPane sp && treeVisible(sp) && sp.getContent() != null) {
                double content = sp.getContent().getLayoutBounds().getHeight();
                double view = sp.getViewportBounds().getHeight();
                if (content > view + 0.5) {
                    bad.add((sp.getId() == null ? "side scroll pane" : "#" + sp.getId()) + ": content "
                            + Math.round(content) + " px in a " + Math.round(view) + " px view");
                }
            }
        }
        return bad;
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every lesson in every language, at its start, a tenth in and at its end (long counter values), on a {@code w × h}
     * projector in presenter mode with the first-run bar showing: no label elided, nothing in the side panel
     * needing the scroll bar, the first-run bar one line.
     */
    private void checkPresenter(FxRobot robot, int w, int h) {
        present(robot, w, h);
        assertTrue(window.presenterProperty().get());
        assertEquals(w, stage.getScene().getWidth(), 1, "scene width");
        assertEquals(h, stage.getScene().getHeight(), 1, "scene height");
        List<String> problems = new ArrayList<>();
        for (var lesson : LessonCatalog.all()) {
            for (Locale l : I18n.SUPPORTED) {
                robot.interact(() -> window.context().i18n().localeProperty().set(l));
                open(robot, lesson);
                Labeled barText = (Labeled) robot.lookup("#first-run-text").query();
                Node bar = robot.lookup("#first-run-bar").query();
                assertTrue(treeVisible(bar), "no weights in the test's folder: the first-run bar shows");
                double line = barText.getFont().getSize();
                if (barText.getHeight() > 2 * line || bar.getLayoutBounds().getHeight() > 2 * line + 20) {
                    problems.add("first-run bar in " + l + " at " + w + "×" + h + ": "
                            + Math.round(bar.getLayoutBounds().getHeight()) + " px high, its text "
                            + Math.round(barText.getHeight()) + " px at " + line + " px type");
                }
                for (String where : List.of("start", "a tenth", "end")) {
                    // a tenth in: "179,020 / 1,790,208", the longest done-of-total that once stayed on one line
                    robot.interact(() -> {
                        switch (where) {
                            case "a tenth" -> vm().seek(vm().frame().length() / 10);
                            case "end" -> vm().end();
                            default -> { }
                        }
                    });
                    settle(robot);
                    String at = lesson.id() + " in " + l + " at " + w + "×" + h + " (" + where + "): ";
                    elided(stage.getScene().getRoot()).forEach(b -> problems.add(at + b));
                    scrolling(window.lessonsPage().getRight()).forEach(b -> problems.add(at + b));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void presenterModeElidesNoLabelAt1280x720(FxRobot robot) {
        checkPresenter(robot, 1280, 720);
    }

    @Test
    void presenterModeElidesNoLabelAt1920x1080(FxRobot robot) {
        checkPresenter(robot, 1920, 1080);
    }

    /** Keeps only the strings drawn. */
    private record TextRecorder(List<String> texts) implements Painter {
        @Override public double width() { return 1280; }
        @Override public double height() { return 720; }
        @Override public void fillRect(double x, double y, double w, double h, int argb) { }
        @Override public void strokeRect(double x, double y, double w, double h, int argb, double lw) { }
        @Override public void line(double x1, double y1, double x2, double y2, int argb, double lw) { }
        @Override public void text(String s, double x, double y, double size, boolean bold, int argb, Align a) {
            texts.add(s);
        }
        @Override public double textWidth(String s, double size, boolean bold) { return s.length() * size * 0.6; }
        @Override public void image(Raster r, double x, double y, double w, double h) { }
        @Override public void pushClip(double x, double y, double w, double h) { }
        @Override public void popClip() { }
    }
}
