package lab.mobilenet.app.ui.shell;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.AppContext;
import lab.mobilenet.app.ui.i18n.I18n;
import lab.mobilenet.app.ui.theme.Styles;
import lab.mobilenet.app.ui.theme.Theme;

/**
 * The window's first frame: one line on the theme's background, shown before the main window is built.
 * Building that takes about a second of the JavaFX thread on a cold JVM (controls, CSS, the first lesson), so
 * without this the window would appear only after it; with it the window is on screen as soon as the smallest
 * JavaFX app's would be, and the main window replaces this scene in the next turn of the FX thread.
 */
public final class StartupScene {

    /**
     * Pulses to let through after the window is shown before the FX thread is given to the build. The first
     * few do not reach the screen (the window is still being mapped and maximised): under Xvfb on a loaded
     * machine this scene was on screen after 10 and not after 3 (tools/cold_start.py). 10 pulses are 1/6 s at 60 Hz.
     */
    private static final int FRAMES_BEFORE_BUILD = 10;
    /** And at least this long: on a machine loaded to 25 on 2 cores, 10 pulses sometimes came before the frame. */
    private static final long MIN_NANOS_BEFORE_BUILD = 250_000_000L;

    private StartupScene() {
    }

    /** Shows {@code stage} with the startup scene, then runs {@code build} once that scene is on screen. */
    static void showThen(Stage stage, I18n i18n, Theme theme, Runnable build) {
        Label line = new Label(i18n.get("scene.loading"));
        line.getStyleClass().add("startup-line");
        StackPane root = new StackPane(line);
        root.setId("startup-root");
        // the main window's size, capped by the screen: a 1600×1000 window on a 1280×720 projector is centred at
        // (−160, −140), and where no window manager maximises it the main window then stays there, cut off
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        Styles.apply(scene, theme, false);
        // Build only once this scene has been drawn: while the FX thread builds it handles no expose events, so
        // a build started at the first layout left the window blank until the main window was ready.
        AnimationTimer frames = new AnimationTimer() {
            private int seen;

            private long first;

            @Override
            public void handle(long now) {
                first = seen == 0 ? now : first;
                if (++seen >= FRAMES_BEFORE_BUILD && now - first >= MIN_NANOS_BEFORE_BUILD) {
                    stop();
                    Platform.runLater(build);
                }
            }
        };
        stage.setOnShown(e -> {
            stage.setOnShown(null);
            frames.start();
        });
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(scene);
        stage.setMaximized(true);
        stage.show();
    }

    /** For {@code MobileNetLabApp}: the startup scene, then {@link MainWindow#open}. */
    public static void open(Stage stage, AppContext context) {
        showThen(stage, context.i18n(), context.start().theme(), () -> MainWindow.open(stage, context));
    }
}
