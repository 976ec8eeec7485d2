package lab.mobilenet.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.mobilenet.engine.checkpoint.CheckpointBinder;
import lab.mobilenet.engine.checkpoint.CheckpointFormatException;
import lab.mobilenet.engine.checkpoint.CheckpointMismatchException;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;

/** {@code --weights FILE} or, without it, the seeded untrained initialisation. */
final class WeightsLoading {

    static final long SEED = 42;

    private WeightsLoading() {
    }

    static Weights load(Network network, Path file) {
        if (file == null) {
            return SeededWeights.create(network, SEED);
        }
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": no such file");
        }
        try {
            return CheckpointBinder.load(network, file);
        } catch (CheckpointFormatException | CheckpointMismatchException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
