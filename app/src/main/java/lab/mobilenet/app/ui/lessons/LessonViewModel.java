package lab.mobilenet.app.ui.lessons;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.mobilenet.app.export.FrameRenderer;
import lab.mobilenet.app.export.LessonExporter;
import lab.mobilenet.app.ui.concurrent.Background;
import lab.mobilenet.app.ui.concurrent.SerialExecutor;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.app.ui.photo.BundledPhotos;
import lab.mobilenet.app.ui.photo.Photo;
import lab.mobilenet.app.ui.photo.PhotoDecoder;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.runtime.Weights;
import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.Lesson;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonFrame;
import lab.mobilenet.lessons.LessonOptions;
import lab.mobilenet.lessons.LessonSession;

/**
 * The lessons page's state as JavaFX properties, around a {@link LessonSession}. The session lives on a
 * serial background executor (it is mutable and not thread-safe); every move there produces an immutable
 * {@link LessonFrame} that is published on the UI executor. Results of an outdated session (the lesson or
 * photo changed meanwhile) are dropped. No JavaFX toolkit is needed: with same-thread executors every call
 * has taken effect when it returns.
 */
public final class LessonViewModel {

    private final LessonSource source;
    private final Executor compute;
    private final Executor work;
    private final Executor ui;

    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>(this, "lesson");
    private final ReadOnlyObjectWrapper<LessonFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ObjectProperty<Granularity> granularity = new SimpleObjectProperty<>(this, "granularity",
            Granularity.PIXEL);
    private final ReadOnlyObjectWrapper<Photo> photo = new ReadOnlyObjectWrapper<>(this, "photo");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper lessonError = new ReadOnlyStringWrapper(this, "lessonError", "");
    private final BooleanProperty flops = new SimpleBooleanProperty(this, "flops", false);
    private final IntegerProperty groups = new SimpleIntegerProperty(this, "groups", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper loadingPhoto = new ReadOnlyBooleanWrapper(this, "loadingPhoto", false);
    private final ObjectProperty<Map<Architecture, Weights>> pretrained = new SimpleObjectProperty<>(this,
            "pretrained", Map.of());
    private final ObjectProperty<KernelChoice> kernels = new SimpleObjectProperty<>(this, "kernels",
            KernelChoice.HAND_MADE);
    /** The real network layer being stepped instead of the lesson's photo (from the Explorer), or null. */
    private final ReadOnlyObjectWrapper<RealLayerLesson> realLayer = new ReadOnlyObjectWrapper<>(this, "realLayer");
    /** Set while {@link #openRealLayer} switches to the layer's lesson, so that the switch does not leave it. */
    private boolean openingRealLayer;

    /** Bumped on the UI thread whenever a new session is requested; results carry the value they were made for. */
    private long generation;
    /** The newest session request, readable from the background: a build that is already outdated is skipped. */
    private final AtomicLong latest = new AtomicLong();
    /** Bumped on the UI thread for each photo request; a decode finishing after a newer request is dropped. */
    private long photoGeneration;
    private int inFlight;
    /** Touched on the serial executor only. */
    private LessonSession session;
    private long sessionGeneration = -1;

    public LessonViewModel(LessonSource source, UiExecutors executors) {
        this.source = source;
        this.compute = executors.compute();
        this.work = new SerialExecutor(executors.compute());
        this.ui = executors.ui();
        lessons.setAll(source.lessons());
        lesson.addListener((obs, was, now) -> {
            if (!openingRealLayer) {
                realLayer.set(null); // another lesson chosen: back to the lessons' own photo and kernels
                reopen();
            }
        });
        groups.addListener((obs, was, now) -> reopen());
        granularity.addListener((obs, was, now) -> move(s -> s.setGranularity(now)));
        // new weights or kernels for the same lesson and photo: the class stays at the step it was on
        pretrained.addListener((obs, was, now) -> {
            if (SessionOptions.usesWeights(lesson.get())) {
                reopenAtSameStep();
            }
        });
        kernels.addListener((obs, was, now) -> {
            if (LessonCatalog.STANDARD.equals(lesson.get())) {
                reopenAtSameStep();
            }
        });
    }

    /** Loads the default bundled photo and opens the first lesson. */
    public void start() {
        start(null, BundledPhotos.defaultName(), 0, 0);
    }

    /**
     * Opens lesson {@code lessonId} (the first when null or unknown) on bundled photo {@code photoName}, and
     * once it is ready jumps to {@code position} and takes {@code steps} steps at the current granularity (e.g.
     * to open a class mid-lesson).
     */
    public void start(String lessonId, String photoName, long position, int steps) {
        Lesson l = lessons.stream().filter(x -> x.id().equals(lessonId)).findFirst()
                .orElse(lessons.isEmpty() ? null : lessons.get(0));
        if (steps > 0 || position > 0) {
            frame.addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends LessonFrame> obs, LessonFrame was,
                                    LessonFrame now) {
                    if (now != null && now.lesson().equals(l)) {
                        frame.removeListener(this);
                        if (position > 0) {
                            seek(position);
                        }
                        if (steps > 0) {
                            // one background task and one frame, not one per step: --steps=100000 queued
                            // 100,000 tasks and frames and ran the heap out
                            move(session -> {
                                for (int i = 0; i < steps; i++) {
                                    if (!session.next()) {
                                        break; // at the end
                                    }
                                }
                            });
                        }
                    }
                }
            });
        }
        lesson.set(l);
        openBundled(BundledPhotos.NAMES.contains(photoName) ? photoName : BundledPhotos.defaultName());
    }

    /**
     * Opens {@code real}'s layer in its lesson (standard, depthwise or pointwise): the session steps the real
     * network's input crop with its kernels, built in the background. Choosing another lesson leaves it.
     */
    public void openRealLayer(RealLayerLesson real) {
        if (real == null) {
            return;
        }
        realLayer.set(real);
        openingRealLayer = true;
        try {
            lesson.set(real.layer().lesson());
        } finally {
            openingRealLayer = false;
        }
        frame.set(null); // "preparing" rather than the photo's frame of the same lesson
        reopen();
    }

    /** The real layer being stepped, or null while the lesson runs on its photo. */
    public ReadOnlyObjectProperty<RealLayerLesson> realLayerProperty() {
        return realLayer.getReadOnlyProperty();
    }

    // ---- stepping -------------------------------------------------------------------------------------

    /** One step forward at the current granularity. */
    public void next() {
        move(LessonSession::next);
    }

    /** One step back at the current granularity. */
    public void previous() {
        move(LessonSession::previous);
    }

    /** Back to the start. */
    public void home() {
        move(LessonSession::home);
    }

    /** Everything computed. */
    public void end() {
        move(LessonSession::end);
    }

    /** Jumps to a position of the session clock (clamped to the lesson's length). */
    public void seek(long position) {
        move(s -> s.seek(Math.max(0, Math.min(s.length(), position))));
    }

    /** Chooses α and the input resolution in the multipliers lesson (ignored by the others). */
    public void selectMultipliers(double alpha, int resolution) {
        move(s -> {
            if (s.lesson().id().equals("multipliers")) {
                s.selectMultipliers(alpha, resolution);
            }
        });
    }

    /** Shows the spiral through {@code n} dimensions in the linear-bottleneck lesson (ignored by the others). */
    public void selectDimensions(int n) {
        move(s -> {
            if (s.dimensions().isPresent()) {
                s.selectDimensions(n);
            }
        });
    }

    /** Opens the lesson {@code delta} places away in the list (clamped to the list). */
    public void otherLesson(int delta) {
        int i = lessons.indexOf(lesson.get());
        int j = Math.max(0, Math.min(lessons.size() - 1, i + delta));
        if (j != i && !lessons.isEmpty()) {
            lesson.set(lessons.get(j));
        }
    }

    /** One granularity coarser (↑). */
    public void coarser() {
        granularity.set(granularity.get().coarser());
    }

    /** One granularity finer (↓). */
    public void finer() {
        granularity.set(granularity.get().finer());
    }

    // ---- photos ---------------------------------------------------------------------------------------

    /** Decodes a file in the background; on failure the current photo stays and {@link #errorProperty()} says why. */
    public void openPhoto(Path file) {
        loadPhoto(() -> PhotoDecoder.decode(file));
    }

    /** Decodes a bundled photo in the background. */
    public void openBundled(String name) {
        loadPhoto(() -> BundledPhotos.load(name));
    }

    /** Uses an already decoded photo. */
    public void setPhoto(Photo p) {
        photoGeneration++;
        loadingPhoto.set(false);
        show(p);
    }

    private void show(Photo p) {
        error.set("");
        photo.set(p);
        realLayer.set(null); // a photo chosen for the lesson: the lesson runs on it again
        reopen();
    }

    private void loadPhoto(Supplier<Photo> decode) {
        long pg = ++photoGeneration;
        loadingPhoto.set(true);
        error.set("");
        Background.run(compute, ui, decode::get, (p, failure) -> photoDone(pg, p, failure));
    }

    /** A decode finished: shown only when no newer photo was asked for meanwhile. */
    private void photoDone(long pg, Photo p, String failure) {
        if (pg != photoGeneration) {
            return;
        }
        loadingPhoto.set(false);
        if (failure != null) {
            error.set(failure);
        } else {
            show(p);
        }
    }

    // ---- export ---------------------------------------------------------------------------------------

    /**
     * Renders {@code frames} steps from the current position at the current granularity into an animated GIF,
     * in the background on a fresh session (the one on screen keeps its position). {@code done} receives the
     * file, {@code failed} a one-line reason, both on the UI executor.
     */
    public void exportGif(Path out, int frames, FrameRenderer renderer, Consumer<Path> done,
                          Consumer<String> failed) {
        Lesson l = lesson.get();
        Photo p = photo.get();
        LessonFrame f = frame.get();
        RealLayerLesson real = realLayer.get();
        if (l == null || (p == null && real == null) || f == null) {
            failed.accept("no lesson is open");
            return;
        }
        LessonOptions options = real != null ? null : options(l, p);
        Granularity g = granularity.get();
        var selected = f.multipliers().map(m -> m.selected());
        Background.run(compute, ui, () -> {
            LessonSession copy = real != null ? LessonCatalog.session(real.layer()) : source.open(l, p.planes(), options);
            // the copy shows what is on screen: the same α and resolution, then the same position
            selected.ifPresent(sel -> copy.selectMultipliers(sel.alpha(), sel.resolution()));
            copy.seek(f.position());
            copy.setGranularity(g);
            LessonExporter.writeGif(copy, frames, renderer, out);
            return out;
        }, (written, failure) -> {
            if (failure == null) {
                done.accept(written);
            } else {
                failed.accept(failure);
            }
        });
    }

    // ---- session plumbing -----------------------------------------------------------------------------

    private void reopen() {
        reopen(0);
    }

    private void reopenAtSameStep() {
        LessonFrame f = frame.get();
        reopen(f != null && f.lesson().equals(lesson.get()) ? f.position() : 0);
    }

    /**
     * Builds the session for the current lesson in the background, on its photo or on the real layer being
     * stepped, at {@code position} (0: the start).
     */
    private void reopen(long position) {
        RealLayerLesson real = realLayer.get();
        Lesson l = lesson.get();
        Photo p = photo.get();
        if (l == null || (p == null && real == null)) {
            return;
        }
        long gen = ++generation;
        latest.set(gen);
        if (frame.get() != null && !frame.get().lesson().equals(l)) {
            frame.set(null); // the picture says "preparing" rather than showing the previous lesson
        }
        lessonError.set("");
        Granularity g = granularity.get();
        Supplier<LessonSession> open;
        if (real != null) {
            open = () -> LessonCatalog.session(real.layer());
        } else {
            LessonOptions options;
            try {
                options = options(l, p);
            } catch (RuntimeException e) {
                lessonError.set(Background.oneLine(e)); // e.g. a checkpoint whose stem has an unexpected shape
                options = optionsWithout(p);
            }
            LessonOptions chosen = options;
            open = () -> source.open(l, p.planes(), chosen);
        }
        begin();
        Background.run(work, ui, () -> {
            if (gen != latest.get()) {
                return null; // a newer lesson or photo was asked for: do not build this one
            }
            LessonSession s = open.get();
            s.setGranularity(g);
            if (position > 0) {
                s.seek(Math.min(position, s.length()));
            }
            session = s;
            sessionGeneration = gen;
            return s.frame();
        }, (f, failure) -> finish(gen, f, failure));
    }

    private LessonOptions options(Lesson l, Photo p) {
        return SessionOptions.of(l, p, groups.get(), pretrained.get(), kernels.get());
    }

    private LessonOptions optionsWithout(Photo p) {
        return SessionOptions.of(null, p, groups.get(), Map.of(), KernelChoice.HAND_MADE);
    }

    /** Runs {@code op} on the current session in the background and publishes the frame (package-private for tests). */
    void move(Consumer<LessonSession> op) {
        long gen = generation;
        begin();
        Background.run(work, ui, () -> {
            if (session == null || sessionGeneration != gen) {
                return null;
            }
            op.accept(session);
            return session.frame();
        }, (f, failure) -> finish(gen, f, failure));
    }

    private void begin() {
        inFlight++;
        busy.set(true);
    }

    /** Always called once per {@link #begin()}, whatever happened; {@code failure} is a one-line reason or null. */
    private void finish(long gen, LessonFrame f, String failure) {
        inFlight--;
        busy.set(inFlight > 0);
        if (gen != generation) {
            return;
        }
        if (f != null) {
            frame.set(f);
        }
        if (failure != null) {
            lessonError.set(failure);
        }
    }

    // ---- properties -----------------------------------------------------------------------------------

    public ObservableList<Lesson> lessons() {
        return lessons;
    }

    public ObjectProperty<Lesson> lessonProperty() {
        return lesson;
    }

    /** The latest snapshot; {@code null} until the first session is open. */
    public ReadOnlyObjectProperty<LessonFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public LessonFrame frame() {
        return frame.get();
    }

    public ObjectProperty<Granularity> granularityProperty() {
        return granularity;
    }

    public ReadOnlyObjectProperty<Photo> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    /** The latest one-line problem (a photo that could not be decoded, …); empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Why the current lesson could not be opened (e.g. its network block failed to run); empty when it opened. */
    public ReadOnlyStringProperty lessonErrorProperty() {
        return lessonError.getReadOnlyProperty();
    }

    /** Whether counters show FLOPs (2 per MAC) instead of MACs. */
    public BooleanProperty flopsProperty() {
        return flops;
    }

    /** Groups of the groups lesson (0: the lesson's default). */
    public IntegerProperty groupsProperty() {
        return groups;
    }

    /** Whether a move is still being computed (the player skips a tick rather than queueing). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Trained weights by network (an immutable map; empty: every lesson uses its untrained defaults). */
    public ObjectProperty<Map<Architecture, Weights>> pretrainedProperty() {
        return pretrained;
    }

    /** Hand-made or learned kernels in the standard-convolution lesson (learned only when V1 is loaded). */
    public ObjectProperty<KernelChoice> kernelsProperty() {
        return kernels;
    }

    public ReadOnlyBooleanProperty loadingPhotoProperty() {
        return loadingPhoto.getReadOnlyProperty();
    }
}
