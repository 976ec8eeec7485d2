package lab.mobilenet.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code weights}: pretrained weights in the Hugging Face cache (shared with Python's {@code huggingface_hub})
 * and the app's folder: list, download (from the hub or {@code HF_ENDPOINT}), verify, import.
 */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = "Pretrained weights: list, download from the Hugging Face hub (or HF_ENDPOINT), verify, import.",
        subcommands = {WeightsListCommand.class, WeightsDownloadCommand.class, WeightsVerifyCommand.class,
                WeightsImportCommand.class})
final class WeightsCommand implements Runnable {

    @ParentCommand
    Cli cli;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (list, download, verify, import)");
    }

    WeightsStore store() {
        return WeightsStore.of(cli);
    }
}
