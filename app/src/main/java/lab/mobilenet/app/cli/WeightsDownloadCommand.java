package lab.mobilenet.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lab.mobilenet.engine.hub.CachedFile;
import lab.mobilenet.engine.hub.DownloadProgress;
import lab.mobilenet.engine.hub.HubDownloader;
import lab.mobilenet.engine.hub.HubException;
import lab.mobilenet.engine.hub.HubSource;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.runtime.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code weights download NAME...}: into the Hugging Face cache, verified. Each name fails alone; a progress
 * bar on stderr when it is a terminal, nothing but the result lines otherwise.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download weights from the hub (HF_ENDPOINT for a mirror) into the Hugging Face cache.")
final class WeightsDownloadCommand implements Callable<Integer> {

    @ParentCommand
    WeightsCommand parent;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "mobilenetv1_100, mobilenetv2_100, "
            + "mobilenetv3_large_100, mobilenetv3_small_100, or a hub repository owner/name[@revision] "
            + "(default: the four MobileNets)")
    List<String> names = new ArrayList<>();

    @Option(names = "--progress", description = "show the progress bar even when stderr is not a terminal")
    boolean progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<HubSource> sources = new ArrayList<>();
        for (String n : names.isEmpty() ? HubSource.of(Architecture.MOBILENETS).stream().map(HubSource::model).toList() : names) {
            try {
                sources.add(HubSource.parse(n));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        WeightsStore store = parent.store();
        HubDownloader downloader = store.downloader();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean bar = progress || System.console() != null;
        int failures = 0;
        for (HubSource s : sources) {
            DownloadProgress.Listener listener = !bar ? DownloadProgress.Listener.NONE : p -> {
                err.print("\r" + TextProgressBar.render(s.model(), p) + "  ");
                err.flush();
            };
            try {
                CachedFile f = downloader.download(s, listener, new CancellationToken());
                if (bar) {
                    err.println();
                }
                out.println(s.model() + ": " + f.file() + " (" + WeightsStore.size(f.size()) + ", " + s.repo()
                        + " commit " + f.commit() + ", sha256 " + f.sha256() + ")");
                out.flush();
            } catch (HubException e) {
                if (bar) {
                    err.println();
                }
                failures++;
                err.println("error: " + Cli.oneLine(e.getMessage()));
                err.flush();
            }
        }
        return failures == 0 ? 0 : Cli.BAD_INPUT;
    }
}
