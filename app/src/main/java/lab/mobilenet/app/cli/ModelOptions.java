package lab.mobilenet.app.cli;

import lab.mobilenet.engine.model.ModelName;
import picocli.CommandLine.Option;

/** {@code --model} and {@code --width}, shared by the commands. */
final class ModelOptions {

    @Option(names = {"-m", "--model"}, required = true,
            description = "mobilenetv1, mobilenetv2, mobilenetv3_large, mobilenetv3_small, conv_mobilenetv1, "
                    + "or a timm name such as mobilenetv2_140")
    String model;

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
