package lab.mobilenet.app.ui.explorer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import lab.mobilenet.app.ui.concurrent.Background;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.lessons.RealLayerLesson;
import lab.mobilenet.app.ui.photo.BundledPhotos;
import lab.mobilenet.app.ui.photo.Photo;
import lab.mobilenet.app.ui.photo.PhotoDecoder;
import lab.mobilenet.engine.classify.PretrainedConfigs;
import lab.mobilenet.engine.image.ModelInput;
import lab.mobilenet.engine.image.PreprocessConfig;
import lab.mobilenet.engine.image.Preprocessor;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.InspectionPlan;
import lab.mobilenet.engine.inspect.InspectionRow;
import lab.mobilenet.engine.inspect.Inspector;
import lab.mobilenet.engine.inspect.ModuleSpan;
import lab.mobilenet.engine.inspect.RooflineProbe;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import lab.mobilenet.lessons.RealLayerSource;

/**
 * The Explorer's state, without any JavaFX node: which network (architecture, width α, resolution) runs on
 * which photo, how far the run has been stepped, and what the user selected. A run goes on the
 * {@code runner} executor (one thread, because a paused run waits there at its {@link StepGate}); every
 * partial result comes back as an immutable {@link Inspection} through the UI executor, tagged with a
 * generation number so that the results of a run that was replaced (new photo, new network) are dropped.
 */
public final class ExplorerViewModel {

    /** The seed of the untrained initialisation (the command line's too). */
    public static final long SEED = 42;

    private final UiExecutors executors;
    private final Executor runner;
    private final ObjectProperty<Architecture> architecture = new SimpleObjectProperty<>(this, "architecture",
            Architecture.MOBILENET_V2);
    private final DoubleProperty width = new SimpleDoubleProperty(this, "width", 1.0);
    private final IntegerProperty resolution = new SimpleIntegerProperty(this, "resolution", 224);
    private final ObjectProperty<Map<Architecture, Weights>> pretrained = new SimpleObjectProperty<>(this, "pretrained",
            Map.of());
    private final ReadOnlyObjectWrapper<Photo> photo = new ReadOnlyObjectWrapper<>(this, "photo");
    private final ReadOnlyObjectWrapper<InspectionPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyObjectWrapper<StepCounters> counters = new ReadOnlyObjectWrapper<>(this, "counters",
            StepCounters.NONE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper untrained = new ReadOnlyBooleanWrapper(this, "untrained", true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<RooflineProbe> roof = new ReadOnlyObjectWrapper<>(this, "roof");
    private boolean measuring;
    private final ReadOnlyObjectWrapper<Map<String, double[]>> latency = new ReadOnlyObjectWrapper<>(this, "latency",
            Map.of());
    private final ReadOnlyBooleanWrapper measuringLatency = new ReadOnlyBooleanWrapper(this, "measuringLatency");

    /** The batch sizes of the latency chart. */
    public static final int[] BATCHES = {1, 2, 4, 8, 16, 32};
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final Map<String, Weights> seeded = new HashMap<>(); // touched on the runner thread only
    private final Set<String> warmed = new HashSet<>(); // runner thread only
    private int cursor;
    private int requested;
    private long generation;
    private StepGate gate;
    private CancellationToken token;
    private boolean alive;
    private int stepsAfterLoad;
    private boolean choosing;
    /** The current run's preprocessed input and weights (UI thread): "open in lesson" cuts its layer from them. */
    private ModelInput runInput;
    /** A layer to step up to once the network and the photo are there ({@link #stepTo}), or null. */
    private String pendingLayer;
    private Weights runWeights;

    public ExplorerViewModel(UiExecutors executors, Executor runner) {
        this.executors = executors;
        this.runner = runner;
        architecture.addListener((o, a, b) -> restartUnlessChoosing());
        width.addListener((o, a, b) -> restartUnlessChoosing());
        resolution.addListener((o, a, b) -> restartUnlessChoosing());
        pretrained.addListener((o, was, now) -> {
            if (untrained.get() && weightsFor(now) != null) {
                // the trained weights arrived after the run started: run again, as far as the user had asked
                int keep = Math.max(requested, stepsAfterLoad);
                restart();
                if (keep > 0) {
                    steps(keep);
                }
            }
        });
    }

    /** The executors this model runs its background work on (views colour their maps there too). */
    UiExecutors executors() {
        return executors;
    }

    // ---- inputs ------------------------------------------------------------------------------------

    /** Decodes a bundled photo in the background, then restarts the run on it. */
    public void loadBundledPhoto(String name) {
        decode(() -> BundledPhotos.load(name));
    }

    /** Decodes a photo file (opened or dropped) in the background, then restarts the run on it. */
    public void openPhoto(Path file) {
        decode(() -> PhotoDecoder.decode(file));
    }

    private void decode(java.util.concurrent.Callable<Photo> work) {
        Background.run(executors.compute(), executors.ui(), work, (p, failure) -> {
            if (failure != null) {
                error.set(failure);
                return;
            }
            photo.set(p);
            restart();
        });
    }

    /** Switches network, width and resolution at once: one restart, however many of them changed. */
    public void choose(Architecture arch, double alpha, int res) {
        choosing = true;
        try {
            architecture.set(arch);
            width.set(alpha);
            resolution.set(res);
        } finally {
            choosing = false;
        }
        restart();
    }

    // ---- stepping -----------------------------------------------------------------------------------

    /** One more layer: shown at once when it already ran, otherwise the paused run is let through it. */
    public void next() {
        InspectionPlan p = plan.get();
        if (p == null && photo.get() != null) {
            stepsAfterLoad++; // the new network is still being built: the step is taken when it is there
            return;
        }
        if (p == null || photo.get() == null) {
            return;
        }
        List<ModuleSpan> layers = p.layerRows();
        int computed = computed();
        if (cursor < computed) {
            moveCursor(cursor + 1);
            return;
        }
        if (cursor >= layers.size()) {
            return;
        }
        if (!alive) {
            int want = cursor + 1;
            startRun(); // after a cancel: run again from the first layer, up to where the user was
            requested = want;
            gate.allowThrough(layers.get(want - 1).last());
            return;
        }
        requested = Math.min(layers.size(), Math.max(requested, cursor) + 1); // steps asked for add up
        gate.allowThrough(layers.get(requested - 1).last());
    }

    /** One layer back (the run is not undone; its results stay). */
    public void previous() {
        if (cursor > 0) {
            moveCursor(cursor - 1);
        }
    }

    /** Back to before the first layer. */
    public void home() {
        moveCursor(0);
    }

    /** Lets the run go to the end without stopping. */
    public void runToEnd() {
        InspectionPlan p = plan.get();
        if (p == null && photo.get() != null) {
            stepsAfterLoad = Integer.MAX_VALUE; // as soon as the new network is built
            return;
        }
        if (p == null || photo.get() == null) {
            return;
        }
        if (!alive && computed() < p.layerRows().size()) {
            startRun();
        }
        requested = p.layerRows().size();
        if (gate != null) {
            gate.openFully();
        }
        moveCursor(Math.max(cursor, computed()));
    }

    /** Stops the run at the next layer boundary; what ran stays visible. */
    public void cancel() {
        stopRun();
        requested = computed();
    }

    /** Measures this machine's sgemm peak and copy bandwidth in the background (once at a time). */
    public void measureRoof() {
        if (measuring) {
            return;
        }
        measuring = true;
        Background.run(executors.compute(), executors.ui(), RooflineProbe::measure, (r, failure) -> {
            measuring = false;
            if (failure != null) {
                error.set(failure);
            } else {
                roof.set(r);
            }
        });
    }

    /**
     * Measures the current network's time per image at every batch size of {@link #BATCHES} in the
     * background (on the trained weights when bound, else the seeded ones) and adds the curve to
     * {@link #latencyProperty()}, keyed by network name and resolution.
     */
    public void measureLatency() {
        if (measuringLatency.get() || plan.get() == null) {
            return;
        }
        measuringLatency.set(true);
        Network net = plan.get().network();
        int res = plan.get().height();
        Weights trained = weightsFor(pretrained.get());
        String key = net.name() + " @" + res;
        Background.run(executors.compute(), executors.ui(), () -> {
            if (trained != null) {
                return lab.mobilenet.engine.inspect.BatchLatency.perImageMillis(net, trained, res, BATCHES, 3,
                        CancellationToken.NEVER, null);
            }
            try (Weights w = SeededWeights.create(net, SEED)) {
                return lab.mobilenet.engine.inspect.BatchLatency.perImageMillis(net, w, res, BATCHES, 3,
                        CancellationToken.NEVER, null);
            }
        }, (ms, failure) -> {
            measuringLatency.set(false);
            if (failure != null) {
                error.set(failure);
                return;
            }
            Map<String, double[]> next = new java.util.LinkedHashMap<>(latency.get());
            next.put(key, ms);
            latency.set(java.util.Collections.unmodifiableMap(next));
        });
    }

    /** Milliseconds per image for each of {@link #BATCHES}, by "network @resolution", in the order measured. */
    public ReadOnlyObjectProperty<Map<String, double[]>> latencyProperty() {
        return latency.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty measuringLatencyProperty() {
        return measuringLatency.getReadOnlyProperty();
    }

    /** Runs {@code work} (e.g. writing an export) in the background; {@code done} hears null or a one-line reason. */
    public void inBackground(Runnable work, java.util.function.Consumer<String> done) {
        Background.run(executors.compute(), executors.ui(), () -> {
            work.run();
            return Boolean.TRUE;
        }, (ok, failure) -> done.accept(failure));
    }

    public ReadOnlyObjectProperty<RooflineProbe> roofProperty() {
        return roof.getReadOnlyProperty();
    }

    // ---- the run --------------------------------------------------------------------------------------

    private void restartUnlessChoosing() {
        if (!choosing) {
            restart();
        }
    }

    private void restart() {
        stopRun();
        long gen = ++generation;
        Architecture arch = architecture.get();
        double alpha = width.get();
        int res = resolution.get();
        plan.set(null); // until the new one is built: next / run to end wait, steps are kept for it
        inspection.set(null);
        untrained.set(weightsFor(pretrained.get()) == null);
        cursor = 0;
        requested = 0;
        error.set("");
        publishCounters();
        // building the network and its cost table takes ~0.3-1 s for V3 at 224: never on the UI thread
        Background.run(executors.compute(), executors.ui(),
                () -> InspectionPlan.of(NetworkBuilder.build(arch, alpha), res, res), (built, failure) -> {
                    if (gen != generation) {
                        return; // the user chose again meanwhile
                    }
                    if (failure != null) {
                        error.set(failure);
                        return;
                    }
                    plan.set(built);
                    publishCounters();
                    if (pendingLayer != null && photo.get() != null) {
                        stepsAfterLoad = Math.max(stepsAfterLoad, layerIndex(built, pendingLayer));
                        pendingLayer = null;
                    }
                    startIfPhoto();
                });
    }

    private void startIfPhoto() {
        if (photo.get() != null) {
            startRun();
            if (stepsAfterLoad > 0) {
                int n = stepsAfterLoad;
                stepsAfterLoad = 0;
                steps(n);
            }
        }
    }

    /**
     * Takes {@code n} steps (at least the whole network: runs to the end), now when a photo is there, else
     * as soon as the next photo has loaded: for launch options such as {@code --steps=40}.
     */
    public void steps(int n) {
        if (photo.get() == null || plan.get() == null) {
            stepsAfterLoad = n;
            return;
        }
        if (n >= plan.get().layerRows().size()) {
            runToEnd();
        } else {
            for (int i = 0; i < n; i++) {
                next();
            }
        }
    }

    /** Steps until layer {@code name} has run, now or once the network and photo are there (a launch option). */
    public void stepTo(String name) {
        InspectionPlan p = plan.get();
        if (p == null || photo.get() == null) {
            pendingLayer = name;
            return;
        }
        int n = layerIndex(p, name) - cursor;
        if (n > 0) {
            steps(n);
        }
    }

    /** How many layer steps reach row {@code name} (0 when there is none). */
    private static int layerIndex(InspectionPlan p, String name) {
        ModuleSpan s = p.row(name);
        return s == null ? 0 : p.layerRows().indexOf(s) + 1;
    }

    private void startRun() {
        stopRun();
        long gen = ++generation;
        inspection.set(null);
        cursor = 0;
        publishCounters();
        runInput = null;
        runWeights = null;
        StepGate g = new StepGate();
        CancellationToken t = new CancellationToken();
        gate = g;
        token = t;
        alive = true;
        running.set(true);
        InspectionPlan p = plan.get();
        Photo ph = photo.get();
        Weights trained = weightsFor(pretrained.get());
        Architecture arch = architecture.get();
        runner.execute(() -> {
            Inspection result = null;
            String failure = null;
            try {
                PreprocessConfig base = PretrainedConfigs.forArchitecture(arch);
                ModelInput in = Preprocessor.prepare(ph.full(),
                        PreprocessConfig.forResolution(p.height(), base.mean(), base.std()));
                Network net = p.network();
                Weights w = trained != null ? trained : seeded.computeIfAbsent(net.name(),
                        k -> SeededWeights.create(net, SEED));
                executors.ui().execute(() -> ranOn(gen, in, w)); // before the first row comes back
                warmUp(net, w, in, t);
                result = Inspector.inspect(net, w, in.tensor(), in.shape(), name -> true, g,
                        partial -> executors.ui().execute(() -> publish(gen, partial)), t);
            } catch (CancellationException e) {
                failure = null;
            } catch (Throwable e) { // every failure must reach finished(), or the page stays "running"
                failure = Background.describe(e);
            }
            Inspection r = result;
            String f = failure;
            executors.ui().execute(() -> finished(gen, r, f));
        });
    }

    /**
     * The first run of a network in this JVM is mostly JIT compilation and first-touch allocation (its layers
     * measured 5–20× their warm times), so the page would show the warm-up, not the network. One untimed run,
     * once per network and size, like {@code inspect --warmup 1}; on the runner thread, cancellable.
     */
    private void warmUp(Network net, Weights w, ModelInput in, CancellationToken t) {
        String key = net.name() + "@" + in.shape()[2] + "x" + in.shape()[3];
        if (warmed.add(key)) {
            try {
                Inspector.inspect(net, w, in.tensor(), in.shape(), name -> false, RunListener.NONE, null, t);
            } catch (CancellationException e) {
                warmed.remove(key);
                throw e;
            }
        }
    }

    private void ranOn(long gen, ModelInput in, Weights w) {
        if (gen == generation) {
            runInput = in;
            runWeights = w;
        }
    }

    private void stopRun() {
        if (gate != null) {
            gate.cancel();
        }
        if (token != null) {
            token.cancel();
        }
        alive = false;
        running.set(false);
    }

    private void publish(long gen, Inspection partial) {
        if (gen != generation) {
            return;
        }
        int before = computed();
        inspection.set(partial);
        int now = computed();
        // one engine layer can finish several rows at once (squeeze-excite and its four parts): stop at the asked-for one
        int to = Math.min(now, requested);
        if (now > before && to > before) {
            moveCursor(to);
        } else {
            publishCounters();
        }
    }

    private void finished(long gen, Inspection result, String failure) {
        if (gen != generation) {
            return;
        }
        alive = false;
        running.set(false);
        if (failure != null) {
            error.set(failure);
        } else if (result != null) {
            inspection.set(result);
            publishCounters();
        }
    }

    private int computed() {
        Inspection i = inspection.get();
        return i == null ? 0 : i.layerRows().size();
    }

    private void moveCursor(int to) {
        cursor = to;
        Inspection i = inspection.get();
        if (to > 0 && i != null) {
            selected.set(i.layerRows().get(to - 1).name());
        }
        publishCounters();
    }

    private void publishCounters() {
        InspectionPlan p = plan.get();
        Inspection i = inspection.get();
        if (p == null) {
            counters.set(StepCounters.NONE);
            return;
        }
        int steps = p.layerRows().size();
        counters.set(i == null ? new StepCounters(0, steps, 0, p.macs(), 0, 0)
                : StepCounters.of(i.layerRows(), Math.min(cursor, i.layerRows().size()), steps, p.macs()));
    }

    private Weights weightsFor(Map<Architecture, Weights> loaded) {
        return width.get() == 1.0 ? loaded.get(architecture.get()) : null;
    }

    // ---- open in lesson ---------------------------------------------------------------------------------

    /** Whether the selected row can be stepped in its lesson now, later (its input has not run), or never. */
    public LessonLink lessonLink() {
        InspectionPlan p = plan.get();
        String name = selected.get();
        if (!RealLayerSource.steppable(p, name)) {
            return LessonLink.NONE;
        }
        Inspection i = inspection.get();
        if (i == null || runInput == null || runWeights == null) {
            return LessonLink.INPUT_NOT_RUN;
        }
        ModuleSpan before = RealLayerSource.inputRow(p, name); // null: the first layer reads the network's input
        return before == null || i.outputs().containsKey(before.name()) ? LessonLink.READY : LessonLink.INPUT_NOT_RUN;
    }

    /**
     * Cuts the selected layer for its lesson in the background, centred on output cell ({@code row}, {@code col})
     * from output channel {@code channel} on; a negative row or column means the centre of the output map.
     * {@code done} hears the layer on the UI executor; a failure goes to {@link #errorProperty()} as one line.
     */
    public void openInLesson(int row, int col, int channel, Consumer<RealLayerLesson> done) {
        if (lessonLink() != LessonLink.READY) {
            return;
        }
        Inspection ins = inspection.get();
        ModelInput in = runInput;
        Weights w = runWeights;
        String name = selected.get();
        ModuleSpan s = plan.get().row(name);
        int r = row < 0 ? s.output().height() / 2 : row;
        int c = col < 0 ? s.output().width() / 2 : col;
        String network = NetworkLabels.of(architecture.get());
        boolean trained = !ins.untrained();
        long gen = generation;
        Background.run(executors.compute(), executors.ui(),
                () -> RealLayerSource.of(ins, w, in.tensor(), name, r, c, Math.max(0, channel)), (layer, failure) -> {
                    if (failure != null) {
                        error.set(failure);
                    } else if (gen == generation) { // the run it was cut from is still the one on screen
                        done.accept(new RealLayerLesson(layer, network, trained));
                    }
                });
    }

    // ---- what the view reads ----------------------------------------------------------------------------

    /** The selected row's result, or null when it has not run yet. */
    public InspectionRow selectedRow() {
        Inspection i = inspection.get();
        return i == null || selected.get() == null ? null : i.row(selected.get());
    }

    /** The selected row's plan entry (costs known before running), or null. */
    public ModuleSpan selectedSpan() {
        InspectionPlan p = plan.get();
        return p == null || selected.get() == null ? null : p.row(selected.get());
    }

    public int cursor() {
        return cursor;
    }

    /** Whether a step was asked for and its layer has not come back yet. */
    public boolean stepPending() {
        return alive && requested > computed();
    }

    /** Whether every layer has been stepped through. */
    public boolean atEnd() {
        InspectionPlan p = plan.get();
        return p != null && cursor >= p.layerRows().size();
    }

    public ObjectProperty<Architecture> architectureProperty() {
        return architecture;
    }

    public DoubleProperty widthProperty() {
        return width;
    }

    public IntegerProperty resolutionProperty() {
        return resolution;
    }

    public ObjectProperty<Map<Architecture, Weights>> pretrainedProperty() {
        return pretrained;
    }

    public ReadOnlyObjectProperty<Photo> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InspectionPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepCounters> countersProperty() {
        return counters.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty untrainedProperty() {
        return untrained.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public StringProperty selectedProperty() {
        return selected;
    }
}
