package lab.mobilenet.app.cli;

import lab.mobilenet.engine.model.ModelName;
import picocli.CommandLine.Option;

/** {@code --model} and {@code --width}, shared by the commands. */
final class ModelOptions {

    @Option(names = {"-m", "--model"}, required = true, completionCandidates = Families.class,
            description = "${COMPLETION-CANDIDATES}, or a timm name such as mobilenetv2_140")
    String model;

    /** The families' names, read from the engine's data, for the help text. */
    static final class Families implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ModelName.familyNames().iterator();
        }
    }

    @Option(names = {"-w", "--width"}, description = "width multiplier α (default: from the name, else 1.0)")
    Double width;

    @Option(names = "--verbose", description = "show stack traces of errors")
    boolean verbose;

    ModelName parse() {
        try {
            return ModelName.parse(model, width);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
