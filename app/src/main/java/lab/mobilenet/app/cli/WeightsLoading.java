package lab.mobilenet.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import lab.mobilenet.engine.checkpoint.CheckpointBinder;
import lab.mobilenet.engine.checkpoint.CheckpointFormatException;
import lab.mobilenet.engine.checkpoint.CheckpointMismatchException;
import lab.mobilenet.engine.hub.HubSource;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;

/**
 * The weights a command runs with: {@code --weights FILE}; else {@code --untrained}, the seeded initialisation;
 * else what {@code weights download} or {@code weights import} stored for the network. The file used is named on
 * stderr.
 */
final class WeightsLoading {

    static final long SEED = 42;

    /** What to do when no weights are given, asked for or stored. */
    enum WhenMissing {
        /** A user error that says how to get them (classify: untrained answers are meaningless). */
        FAIL,
        /** The seeded initialisation, with a note (bench: the speed does not depend on the values; export). */
        UNTRAINED
    }

    /** The weights and whether they are the seeded initialisation. */
    record Loaded(Weights weights, boolean untrained) {
    }

    private WeightsLoading() {
    }

    static Loaded load(Network network, Path file, boolean untrained, Cli cli, PrintWriter err, WhenMissing missing) {
        if (file != null && untrained) {
            throw new UserInputException("--weights and --untrained exclude each other");
        }
        if (untrained) {
            return new Loaded(SeededWeights.create(network, SEED), true);
        }
        if (file == null) {
            Optional<Path> stored = WeightsStore.of(cli).find(network.name());
            if (stored.isEmpty()) {
                if (missing == WhenMissing.UNTRAINED) {
                    err.println("note: no weights for " + network.name() + " on this machine; using the seeded "
                            + "untrained initialisation ('weights download' fetches them)");
                    return new Loaded(SeededWeights.create(network, SEED), true);
                }
                throw new UserInputException(howToGet(network.name()));
            }
            file = stored.get();
        }
        Weights w = bind(network, file);
        err.println("weights: " + file);
        return new Loaded(w, false);
    }

    /** One line saying how to get weights for {@code timmName}. */
    static String howToGet(String timmName) {
        return HubSource.forModel(timmName).isPresent()
                ? "no weights for " + timmName + " on this machine: run 'mobilenet-lab weights download " + timmName
                        + "' (or give --weights FILE, or --untrained for the seeded initialisation)"
                : "no weights for " + timmName + " on this machine and no hub source known for it: give --weights FILE "
                        + "(a timm model.safetensors), or --untrained for the seeded initialisation";
    }

    /** Binds {@code file} to {@code network}; every failure is one line for the user. */
    private static Weights bind(Network network, Path file) {
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
