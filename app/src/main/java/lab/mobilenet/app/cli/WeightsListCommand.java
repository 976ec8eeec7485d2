package lab.mobilenet.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import lab.mobilenet.engine.hub.CachedFile;
import lab.mobilenet.engine.hub.HubSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code weights list}: each of the four networks, present or not, where, how big, from where, its SHA-256. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Each network's weights: present or missing, "
        + "path, size, source repo@revision, SHA-256.")
final class WeightsListCommand implements Callable<Integer> {

    @ParentCommand
    WeightsCommand parent;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default text)")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserInputException("unknown format '" + format + "' (text or json)");
        }
        WeightsStore store = parent.store();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HubSource s : HubSource.KNOWN) {
            rows.add(row(store, s));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.print(SummaryFormat.write(rows));
        } else {
            out.println("hub cache: " + store.hub().cache() + "   imported: " + store.local().appFolder());
            for (Map<String, Object> r : rows) {
                boolean present = Boolean.TRUE.equals(r.get("present"));
                out.printf(java.util.Locale.ROOT, "%-22s %-8s %9s  %s%n", r.get("network"), present ? "present" : "missing",
                        present ? WeightsStore.size((Long) r.get("size")) : "", r.get("source"));
                if (present) {
                    out.println("    " + r.get("path"));
                }
                Object sha = r.get("sha256");
                if (sha != null) {
                    out.println("    sha256 " + sha + (present ? "" : " (expected)"));
                }
            }
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> row(WeightsStore store, HubSource s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", s.model());
        Optional<Path> file = store.find(s.model());
        m.put("present", file.isPresent());
        if (file.isEmpty()) {
            m.put("source", s.toString());
            m.put("sha256", s.pinnedSha256());
            return m;
        }
        Path f = file.get();
        m.put("path", f.toString());
        try {
            m.put("size", Files.size(f));
        } catch (IOException e) {
            throw new UserInputException(f + ": cannot read: " + e.getMessage(), e);
        }
        Optional<CachedFile> cached = store.cached(s).filter(c -> c.file().equals(f));
        if (store.isImported(f)) {
            m.put("source", "imported");
        } else if (cached.isPresent()) {
            m.put("source", s + " (commit " + cached.get().commit() + ")");
        } else {
            m.put("source", "hub cache, another snapshot");
        }
        String sha = cached.map(CachedFile::sha256).filter(lab.mobilenet.engine.hub.Sha256::isSha256)
                .orElseGet(() -> WeightsStore.sha256(f));
        m.put("sha256", sha);
        return m;
    }
}
