package lab.mobilenet.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import lab.mobilenet.engine.runtime.NativeSelection;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code summary}, {@code inspect}, {@code classify}, {@code bench}, {@code export}, {@code weights}.
 * The environment (hub cache, mirror, offline mode) is passed in, so tests never read the user's own.
 */
@Command(name = "mobilenet-lab", mixinStandardHelpOptions = true, version = "MobileNet Lab 0.1.0",
        description = "Efficient convolutional networks, counted and run. Without a command the desktop app opens.",
        subcommands = {SummaryCommand.class, InspectCommand.class, ClassifyCommand.class, BenchCommand.class,
            ExportCommand.class, WeightsCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    /** Exit status for bad usage or bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment variables the commands read (HF_HUB_CACHE, HF_ENDPOINT, HF_HUB_OFFLINE, ...). */
    private final Map<String, String> env;
    private final Path home;

    Cli(Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    }

    Map<String, String> env() {
        return env;
    }

    Path home() {
        return home;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (summary, inspect, classify, bench, export, weights)");
    }

    /** Runs the command line and returns the exit status: 0 ok, 2 bad usage or input, 1 a bug. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)} with the given environment instead of the process's. */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        NativeSelection.apply(); // no-op after Main's call; here for callers that come straight to the CLI
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        CommandLine cl = new CommandLine(new Cli(env));
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
        return new CommandLine(new Cli(Map.of())).getSubcommands().containsKey(word);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
