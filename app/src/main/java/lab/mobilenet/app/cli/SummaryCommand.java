package lab.mobilenet.app.cli;

import java.util.concurrent.Callable;
import lab.mobilenet.engine.cost.ModelSummary;
import lab.mobilenet.engine.model.ModelName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code summary}: every layer's shapes, MACs, params and bytes, from shapes alone. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Per-layer table of shapes, multiply-accumulates, parameters and bytes moved, with totals.")
final class SummaryCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = {"-r", "--resolution"}, defaultValue = "224", description = "input height and width (default 224)")
    int resolution;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table, json or csv (default table)")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelName name = modelOptions.parse();
        if (resolution < 32 || resolution > 4096) {
            throw new UserInputException("resolution must be between 32 and 4096, got " + resolution);
        }
        ModelSummary summary = ModelSummary.of(name.build(), resolution);
        String text = switch (format) {
            case "table" -> SummaryFormat.table(summary);
            case "csv" -> SummaryFormat.csv(summary);
            case "json" -> SummaryFormat.json(summary);
            default -> throw new UserInputException("unknown format '" + format + "' (table, json or csv)");
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
