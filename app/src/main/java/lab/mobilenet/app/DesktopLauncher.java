package lab.mobilenet.app;

/**
 * Starts the JavaFX desktop app. Looked up by name so that the command line never loads JavaFX classes
 * (it runs on servers without a display).
 */
final class DesktopLauncher {

    private static final String APP_CLASS = "lab.mobilenet.app.ui.MobileNetLabApp";

    private DesktopLauncher() {
    }

    static void launch(String[] args) {
        try {
            Class.forName(APP_CLASS).getMethod("launchDesktop", String[].class).invoke(null, (Object) args);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("error: cannot start the desktop app: " + cause);
            System.exit(1);
        }
    }
}
