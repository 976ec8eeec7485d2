package lab.mobilenet.app;

import lab.mobilenet.app.cli.Cli;
import lab.mobilenet.app.ui.MobileNetLabApp;

/**
 * Entry point of {@code mobilenet-lab.jar}: with no arguments it opens the desktop app, with a
 * subcommand ({@code summary}, {@code classify}, {@code bench}, {@code export}) it runs headless.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // JavaFX classes load only here: the command line below runs without a display.
            MobileNetLabApp.launchDesktop(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
