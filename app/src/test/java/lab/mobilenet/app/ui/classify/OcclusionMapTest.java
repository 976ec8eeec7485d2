package lab.mobilenet.app.ui.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import lab.mobilenet.engine.image.RgbImage;
import lab.mobilenet.engine.runtime.CancellationToken;
import org.junit.jupiter.api.Test;

/** The occlusion map with a hand-made "network" whose answer we can predict for every grey patch. */
class OcclusionMapTest {

    private static RgbImage white(int w, int h) {
        byte[] px = new byte[3 * w * h];
        Arrays.fill(px, (byte) 255);
        return RgbImage.of(w, h, px);
    }

    /** "Probability" = share of white pixels in the top-left 2 × 2 corner. */
    private static double cornerWhite(RgbImage p) {
        int white = 0;
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                white += p.sample(x, y, 0) == 255 ? 1 : 0;
            }
        }
        return white / 4.0;
    }

    @Test
    void onlyThePatchOverWhatTheProbeLooksAtLowersItsAnswer() {
        List<Integer> progress = new ArrayList<>();
        HeatMap m = OcclusionMap.compute(white(4, 4), 2, OcclusionMapTest::cornerWhite, new CancellationToken(),
                progress::add);
        assertEquals(2, m.width());
        assertEquals(2, m.height());
        assertArrayEquals(new float[] {1, 0, 0, 0}, m.values(), "covering the corner drops 1 → 0; others nothing");
        assertEquals(List.of(1, 2, 3, 4), progress);
    }

    @Test
    void aPatchThatDoesNotDivideTheSideLeavesASmallerLastCell() {
        // 5 × 5 with patches of 2: cells at 0-1, 2-3, 4; a patch at (1, 0) covers columns 2-3 only: corner unaffected
        // the probe here looks at pixel (4, 4), which only the last cell (2, 2) covers
        OcclusionMap.Probe lastPixel = p -> p.sample(4, 4, 1) == 255 ? 0.75 : 0.25;
        HeatMap m = OcclusionMap.compute(white(5, 5), 2, lastPixel, new CancellationToken(), n -> { });
        assertEquals(3, m.width());
        float[] expected = new float[9];
        expected[8] = 0.5f;
        assertArrayEquals(expected, m.values());
    }

    @Test
    void a224CropWithPatchesOf32IsASevenBySevenGrid() {
        assertEquals(7, OcclusionMap.cells(224, 32));
        assertEquals(49, new EngineClassifyBackend().occlusionRuns(224));
    }

    @Test
    void aRaisedTokenStopsItBeforeTheNextRun() {
        CancellationToken t = new CancellationToken();
        List<Integer> runs = new ArrayList<>();
        assertThrows(CancellationException.class, () -> OcclusionMap.compute(white(4, 4), 2, p -> {
            runs.add(1);
            if (runs.size() == 2) {
                t.cancel();
            }
            return 0.5;
        }, t, n -> { }));
        assertEquals(2, runs.size(), "the baseline and one patch, then it stopped");
    }

    @Test
    void softmaxProbabilityOfAClassIsWorkedOutInDouble() {
        // logits (0, ln 3): probabilities 1/4 and 3/4
        assertEquals(0.75, EngineClassifyBackend.probability(new float[] {0f, (float) Math.log(3)}, 1), 1e-6);
        assertEquals(0.25, EngineClassifyBackend.probability(new float[] {1000f, 1000f + (float) Math.log(3)}, 0), 1e-4,
                "shifted by the largest logit, so large logits do not overflow");
    }
}
