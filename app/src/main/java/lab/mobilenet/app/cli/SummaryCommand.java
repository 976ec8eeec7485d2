package lab.mobilenet.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.keras.KerasModel;
import lab.mobilenet.engine.keras.KerasText;
import lab.mobilenet.engine.model.ModelName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code summary}: every layer's shapes, MACs, params and bytes, from shapes alone; or, for a Keras-style net
 * ({@code --model keras_separable_example} or {@code --model-file net.txt}), Keras's {@code model.summary()}
 * beside the same net with standard convolutions.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Per-layer table of shapes, multiply-accumulates, parameters and bytes moved, with totals.")
final class SummaryCommand implements Callable<Integer> {

    static final String KERAS_EXAMPLE = "keras_separable_example";
    private static final long MAX_MODEL_FILE = 1 << 20;

    @Option(names = {"-m", "--model"}, completionCandidates = ModelOptions.Families.class,
            description = "${COMPLETION-CANDIDATES}, a timm name such as mobilenetv2_140, or " + KERAS_EXAMPLE)
    String model;

    @Option(names = "--model-file", paramLabel = "<file>",
            description = "a Keras-style net, one layer per line: Input(shape=(64, 64, 3)), "
                    + "SeparableConv2D(32, 3, activation='relu'), MaxPooling2D(), GlobalAveragePooling2D(), Dense(10)...")
    Path modelFile;

    @Option(names = {"-w", "--width"}, description = "width multiplier α (default: from the name, else 1.0)")
    Double width;

    @Option(names = "--verbose", description = "show stack traces of errors")
    boolean verbose;

    @Option(names = {"-r", "--resolution"},
            description = "input height and width (default: the family's, 224; legacy_xception 299)")
    Integer resolution;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table, json or csv (default table)")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (model == null && modelFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--model=<model>' (or --model-file=<file>)");
        }
        if (model != null && modelFile != null) {
            throw new UserInputException("give --model or --model-file, not both");
        }
        String text;
        if (modelFile != null || KERAS_EXAMPLE.equals(model)) {
            text = keras(modelFile == null ? KerasModel.separableExample() : readKeras(modelFile));
        } else {
            text = timm();
        }
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String timm() {
        ModelName name;
        try {
            name = ModelName.parse(model, width);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        int r = resolution != null ? resolution : name.architecture().family().preprocessing().resolution();
        if (r < 32 || r > 4096) {
            throw new UserInputException("resolution must be between 32 and 4096, got " + r);
        }
        ModelSummary summary;
        try {
            summary = ModelSummary.of(name.build(), r);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(name.timmName() + " at " + r + "×" + r + ": " + e.getMessage(), e);
        }
        return switch (format) {
            case "table" -> SummaryFormat.table(summary);
            case "csv" -> SummaryFormat.csv(summary);
            case "json" -> SummaryFormat.json(summary);
            default -> throw new UserInputException("unknown format '" + format + "' (table, json or csv)");
        };
    }

    private String keras(KerasModel m) {
        if (width != null || resolution != null) {
            throw new UserInputException("--width and --resolution do not apply to a Keras-style net "
                    + "(its Input line gives the shape)");
        }
        if (!format.equals("table")) {
            throw new UserInputException("a Keras-style net is summarised as a table only");
        }
        try {
            return KerasSummaryFormat.text(m);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(m.name() + ": " + e.getMessage(), e);
        }
    }

    private static KerasModel readKeras(Path file) {
        try {
            if (Files.size(file) > MAX_MODEL_FILE) {
                throw new UserInputException(file + ": larger than 1 MB, not a layer list");
            }
            String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            return KerasText.parse(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        }
    }
}
