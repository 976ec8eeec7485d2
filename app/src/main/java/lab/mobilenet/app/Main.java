package lab.mobilenet.app;

import lab.mobilenet.app.cli.Cli;

/**
 * Entry point of {@code mobilenet-lab.jar}: with no arguments it opens the desktop app, with a
 * subcommand ({@code summary}, {@code classify}, {@code bench}, {@code export}) it runs headless.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesktopLauncher.launch(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
