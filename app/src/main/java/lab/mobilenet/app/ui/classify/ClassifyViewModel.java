package lab.mobilenet.app.ui.classify;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.mobilenet.app.export.AtomicFiles;
import lab.mobilenet.app.ui.concurrent.Background;
import lab.mobilenet.app.ui.concurrent.SerialExecutor;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.Weights;

/**
 * The Classify page's state: a queue of photos, each with a card that fills in as the four networks answer.
 * Every photo is read and then run through V1, V2, V3-Large and V3-Small, one network at a time on a serial
 * executor over the compute pool (two cores are better spent on one run than shared by two). Each step
 * publishes a new immutable {@link ClassifyCard} on the UI executor, so results stream in network by network.
 * A network without trained weights is not run; its column says so, and it runs as soon as weights for it
 * arrive. All methods are for the UI thread; with same-thread executors everything has happened when a call
 * returns, which makes the view-model testable without a screen.
 */
public final class ClassifyViewModel {

    private final ClassifyBackend backend;
    private final Executor compute;
    private final Executor serial;
    private final Executor ui;

    private final ObservableList<ClassifyCard> cards = FXCollections.observableArrayList();
    private final ObservableList<ClassifyCard> readOnlyCards = FXCollections.unmodifiableObservableList(cards);
    private final ObjectProperty<Map<Architecture, Weights>> weights = new SimpleObjectProperty<>(this, "weights",
            Map.of());
    private final ReadOnlyIntegerWrapper queued = new ReadOnlyIntegerWrapper(this, "queued", 0);
    private final ReadOnlyIntegerWrapper finished = new ReadOnlyIntegerWrapper(this, "finished", 0);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /** The weights as the background sees them: replaced whole on the UI thread, read by the runs. */
    private volatile Map<Architecture, Weights> weightsNow = Map.of();
    /** Crops of decoded photos by card, for the runs (written and read in the background). */
    private final Map<Long, ClassifyBackend.Prepared> prepared = new ConcurrentHashMap<>();
    /** Each card's current token; a queued task holds the token it was queued with. UI thread only. */
    private final Map<Long, CancellationToken> tokens = new ConcurrentHashMap<>();
    private long nextId;
    private int pasted;

    public ClassifyViewModel(ClassifyBackend backend, UiExecutors executors) {
        this.backend = backend;
        this.compute = executors.compute();
        this.serial = new SerialExecutor(executors.compute());
        this.ui = executors.ui();
        weights.addListener((obs, was, now) -> weightsChanged(now == null ? Map.of() : now));
    }

    // ---- queueing -------------------------------------------------------------------------------------

    /** Queues files and the images inside folders (listed in the background), each with its own card. */
    public void add(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        Background.run(compute, ui, () -> PhotoFiles.expand(files), (list, failure) -> {
            if (failure != null) {
                problem.set(failure);
            } else {
                list.forEach(this::queueFile);
            }
        });
    }

    /**
     * Queues an image already in memory (pasted), named by {@code nameFor} ("pasted image N"); {@code pixels} is
     * called in the background, so a large pasted image is converted off the UI thread.
     */
    public void addImage(java.util.concurrent.Callable<RgbImage> pixels, java.util.function.IntFunction<String> nameFor) {
        String name = nameFor.apply(++pasted);
        queue(name, name, () -> backend.prepare(pixels.call()));
    }

    private void queueFile(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        queue(name, file.toString(), () -> backend.decode(file));
    }

    private void queue(String name, String source, java.util.concurrent.Callable<ClassifyBackend.Prepared> read) {
        long id = ++nextId;
        CancellationToken token = new CancellationToken();
        tokens.put(id, token);
        cards.add(ClassifyCard.queued(id, name, source));
        begin();
        Background.run(serial, ui, () -> {
            if (token.isCancelled()) {
                return null;
            }
            ClassifyBackend.Prepared p = read.call();
            prepared.put(id, p);
            Map<Architecture, ClassifyBackend.Cost> costs = new java.util.EnumMap<>(Architecture.class);
            for (Architecture a : ClassifyNetworks.ALL) {
                costs.put(a, backend.cost(a));
            }
            return new Read(p, costs);
        }, (r, failure) -> read(id, r, failure));
        for (Architecture a : ClassifyNetworks.ALL) {
            run(id, a, token);
        }
    }

    private record Read(ClassifyBackend.Prepared prepared, Map<Architecture, ClassifyBackend.Cost> costs) {
    }

    private void read(long id, Read r, String failure) {
        end();
        update(id, card -> {
            if (failure != null) {
                return card.withProblem(failure);
            }
            if (r == null) {
                return card;
            }
            ClassifyCard c = card.withPhoto(r.prepared().thumbnail(), r.prepared().crops());
            for (Architecture a : ClassifyNetworks.ALL) {
                ClassifyBackend.Cost cost = r.costs().get(a);
                c = c.with(c.column(a).withCost(cost.macs(), cost.params()));
            }
            return c;
        });
    }

    /** What a network task found when its turn came. */
    private enum Skip { CANCELLED, UNREAD, UNTRAINED }

    private record Answer(Skip skip, ClassifyBackend.Outcome outcome) {
    }

    private void run(long id, Architecture a, CancellationToken token) {
        begin();
        Background.run(serial, ui, () -> {
            if (token.isCancelled()) {
                return new Answer(Skip.CANCELLED, null);
            }
            ClassifyBackend.Prepared p = prepared.get(id);
            if (p == null) {
                return new Answer(Skip.UNREAD, null);
            }
            Weights w = weightsNow.get(a);
            if (w == null || !w.pretrained()) {
                return new Answer(Skip.UNTRAINED, null);
            }
            ui.execute(() -> update(id, c -> c.column(a).status() == NetworkStatus.PENDING
                    ? c.with(c.column(a).withStatus(NetworkStatus.RUNNING)) : c));
            return new Answer(null, backend.classify(a, w, crop(p, a), token));
        }, (answer, failure) -> {
            end();
            if (answer != null && answer.skip() == Skip.UNTRAINED && trained(weights.get(), a)
                    && tokens.get(id) == token) {
                run(id, a, token); // weights arrived while this answer was on its way: run after all
                return;
            }
            update(id, c -> c.with(answered(c.column(a), answer, failure, token)));
        });
    }

    private static boolean trained(Map<Architecture, Weights> m, Architecture a) {
        Weights w = m == null ? null : m.get(a);
        return w != null && w.pretrained();
    }

    private static NetworkColumn answered(NetworkColumn col, Answer answer, String failure, CancellationToken token) {
        if (failure != null) {
            return token.isCancelled() ? col.withStatus(NetworkStatus.CANCELLED) : col.failed(failure);
        }
        if (answer.skip() == null) {
            ClassifyBackend.Outcome o = answer.outcome();
            return col.done(o.top(), o.millis(), o.cam());
        }
        return switch (answer.skip()) {
            case CANCELLED -> col.withStatus(NetworkStatus.CANCELLED);
            case UNTRAINED -> col.withStatus(NetworkStatus.UNTRAINED);
            case UNREAD -> col; // the card shows why the file could not be read
        };
    }

    private static RgbImage crop(ClassifyBackend.Prepared p, Architecture a) {
        for (PhotoCrop c : p.crops()) {
            if (c.networks().contains(a)) {
                return c.image();
            }
        }
        throw new IllegalStateException("no crop for " + a);
    }

    /** New weights: columns that were untrained for lack of them are queued again. */
    private void weightsChanged(Map<Architecture, Weights> now) {
        weightsNow = Map.copyOf(now);
        for (ClassifyCard card : List.copyOf(cards)) {
            if (card.failed()) {
                continue;
            }
            for (Architecture a : ClassifyNetworks.ALL) {
                Weights w = now.get(a);
                if (card.column(a).status() == NetworkStatus.UNTRAINED && w != null && w.pretrained()) {
                    update(card.id(), c -> c.with(c.column(a).withStatus(NetworkStatus.PENDING)));
                    run(card.id(), a, tokens.get(card.id()));
                }
            }
        }
    }

    // ---- occlusion ------------------------------------------------------------------------------------

    /**
     * Computes the occlusion map of {@code a}'s top class on card {@code id}, in the background, one run per
     * patch (queued behind the networks still to run). Ignored unless that column has answered.
     */
    public void occlude(long id, Architecture a) {
        ClassifyCard card = find(id);
        if (card == null || card.column(a).status() != NetworkStatus.DONE
                || card.column(a).occlusion().state() == Occlusion.State.RUNNING) {
            return;
        }
        RgbImage crop = card.cropFor(a);
        int cls = card.column(a).best().index();
        int total = backend.occlusionRuns(crop.width());
        CancellationToken token = tokens.get(id);
        update(id, c -> c.with(c.column(a).withOcclusion(Occlusion.running(0, total))));
        begin();
        Background.run(serial, ui, () -> {
            Weights w = weightsNow.get(a);
            if (w == null || !w.pretrained()) {
                throw new IllegalStateException(ClassifyNetworks.timmName(a) + " has no trained weights");
            }
            return backend.occlusion(a, w, crop, cls, token, n -> ui.execute(() -> update(id,
                    c -> c.column(a).occlusion().state() == Occlusion.State.RUNNING
                            ? c.with(c.column(a).withOcclusion(Occlusion.running(n, total))) : c)));
        }, (map, failure) -> {
            end();
            update(id, c -> c.with(c.column(a).withOcclusion(failure == null ? Occlusion.done(map)
                    : token.isCancelled() ? Occlusion.cancelled() : Occlusion.failed(failure))));
        });
    }

    // ---- cancel, remove, clear ------------------------------------------------------------------------

    /** Stops the run in progress and everything queued; what has answered stays. */
    public void cancelAll() {
        for (Map.Entry<Long, CancellationToken> e : tokens.entrySet()) {
            e.getValue().cancel();
            e.setValue(new CancellationToken()); // later requests on this card (an occlusion map) may run
        }
        for (ClassifyCard card : List.copyOf(cards)) {
            update(card.id(), c -> {
                ClassifyCard out = c;
                for (Architecture a : ClassifyNetworks.ALL) {
                    if (c.column(a).status() == NetworkStatus.PENDING && !c.failed()) {
                        out = out.with(c.column(a).withStatus(NetworkStatus.CANCELLED));
                    }
                }
                return out;
            });
        }
    }

    /** Removes one card; its queued runs are dropped and its running one stopped. */
    public void remove(long id) {
        CancellationToken t = tokens.remove(id);
        if (t != null) {
            t.cancel();
        }
        prepared.remove(id);
        cards.removeIf(c -> c.id() == id);
    }

    /** Removes every card and stops all work. */
    public void clear() {
        for (ClassifyCard c : List.copyOf(cards)) {
            remove(c.id());
        }
    }

    // ---- export ---------------------------------------------------------------------------------------

    /** Writes every answer as CSV ({@link ResultsCsv}) in the background, atomically; reports on the UI executor. */
    public void exportCsv(Path out, Consumer<Path> done, Consumer<String> failed) {
        List<ClassifyCard> snapshot = List.copyOf(cards);
        Background.run(compute, ui, () -> {
            byte[] bytes = ResultsCsv.format(snapshot).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            AtomicFiles.write(out, os -> os.write(bytes));
            return out;
        }, (p, failure) -> {
            if (failure == null) {
                done.accept(p);
            } else {
                failed.accept(failure);
            }
        });
    }

    // ---- plumbing -------------------------------------------------------------------------------------

    private void begin() {
        queued.set(queued.get() + 1);
    }

    /** One task finished; when all have, the counters start again from zero for the next batch. */
    private void end() {
        finished.set(finished.get() + 1);
        if (finished.get() >= queued.get()) {
            finished.set(0);
            queued.set(0);
        }
    }

    private ClassifyCard find(long id) {
        for (ClassifyCard c : cards) {
            if (c.id() == id) {
                return c;
            }
        }
        return null;
    }

    /** Replaces card {@code id} with {@code change(card)}; nothing when the card was removed meanwhile. */
    private void update(long id, java.util.function.UnaryOperator<ClassifyCard> change) {
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).id() == id) {
                ClassifyCard next = change.apply(cards.get(i));
                if (next != cards.get(i)) {
                    cards.set(i, next);
                }
                return;
            }
        }
    }

    /** The cards in queue order, each an immutable snapshot replaced as work finishes. */
    public ObservableList<ClassifyCard> cards() {
        return readOnlyCards;
    }

    /** Trained weights by network (bind it to the app's holder); an untrained or missing one is not run. */
    public ObjectProperty<Map<Architecture, Weights>> weightsProperty() {
        return weights;
    }

    /** Tasks of the current batch (reading photos, runs, occlusion maps); 0 when idle. */
    public ReadOnlyIntegerProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }

    /** Tasks of the current batch that have finished. */
    public ReadOnlyIntegerProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** Whether work is queued or running. */
    public boolean busy() {
        return queued.get() > 0;
    }

    /** A page-level one-line problem (a folder that could not be listed); empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
