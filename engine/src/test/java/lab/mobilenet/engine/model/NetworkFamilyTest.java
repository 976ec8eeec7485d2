package lab.mobilenet.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.mobilenet.engine.classify.PretrainedConfigs;
import lab.mobilenet.engine.image.PreprocessConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NetworkFamilyTest {

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void everyFamilyParsesByItsOwnNamesAndBuildsItsTimmName(Architecture arch) {
        NetworkFamily f = arch.family();
        for (String n : f.names()) {
            assertEquals(arch, ModelName.parse(n, null).architecture(), n);
        }
        assertEquals(arch, ModelName.parse(f.timmName(1.0), null).architecture());
        assertEquals(f.timmName(1.0), NetworkBuilder.build(arch, 1.0).name());
    }

    @Test
    void preprocessingComesFromTheFamilyAndMatchesTimmsPretrainedConfigs() {
        // TIMM_KEYS.md §5: V1 0.5/0.5, V2 and V3 ImageNet statistics, all 256 → 224
        assertEquals(PreprocessConfig.inception(), PretrainedConfigs.forArchitecture(Architecture.MOBILENET_V1));
        assertEquals(PreprocessConfig.imagenet(), PretrainedConfigs.forArchitecture(Architecture.MOBILENET_V2));
        assertEquals(PreprocessConfig.imagenet(), PretrainedConfigs.forArchitecture(Architecture.MOBILENET_V3_SMALL));
        PreprocessConfig x = PretrainedConfigs.forModel("legacy_xception");
        assertEquals(333, x.resizeShorter());
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, x.mean());
    }

    @Test
    void anUnknownModelHasNoPreprocessingRatherThanImageNetsByDefault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PretrainedConfigs.forModel("resnet50"));
        assertTrue(e.getMessage().startsWith("unknown model 'resnet50'"), e.getMessage());
        assertTrue(e.getMessage().contains("legacy_xception"), "the message lists the families: " + e.getMessage());
    }

    @Test
    void checkpointSourcesNameTheHubReposOfTheDefaultTags() {
        assertEquals("timm/mobilenetv2_100.ra_in1k", Architecture.MOBILENET_V2.family().pretrained().orElseThrow().hubRepo());
        assertEquals("timm/mobilenetv3_small_100.lamb_in1k",
                Architecture.MOBILENET_V3_SMALL.family().pretrained().orElseThrow().hubRepo());
        assertFalse(Architecture.CONV_MOBILENET_V1.family().pretrained().isPresent(), "no published Conv MobileNet");
    }

    @Test
    void blockRowsNameTheirFieldsAndDefaultTheRest() {
        BlockSpec row = BlockSpec.ir(40).kernel(5).stride(2).expansion(3).activation(Activation.RELU).se();
        assertEquals(new BlockSpec(BlockType.IR, 5, 2, 3.0, 40, Activation.RELU, true, 1, true, true), row);
        assertEquals(new BlockSpec(BlockType.CN, 1, 1, 1.0, 960, null, false, 1, true, true), BlockSpec.cn(960));
        assertThrows(IllegalArgumentException.class, () -> BlockSpec.xception(728).reps(0));
    }

    @Test
    void timmNamesCarryTheWidthExceptForXceptionAtOne() {
        assertEquals("mobilenetv2_100", Architecture.MOBILENET_V2.timmName(1.0));
        assertEquals("legacy_xception", Architecture.XCEPTION.timmName(1.0));
        assertEquals("legacy_xception_050", Architecture.XCEPTION.timmName(0.5));
        ModelName half = ModelName.parse("legacy_xception_050", null);
        assertEquals(Architecture.XCEPTION, half.architecture());
        assertEquals(0.5, half.width());
    }
}
