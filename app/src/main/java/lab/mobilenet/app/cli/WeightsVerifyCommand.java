package lab.mobilenet.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import lab.mobilenet.engine.checkpoint.CheckpointFit;
import lab.mobilenet.engine.hub.HubSource;
import lab.mobilenet.engine.model.Architecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code weights verify}: re-hash every stored file against its announced or pinned hash and bind it to its network. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Re-hash the stored weights against the hub's and the pinned SHA-256 and check they fit their network.")
final class WeightsVerifyCommand implements Callable<Integer> {

    @ParentCommand
    WeightsCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        WeightsStore store = parent.store();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        int present = 0;
        for (HubSource s : HubSource.KNOWN) {
            Optional<Path> file = store.find(s.model());
            if (file.isEmpty()) {
                out.println(s.model() + ": missing");
                continue;
            }
            present++;
            Path f = file.get();
            String got = WeightsStore.sha256(f);
            String expected = store.expectedSha256(s, f);
            if (expected != null && !expected.equals(got)) {
                failures++;
                err.println("error: " + f + ": SHA-256 is " + got + ", expected " + expected
                        + "; delete it and run 'weights download " + s.model() + "' again");
                continue;
            }
            Architecture a = s.architecture().orElseThrow();
            CheckpointFit.Result fit = CheckpointFit.against(f, a);
            if (!fit.fits()) {
                failures++;
                err.println("error: " + f + ": does not fit " + s.model() + ": " + Cli.oneLine(fit.reason()));
                continue;
            }
            out.println(s.model() + ": ok  " + f + "  sha256 " + got
                    + (expected == null ? " (no announced hash to compare)" : " (matches)") + ", binds to " + s.model());
        }
        if (present == 0) {
            out.println("no weights stored; 'weights download' fetches them");
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : Cli.BAD_INPUT;
    }
}
