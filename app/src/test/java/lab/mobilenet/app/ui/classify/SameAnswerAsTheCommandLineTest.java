package lab.mobilenet.app.ui.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.mobilenet.app.cli.Cli;
import lab.mobilenet.app.cli.ImageNetLabels;
import lab.mobilenet.engine.classify.Prediction;
import lab.mobilenet.engine.classify.PretrainedConfigs;
import lab.mobilenet.engine.image.ImageLoader;
import lab.mobilenet.engine.image.Preprocessor;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.SeededWeights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The page and {@code classify} on the command line see the same tensor and give the same top-5 for the same
 * photo and weights. With {@code --untrained} the command line uses the seeded initialisation (seed 42), so the
 * page is given the same; with real weights both read the same checkpoint through the same binder.
 */
class SameAnswerAsTheCommandLineTest {

    private static final Path PHOTO = Path.of("../assets/images/coffee.png");

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"MOBILENET_V1", "MOBILENET_V2", "MOBILENET_V3_LARGE",
            "MOBILENET_V3_SMALL"})
    void theTop5LinesAreThoseTheCommandLinePrints(Architecture arch) throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(0, Cli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "classify", "--untrained", "--model", ClassifyNetworks.timmName(arch), PHOTO.toString()));
        List<String> cli = out.toString().lines().skip(1).map(String::strip).toList();

        EngineClassifyBackend backend = new EngineClassifyBackend();
        ClassifyBackend.Prepared p = backend.decode(PHOTO);
        ClassifyBackend.Outcome o = backend.classify(arch, SeededWeights.create(backend.network(arch), 42),
                p.crops().get(0).image(), CancellationToken.NEVER);
        List<String> page = new ArrayList<>();
        for (Prediction pr : o.top()) {
            page.add(String.format(Locale.ROOT, "%6.2f%%  %4d  %s", 100 * pr.probability(), pr.index(),
                    ImageNetLabels.name(pr.index())).strip());
        }
        assertEquals(cli, page);
    }

    @org.junit.jupiter.api.Test
    void thePageNormalisesTheSameCropTheCommandLineDoes() throws Exception {
        EngineClassifyBackend backend = new EngineClassifyBackend();
        ClassifyBackend.Prepared p = backend.decode(PHOTO);
        for (Architecture a : ClassifyNetworks.ALL) {
            var config = PretrainedConfigs.forArchitecture(a);
            float[] cli = Preprocessor.prepare(ImageLoader.load(PHOTO), config).tensor();
            RgbCrop crop = new RgbCrop(p, a);
            assertArrayEquals(cli, Preprocessor.normalize(crop.image(), config), a.name());
        }
    }

    private record RgbCrop(ClassifyBackend.Prepared prepared, Architecture network) {
        lab.mobilenet.engine.image.RgbImage image() {
            return prepared.crops().stream().filter(c -> c.networks().contains(network)).findFirst().orElseThrow()
                    .image();
        }
    }
}
