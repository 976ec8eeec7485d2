package lab.mobilenet.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code summary}, {@code classify}, {@code bench}, {@code export}. */
@Command(name = "mobilenet-lab", mixinStandardHelpOptions = true, version = "MobileNet Lab 0.1.0",
        description = "Efficient convolutional networks, counted and run. Without a command the desktop app opens.",
        subcommands = {SummaryCommand.class, InspectCommand.class, ClassifyCommand.class, BenchCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    /** Exit status for bad usage or bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (summary, classify, bench, export)");
    }

    /** Runs the command line and returns the exit status: 0 ok, 2 bad usage or input, 1 a bug. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof UserInputException ? BAD_INPUT : 1);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + oneLine(ex.getMessage()) + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UserInputException) {
                err.println("error: " + oneLine(ex.getMessage()));
                if (verbose) {
                    ex.printStackTrace(err);
                }
                return BAD_INPUT;
            }
            err.println("error: internal error (a bug): " + oneLine(String.valueOf(ex)));
            if (verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("Run again with --verbose for the stack trace.");
            }
            return 1;
        });
        return cl.execute(args);
    }

    /** Whether {@code word} names one of the subcommands (or picocli's {@code help}). */
    public static boolean isSubcommand(String word) {
        return new CommandLine(new Cli()).getSubcommands().containsKey(word);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
