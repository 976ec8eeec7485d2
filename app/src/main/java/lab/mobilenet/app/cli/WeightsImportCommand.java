package lab.mobilenet.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.mobilenet.engine.checkpoint.CheckpointFit;
import lab.mobilenet.engine.model.Architecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code weights import FILE}: finds the network the file fits, then keeps a copy in the app's folder. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Check a .safetensors file against the four networks and store it for the one it fits.")
final class WeightsImportCommand implements Callable<Integer> {

    @ParentCommand
    WeightsCommand parent;

    @Parameters(paramLabel = "FILE", description = "a timm model.safetensors")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": no such file");
        }
        CheckpointFit.Result fit = CheckpointFit.of(file, Architecture.withPublishedWeights());
        if (!fit.fits()) {
            throw new UserInputException(file + ": fits none of the four networks; closest: " + Cli.oneLine(fit.reason()));
        }
        String name = fit.architecture().timmName(1.0);
        WeightsStore store = parent.store();
        Path stored;
        try {
            stored = store.local().store(file, name);
        } catch (IOException e) {
            throw new UserInputException("cannot store " + file + " in " + store.local().appFolder() + ": "
                    + e.getMessage(), e);
        }
        spec.commandLine().getOut().println(file + ": " + name + ", stored as " + stored);
        return 0;
    }
}
