package lab.mobilenet.engine.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything that differs between two network families, as one piece of data: names, stem, block table,
 * head, default activation, the eval transform of its pretrained weights and where those weights live.
 * {@link NetworkBuilder} expands it into layers; the cost model, binder, command line and app read it.
 * Adding a network is one more of these in {@link ArchitectureTables} (see docs/ARCHITECTURE.md).
 *
 * @param baseName    timm's family name, e.g. {@code mobilenetv3_large} or {@code legacy_xception}
 * @param aliases     other names the command line accepts (lower case, {@code _} for {@code -})
 * @param paperWidths widths for which the papers (and timm) define a model; others build too
 * @param widthInName whether timm's model name carries the width ({@code mobilenetv2_140}); else the
 *                    width-1.0 name is the base name alone ({@code legacy_xception})
 * @param stem        the stem convolutions, in order
 * @param naming      how block modules are named
 * @param stages      the block table, one list of rows per stage
 * @param head        what follows the blocks
 * @param activation  the default activation (rows with {@code activation == null} use it)
 * @param preprocessing the eval transform of the default pretrained weights
 * @param checkpoint  where those weights are published; {@code null} when there are none
 */
public record NetworkFamily(String baseName, List<String> aliases, List<Double> paperWidths, boolean widthInName,
                            List<StemConv> stem, BlockNaming naming, List<List<BlockSpec>> stages, HeadSpec head,
                            Activation activation, Preprocessing preprocessing, CheckpointSource checkpoint) {

    /** How block modules are named in the checkpoint. */
    public enum BlockNaming {
        /** timm's EfficientNet class: {@code blocks.<stage>.<block>}. */
        STAGED,
        /** Xception: {@code block1}, {@code block2}, … counted over all stages. */
        NUMBERED
    }

    public NetworkFamily {
        aliases = List.copyOf(aliases);
        paperWidths = List.copyOf(paperWidths);
        stem = List.copyOf(stem);
        stages = stages.stream().map(List::copyOf).toList();
        if (stem.isEmpty() || stages.isEmpty() || head == null || activation == null || preprocessing == null) {
            throw new IllegalArgumentException(baseName + ": a family needs a stem, blocks, a head, an activation "
                    + "and its preprocessing");
        }
    }

    /** timm's model name for a width, e.g. {@code mobilenetv2_140} for 1.4, {@code legacy_xception} for 1.0. */
    public String timmName(double width) {
        long pct = Math.round(width * 100);
        if (!widthInName && pct == 100) {
            return baseName;
        }
        return String.format(java.util.Locale.ROOT, "%s_%03d", baseName, pct);
    }

    public Optional<CheckpointSource> pretrained() {
        return Optional.ofNullable(checkpoint);
    }

    /** Names of the stem's layers (convs, batch norms, activations): {@link Network#blockOf} maps them to "stem". */
    public Set<String> stemLayerNames() {
        return stem.stream().flatMap(s -> java.util.stream.Stream.of(s.conv(), s.bn(), s.act()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every name that selects this family, its base name first. */
    public List<String> names() {
        List<String> all = new java.util.ArrayList<>();
        all.add(baseName);
        all.addAll(aliases);
        return List.copyOf(all);
    }
}
