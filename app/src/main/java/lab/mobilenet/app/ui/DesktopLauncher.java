package lab.mobilenet.app.ui;

/**
 * Plain entry point for running the window from the shaded jar before {@code Main} dispatches to it
 * ({@code java -cp mobilenet-lab.jar lab.mobilenet.app.ui.DesktopLauncher}). It is not an
 * {@code Application} subclass so the class-path JavaFX runtime starts without a module path.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        MobileNetLabApp.launchDesktop(args);
    }
}
