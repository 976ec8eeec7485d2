package lab.mobilenet.app.ui.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import lab.mobilenet.app.ui.concurrent.Background;
import lab.mobilenet.app.ui.concurrent.UiExecutors;
import lab.mobilenet.engine.checkpoint.LocalCheckpoints;
import lab.mobilenet.engine.hub.CachedFile;
import lab.mobilenet.engine.hub.HubConfig;
import lab.mobilenet.engine.hub.HubDownloader;
import lab.mobilenet.engine.hub.HubSource;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.runtime.CancellationToken;

/**
 * The Weights page without a screen: one {@link WeightsRow} per network, replaced as a whole list on the UI
 * executor. Scans run on the compute executor, downloads on their own executor (minutes long; the compute threads
 * stay free for the lessons), and progress reaches the UI as immutable snapshots. After a download the new file
 * is bound by {@link PretrainedWeights}, so the lessons use it at once.
 *
 * <p>The first-run prompt is wanted when a scan found no weights at all and the user has not dismissed it; the
 * dismissal is remembered as a marker file in the app's weights folder.
 */
public final class WeightsViewModel {

    static final String DISMISSED_MARKER = ".first-run-prompt-dismissed";

    private final LocalCheckpoints local;
    private final HubDownloader downloader;
    private final PretrainedWeights pretrained;
    private final UiExecutors executors;
    private final Executor downloads;
    private final Map<String, CancellationToken> running = new ConcurrentHashMap<>();
    private final ReadOnlyObjectWrapper<List<WeightsRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows");
    private final ReadOnlyBooleanWrapper firstRunPrompt = new ReadOnlyBooleanWrapper(this, "firstRunPrompt", false);
    private Listener listener = new Listener() { };

    /** What the window tells the user about downloads (on the UI executor). */
    public interface Listener {
        /** The file is downloaded and being bound. */
        default void downloaded(HubSource source, Path file) {
        }

        /** One line: a download, or binding its file, failed. */
        default void failed(String line) {
        }
    }

    public WeightsViewModel(LocalCheckpoints local, HubConfig hub, PretrainedWeights pretrained, UiExecutors executors,
                            Executor downloads) {
        this.local = local;
        this.downloader = new HubDownloader(hub);
        this.pretrained = pretrained;
        this.executors = executors;
        this.downloads = downloads;
        rows.set(PretrainedWeights.SOURCES.stream().map(WeightsRow::missing).toList());
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** Looks for each network's file in the background; rows being downloaded keep their state. */
    public void refresh() {
        Background.run(executors.compute(), executors.ui(), this::scan, (found, failure) -> {
            if (found == null) {
                listener.failed(failure); // e.g. the weights folder unreadable: the rows stay as they were
                return;
            }
            List<WeightsRow> next = new ArrayList<>();
            for (WeightsRow now : rows.get()) {
                WeightsRow scanned = found.stream().filter(r -> r.source().equals(now.source())).findFirst().orElse(now);
                boolean keep = now.status() == WeightsRow.Status.DOWNLOADING
                        || (now.status() == WeightsRow.Status.FAILED && scanned.status() == WeightsRow.Status.MISSING);
                next.add(keep ? now : scanned);
            }
            rows.set(List.copyOf(next));
            firstRunPrompt.set(found.stream().allMatch(r -> r.status() == WeightsRow.Status.MISSING) && !dismissed());
        });
    }

    private List<WeightsRow> scan() {
        List<WeightsRow> found = new ArrayList<>();
        for (HubSource s : PretrainedWeights.SOURCES) {
            Optional<Path> f = local.find(s.model());
            long size = f.map(WeightsViewModel::sizeOf).orElse(-1L);
            found.add(f.isPresent() ? new WeightsRow(s, WeightsRow.Status.PRESENT, f.get(), size, null, null)
                    : WeightsRow.missing(s));
        }
        return found;
    }

    /** Starts downloading {@code model}'s weights; does nothing while it is already downloading. */
    public void download(String model) {
        HubSource source = HubSource.forModel(model).orElseThrow();
        CancellationToken cancel = new CancellationToken();
        if (running.putIfAbsent(model, cancel) != null) {
            return;
        }
        replace(source, r -> r.downloading(null));
        downloads.execute(() -> {
            CachedFile file = null;
            String failure = null;
            try {
                file = downloader.download(source, p -> executors.ui().execute(() -> {
                    if (running.get(model) == cancel) {
                        replace(source, r -> r.downloading(p));
                    }
                }), cancel);
            } catch (Throwable e) { // an Error too must end the download, or the row stays "downloading"
                failure = Background.describe(e);
            }
            CachedFile f = file;
            String why = failure;
            executors.ui().execute(() -> finished(source, cancel, f, why));
        });
    }

    private void finished(HubSource source, CancellationToken cancel, CachedFile file, String failure) {
        running.remove(source.model(), cancel);
        if (file == null) {
            if (cancel.isCancelled()) {
                replace(source, r -> new WeightsRow(source, WeightsRow.Status.MISSING, null, -1, null, failure));
            } else {
                replace(source, r -> r.failed(failure));
                listener.failed(failure);
            }
            return;
        }
        replace(source, r -> new WeightsRow(source, WeightsRow.Status.PRESENT, file.file(), file.size(), null, null));
        firstRunPrompt.set(false);
        Architecture a = architecture(source);
        listener.downloaded(source, file.file());
        pretrained.bindFile(a, file.file(), () -> { }, listener::failed);
        refresh(); // an imported file in the app's folder still comes first: show the one really used
    }

    /** Stops the download of {@code model}; its partial file stays for the next attempt to resume. */
    public void cancel(String model) {
        CancellationToken t = running.get(model);
        if (t != null) {
            t.cancel();
        }
    }

    /** Hides the first-run prompt for good (a marker file in the app's weights folder). */
    public void dismissFirstRun() {
        firstRunPrompt.set(false);
        executors.compute().execute(() -> {
            try {
                Files.createDirectories(local.appFolder());
                Files.writeString(local.appFolder().resolve(DISMISSED_MARKER), "dismissed\n");
            } catch (IOException e) {
                // not remembered: the prompt shows again next time, which is harmless
            }
        });
    }

    private boolean dismissed() {
        return Files.exists(local.appFolder().resolve(DISMISSED_MARKER));
    }

    private void replace(HubSource s, java.util.function.UnaryOperator<WeightsRow> change) {
        rows.set(rows.get().stream().map(r -> r.source().equals(s) ? change.apply(r) : r).toList());
    }

    private static Architecture architecture(HubSource s) {
        return s.architecture().orElseThrow();
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    public ReadOnlyObjectProperty<List<WeightsRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public List<WeightsRow> rows() {
        return rows.get();
    }

    public WeightsRow row(String model) {
        return rows.get().stream().filter(r -> r.source().model().equals(model)).findFirst().orElseThrow();
    }

    /** Whether the window should offer to get weights (none on this machine, not dismissed). */
    public ReadOnlyBooleanProperty firstRunPromptProperty() {
        return firstRunPrompt.getReadOnlyProperty();
    }
}
