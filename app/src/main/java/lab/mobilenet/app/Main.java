package lab.mobilenet.app;

import java.util.Map;
import lab.mobilenet.app.cli.Cli;
import lab.mobilenet.app.ui.MobileNetLabApp;
import lab.mobilenet.engine.runtime.NativeSelection;

/**
 * Entry point of {@code mobilenet-lab.jar}: with no arguments, or only launch options such as
 * {@code --lesson=groups} and photo paths, it opens the desktop app; with a subcommand ({@code summary},
 * {@code classify}, {@code bench}, {@code export}, ...) it runs headless.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // before anything touches ND4J: once JavaCPP has loaded libnd4j the build cannot change
        NativeSelection.apply();
        if (!LaunchDispatch.isCommand(args)) {
            if (!LaunchDispatch.hasDisplay(System.getenv(), System.getProperty("os.name", ""))) {
                System.err.println(LaunchDispatch.NO_DISPLAY_MESSAGE);
                System.exit(Cli.BAD_INPUT);
            }
            // JavaFX classes load only here: the command line below runs without a display.
            MobileNetLabApp.launchDesktop(args);
            return;
        }
        System.exit(Cli.run(args));
    }

    /** Decides between the window and the command line, from the arguments alone (tested without a screen). */
    static final class LaunchDispatch {

        static final String NO_DISPLAY_MESSAGE = "error: no display to open the window on; the commands "
                + "summary, inspect, classify, bench, export, weights (and --help) run without one";

        private LaunchDispatch() {
        }

        /**
         * True when the first argument names a subcommand or a command-line option ({@code --help},
         * {@code --version}); false for none, for the window's {@code --name=value} launch options, and for
         * photo paths (which the window opens).
         */
        static boolean isCommand(String[] args) {
            if (args.length == 0) {
                return false;
            }
            String first = args[0];
            if (first.equals("-h") || first.equals("--help") || first.equals("-V") || first.equals("--version")) {
                return true;
            }
            if (first.startsWith("--")) {
                return false;
            }
            return Cli.isSubcommand(first);
        }

        /** Whether a window can open: always on Windows and macOS, on other systems when X11 or Wayland is named. */
        static boolean hasDisplay(Map<String, String> env, String osName) {
            String os = osName.toLowerCase(java.util.Locale.ROOT);
            if (os.contains("win") || os.contains("mac")) {
                return true;
            }
            return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }
}
