package lab.mobilenet.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.mobilenet.engine.model.Architecture;
import org.junit.jupiter.api.Test;

class StartOptionsExplorerTest {

    @Test
    void pageAndModelOpenTheExplorerOnThatNetwork() {
        StartOptions o = StartOptions.parse(Map.of("page", "explorer", "model", "mobilenetv3_small"), s -> { });
        assertEquals(Page.EXPLORER, o.page());
        assertEquals(Architecture.MOBILENET_V3_SMALL, o.model());
        assertEquals(Architecture.MOBILENET_V2, StartOptions.parse(Map.of("model", "mobilenetv2_100"), s -> { }).model());
    }

    @Test
    void anUnknownModelIsOneWarningAndTheDefault() {
        List<String> warnings = new ArrayList<>();
        StartOptions o = StartOptions.parse(Map.of("page", "explorer", "model", "resnet50"), warnings::add);
        assertNull(o.model());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("--model=resnet50: "), warnings.get(0));
    }

    @Test
    void openLayerNamesTheConvolutionToOpenInItsLesson() {
        StartOptions o = StartOptions.parse(Map.of("page", "explorer", "open-layer", " blocks.2.0.conv_dw "), s -> { });
        assertEquals("blocks.2.0.conv_dw", o.openLayer());
        assertNull(StartOptions.parse(Map.of("open-layer", ""), s -> { }).openLayer(), "blank: none");
        assertNull(StartOptions.DEFAULTS.openLayer());
    }
}
