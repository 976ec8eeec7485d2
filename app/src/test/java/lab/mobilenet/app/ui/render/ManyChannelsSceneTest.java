package lab.mobilenet.app.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import lab.mobilenet.engine.op.ConvGeometry;
import lab.mobilenet.lessons.Granularity;
import lab.mobilenet.lessons.LessonCatalog;
import lab.mobilenet.lessons.LessonSession;
import lab.mobilenet.lessons.RealLayer;
import lab.mobilenet.lessons.TraceFrame;
import org.junit.jupiter.api.Test;

/**
 * A real pointwise layer reads tens or hundreds of channels: the lesson picture shows the page of 16 of them
 * that holds the multiply-add being done, not all of them squeezed into unreadable tiles.
 */
class ManyChannelsSceneTest {

    private static TraceFrame pointwiseAfterMacs(int macs) {
        int c = 40;
        float[] input = new float[c * 6 * 6];
        for (int i = 0; i < input.length; i++) {
            input[i] = (i % 13) / 13f;
        }
        float[] w = new float[8 * c];
        for (int i = 0; i < w.length; i++) {
            w[i] = ((i % 7) - 3) / 7f;
        }
        RealLayer r = RealLayer.crop("blocks.9.0.conv_pw", new ConvGeometry(c, 8, 1, 1, 0, 1), input, 6, 6, w, null,
                0, 0, 0, 8, 4);
        LessonSession s = LessonCatalog.session(r);
        s.setGranularity(Granularity.MAC);
        for (int i = 0; i < macs; i++) {
            s.next();
        }
        return s.frame().traces().get(0);
    }

    private static Set<String> texts(TraceFrame tf) {
        RecordingPainter p = new RecordingPainter(1200, 760);
        ConvScenePainter.paint(new SceneContext(p, Palette.LIGHT, (k, a) -> k, 1), new Box(0, 0, 1200, 760), tf);
        return p.texts.stream().map(RecordingPainter.Text::s).collect(Collectors.toSet());
    }

    @Test
    void theTwentiethMultiplyAddShowsChannels16To31() {
        TraceFrame tf = pointwiseAfterMacs(20); // products of channels 0…19 done: the current one is c19
        assertEquals(20, tf.tapsDone());
        Set<String> t = texts(tf);
        for (int ch = 16; ch < 32; ch++) {
            assertTrue(t.contains("c" + ch), "tile c" + ch);
        }
        assertFalse(t.contains("c15"));
        assertFalse(t.contains("c32"));
        assertTrue(t.contains("c16 … c31  (40)"), "the vector row says which channels it shows: " + t);
    }

    @Test
    void theLastPageEndsAtTheLastChannel() {
        Set<String> t = texts(pointwiseAfterMacs(39)); // current channel c38: the page c24…c39
        assertTrue(t.contains("c24"));
        assertTrue(t.contains("c39"));
        assertFalse(t.contains("c23"));
        assertTrue(t.contains("c24 … c39  (40)"), t.toString());
    }
}
