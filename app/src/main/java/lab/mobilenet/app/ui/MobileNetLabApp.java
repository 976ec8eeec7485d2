package lab.mobilenet.app.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import lab.mobilenet.app.ui.shell.StartOptions;
import lab.mobilenet.app.ui.shell.StartupScene;

/**
 * The desktop application: shows the window at once, then warms the engine up in the background.
 * {@code lab.mobilenet.app.Main} calls {@link #launchDesktop(String[])} when it is given no arguments.
 */
public final class MobileNetLabApp extends Application {

    private AppContext context;

    /** Used by the JavaFX launcher: production executors, system language, ND4J warm-up. */
    public MobileNetLabApp() {
        this(null);
    }

    /** For tests: any context. */
    public MobileNetLabApp(AppContext context) {
        this.context = context;
    }

    /** Starts the JavaFX toolkit and opens the window; returns when the window is closed. */
    public static void launchDesktop(String[] args) {
        Application.launch(MobileNetLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        if (context == null) {
            context = AppContext.production(StartOptions.parse(getParameters().getNamed(),
                    getParameters().getUnnamed()));
        }
        StartupScene.open(stage, context); // the window at once, MainWindow built behind its first frame
    }
}
