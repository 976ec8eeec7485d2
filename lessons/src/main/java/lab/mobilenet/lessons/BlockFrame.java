package lab.mobilenet.lessons;

import java.util.Optional;

/**
 * The block lessons' view at one position: the walkthrough and how many of its stages are done.
 *
 * @param walkthrough the whole block as it ran
 * @param stagesDone  0 (only the block input shown) … {@code walkthrough.stages().size()}
 */
public record BlockFrame(BlockWalkthrough walkthrough, int stagesDone) {

    public BlockFrame {
        if (stagesDone < 0 || stagesDone > walkthrough.stages().size()) {
            throw new IllegalArgumentException("stagesDone " + stagesDone + " outside 0.."
                    + walkthrough.stages().size());
        }
    }

    /** The stage finished last (what to draw), empty before the first one. */
    public Optional<BlockStage> current() {
        return stagesDone == 0 ? Optional.empty() : Optional.of(walkthrough.stages().get(stagesDone - 1));
    }

    /** The stage that the next step runs, empty at the end. */
    public Optional<BlockStage> upcoming() {
        return stagesDone == walkthrough.stages().size() ? Optional.empty()
                : Optional.of(walkthrough.stages().get(stagesDone));
    }

    /** Cost-model MACs of the stages done so far. */
    public long macsDone() {
        return walkthrough.stages().subList(0, stagesDone).stream().mapToLong(BlockStage::macs).sum();
    }
}
