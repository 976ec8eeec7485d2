package lab.mobilenet.engine.hub;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.CheckpointSource;

/**
 * Where one checkpoint comes from on the Hugging Face hub: a repository such as
 * {@code timm/mobilenetv2_100.ra_in1k}, a revision (a branch or tag such as {@code main}, or a 40-hex commit), and
 * the SHA-256 of its {@code model.safetensors} when it is known ahead of the download (then a mirror that serves a
 * different file is refused even if it announces that file's own hash).
 *
 * @param model        timm's model name, e.g. {@code mobilenetv2_100} (the repo name before the tag)
 * @param repo         {@code owner/name}
 * @param revision     branch, tag or commit
 * @param pinnedSha256 lower-case hex, or {@code null} when not known
 */
public record HubSource(String model, String repo, String revision, String pinnedSha256) {

    /** The file every timm repository publishes. */
    public static final String FILE = "model.safetensors";

    /**
     * timm's default pretrained checkpoint of every family that has one, read from the families' records
     * ({@link lab.mobilenet.engine.model.CheckpointSource}): the four width-1.0 MobileNets and Xception.
     */
    public static final List<HubSource> KNOWN = of(Architecture.withPublishedWeights());

    public HubSource {
        if (!repo.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("not a hub repository (owner/name): " + repo);
        }
        if (revision.isEmpty() || revision.contains("..") || revision.startsWith("/")) {
            throw new IllegalArgumentException("not a revision: '" + revision + "'");
        }
        if (pinnedSha256 != null && !pinnedSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + pinnedSha256);
        }
    }

    /** The default source of each of {@code networks}, in their order; each must have published weights. */
    public static List<HubSource> of(List<Architecture> networks) {
        return networks.stream().map(HubSource::of).toList();
    }

    /** The default source of {@code a}'s published weights, at revision {@code main}. */
    public static HubSource of(Architecture a) {
        CheckpointSource c = a.family().pretrained()
                .orElseThrow(() -> new IllegalArgumentException(a.baseName() + " has no published weights"));
        return new HubSource(c.model(), c.hubRepo(), "main", c.pinnedSha256());
    }

    /** The network this source's checkpoint is for, when it is one of the known models. */
    public Optional<Architecture> architecture() {
        return Architecture.ofPublishedModel(model);
    }

    /** The known source of a timm model name such as {@code mobilenetv3_small_100}. */
    public static Optional<HubSource> forModel(String model) {
        return KNOWN.stream().filter(s -> s.model.equals(model)).findFirst();
    }

    /**
     * {@code mobilenetv3_small_100} (a known model), or {@code owner/name[@revision]} (any repository; revision
     * {@code main} when not given). A known repository at its default revision keeps its pinned hash.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static HubSource parse(String spec) {
        if (!spec.contains("/")) {
            return forModel(spec).orElseThrow(() -> new IllegalArgumentException("unknown network '" + spec
                    + "' (one of " + String.join(", ", KNOWN.stream().map(HubSource::model).toList())
                    + ", or a hub repository owner/name[@revision])"));
        }
        int at = spec.indexOf('@');
        String repo = at < 0 ? spec : spec.substring(0, at);
        String revision = at < 0 ? "main" : spec.substring(at + 1);
        String name = repo.substring(repo.indexOf('/') + 1);
        int dot = name.indexOf('.');
        String model = dot < 0 ? name : name.substring(0, dot);
        String pin = null;
        for (HubSource k : KNOWN) {
            if (k.repo.equals(repo) && k.revision.equals(revision)) {
                pin = k.pinnedSha256;
            }
        }
        return new HubSource(model, repo, revision, pin);
    }

    /** The cache folder's name in {@code huggingface_hub}'s layout: {@code models--timm--mobilenetv2_100.ra_in1k}. */
    public String cacheFolderName() {
        return "models--" + repo.replace("/", "--");
    }

    /** {@code repo@revision}, as the user types it. */
    @Override
    public String toString() {
        return repo + "@" + revision;
    }

    /** Whether {@code s} is a full commit hash (40 lower-case hex digits), as the hub names snapshots. */
    public static boolean isCommit(String s) {
        return s != null && s.length() == 40 && s.toLowerCase(Locale.ROOT).equals(s) && s.matches("[0-9a-f]{40}");
    }
}
