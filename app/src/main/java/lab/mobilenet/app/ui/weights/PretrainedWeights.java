package lab.mobilenet.app.ui.weights;

import lab.mobilenet.app.ui.concurrent.Background;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.engine.checkpoint.CheckpointBinder;
import lab.mobilenet.engine.checkpoint.CheckpointFit;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.engine.hub.HubSource;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.Weights;

/**
 * The app's trained weights, when there are any on this machine: real timm checkpoints of the width-1.0
 * networks with published weights, found offline by {@link LocalCheckpoints} or imported by the user. Binding runs on the compute
 * executor; the result is published on the UI executor as one immutable map, so readers never see a map that
 * is half updated. Nothing here ever throws at the user: every problem becomes one line for the status bar.
 */
public final class PretrainedWeights {

    /** The networks the app binds weights for (the lessons, explorer and classify page use them), at width 1.0. */
    public static final List<Architecture> NETWORKS = Architecture.MOBILENETS;

    /** Where their weights come from, in the same order: the rows of the Weights page. */
    public static final List<HubSource> SOURCES = HubSource.of(NETWORKS);

    private final LocalCheckpoints checkpoints;
    private final UiExecutors executors;
    private final ReadOnlyObjectWrapper<Map<Architecture, Weights>> loaded =
            new ReadOnlyObjectWrapper<>(this, "loaded", Map.of());

    public PretrainedWeights(LocalCheckpoints checkpoints, UiExecutors executors) {
        this.checkpoints = checkpoints;
        this.executors = executors;
    }

    /** timm's name of a network at width 1.0, e.g. {@code mobilenetv2_100}. */
    public static String timmName(Architecture a) {
        return a.timmName(1.0);
    }

    /**
     * Looks for a checkpoint of each network in the app's folder and the Hugging Face cache and binds those
     * found, in the background. {@code problem} receives one line per file that could not be used.
     */
    public void findInstalled(Consumer<String> problem) {
        executors.compute().execute(() -> {
            Map<Architecture, Weights> found = new EnumMap<>(Architecture.class);
            List<String> problems = new ArrayList<>();
            for (Architecture a : NETWORKS) {
                try {
                    var file = checkpoints.find(timmName(a));
                    if (file.isPresent()) {
                        found.put(a, bind(a, file.get()));
                    }
                } catch (Throwable e) { // NOPMD: every failure becomes a line for the status bar
                    problems.add(timmName(a) + ": " + Background.describe(e));
                }
            }
            executors.ui().execute(() -> {
                publish(found);
                problems.forEach(problem);
            });
        });
    }

    /**
     * Tries {@code file} against each network in the background. When one fits, the file is copied into the app's
     * folder under that network's name (to {@code .part} first, then moved atomically, so a half-copied file is
     * never found), the weights are published and {@code done} hears which network it was. When none fits,
     * nothing is written and {@code failed} gets one line: the checkpoint reader's reason for the closest fit.
     */
    public void importFile(Path file, Consumer<Architecture> done, Consumer<String> failed) {
        executors.compute().execute(() -> {
            Architecture fitted = null;
            Weights weights = null;
            String failure;
            try {
                CheckpointFit.Bound bound = CheckpointFit.bindFirst(file, NETWORKS);
                fitted = bound.architecture();
                weights = bound.weights();
                failure = bound.reason();
            } catch (Throwable e) { // NOPMD: every failure becomes a line for the user
                failure = Background.describe(e);
            }
            if (fitted != null) {
                try {
                    checkpoints.store(file, timmName(fitted));
                    failure = null;
                } catch (Throwable e) { // the UI callback below must run whatever went wrong
                    failure = "could not keep " + file.getFileName() + ": " + Background.describe(e);
                    weights.close(); // not published: nobody else will free it
                }
            }
            Architecture a = fitted;
            Weights w = weights;
            String msg = failure;
            executors.ui().execute(() -> {
                if (msg != null) {
                    failed.accept(msg);
                    return;
                }
                Map<Architecture, Weights> next = new EnumMap<>(Architecture.class);
                next.putAll(loaded.get());
                next.put(a, w);
                publish(next);
                done.accept(a);
            });
        });
    }

    /**
     * Binds a file just downloaded for {@code a} in the background and publishes it; {@code failed} gets one line
     * when it does not fit.
     */
    public void bindFile(Architecture a, Path file, Runnable done, Consumer<String> failed) {
        Background.run(executors.compute(), executors.ui(), () -> bind(a, file), (w, failure) -> {
            if (failure != null) {
                failed.accept(timmName(a) + ": " + failure);
                return;
            }
            Map<Architecture, Weights> next = new EnumMap<>(Architecture.class);
            next.put(a, w);
            publish(next);
            done.run();
        });
    }

    private static Weights bind(Architecture a, Path file) throws Exception {
        return CheckpointBinder.load(NetworkBuilder.build(a, 1.0), file);
    }

    /**
     * Replaces the published map. Weights that a new binding replaces are closed: their off-heap memory is
     * freed now, or when a lesson still running on them finishes ({@link Weights#acquire()}).
     */
    private void publish(Map<Architecture, Weights> next) {
        Map<Architecture, Weights> previous = loaded.get();
        Map<Architecture, Weights> merged = new EnumMap<>(Architecture.class);
        merged.putAll(previous);
        merged.putAll(next);
        loaded.set(Collections.unmodifiableMap(merged));
        for (Map.Entry<Architecture, Weights> e : previous.entrySet()) {
            if (merged.get(e.getKey()) != e.getValue()) {
                e.getValue().close();
            }
        }
    }

    /** The bound weights by network; an immutable snapshot, replaced as a whole on the UI thread. */
    public ReadOnlyObjectProperty<Map<Architecture, Weights>> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public Map<Architecture, Weights> loaded() {
        return loaded.get();
    }

    public LocalCheckpoints checkpoints() {
        return checkpoints;
    }
}
