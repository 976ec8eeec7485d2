package lab.mobilenet.lessons;

import java.util.Optional;
import java.util.stream.Stream;

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

    /** What the stages done so far have cost: measured MACs, params and the cost model's bytes. */
    public Counters counters() {
        return walkthrough.counters(stagesDone);
    }

    /** MACs the runtime executed for the stages done so far (the counters' MACs). */
    public long macsDone() {
        return counters().macsDone();
    }

    /** The cost model's (formula) MACs of the stages done so far, to compare with {@link #macsDone()}. */
    public long formulaMacsDone() {
        return done().mapToLong(BlockStage::macs).sum();
    }

    /** Measured wall time of the stages done so far. */
    public long nanosDone() {
        return done().mapToLong(BlockStage::nanos).sum();
    }

    private Stream<BlockStage> done() {
        return walkthrough.stages().subList(0, stagesDone).stream();
    }
}
