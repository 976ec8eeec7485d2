package lab.mobilenet.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import java.util.LinkedHashMap;
import java.util.Map;
import lab.mobilenet.app.ui.weights.TinySafetensors;
import lab.mobilenet.engine.model.ModelName;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.io.TempDir;

/** Thin and broken pictures given to {@code classify} next to good ones: each fails or succeeds alone. */
class ClassifyHostileImagesTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aThinStripIsClassifiedAndATruncatedPngFailsAloneWithExitTwo(@TempDir Path tmp) throws Exception {
        Path strip = tmp.resolve("strip.png");
        ImageIO.write(new BufferedImage(30_000, 1, BufferedImage.TYPE_INT_RGB), "png", strip.toFile());
        Path pole = tmp.resolve("pole.png");
        ImageIO.write(new BufferedImage(1, 30_000, BufferedImage.TYPE_INT_RGB), "png", pole.toFile());
        byte[] good = Files.readAllBytes(Path.of("../assets/images/chelsea.png"));
        Path truncated = Files.write(tmp.resolve("half.png"), Arrays.copyOf(good, good.length / 2));
        int status = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "classify",
                "--untrained", "-m", "mobilenetv3_small_050", "--format", "json", "--top", "1",
                strip.toString(), truncated.toString(), "../assets/images/chelsea.png", pole.toString());
        assertEquals(2, status, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(4, j.size());
        for (int i : new int[] {0, 2, 3}) {
            assertEquals(1, j.get(i).get("top").size(), j.get(i).toString());
        }
        assertTrue(j.get(1).get("error").asText().startsWith("half.png: "), j.get(1).toString());
        String e = err.toString();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: " + truncated + ": "), e);
        assertFalse(e.contains("internal error"), e);
    }

    @Test
    void aCheckpointWithOneNanIsRefusedNamingTheTensorInsteadOfPrintingNanPercent(@TempDir Path tmp) throws Exception {
        Network network = ModelName.parse("mobilenetv3_small_050", null).build();
        Path file = tmp.resolve("nan.safetensors");
        try (Weights seeded = SeededWeights.create(network, 3)) {
            Map<String, INDArray> tensors = new LinkedHashMap<>(seeded.tensors());
            INDArray bn = tensors.get("bn1.running_var").dup();
            bn.putScalar(5, Float.NaN);
            tensors.put("bn1.running_var", bn);
            TinySafetensors.write(file, tensors);
        }
        int status = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "classify",
                "-m", "mobilenetv3_small_050", "--weights", file.toString(), "../assets/images/chelsea.png");
        assertEquals(2, status, err.toString());
        assertEquals("error: nan.safetensors: tensor 'bn1.running_var' holds 1 non-finite value (NaN at index 5);"
                + " every prediction would be NaN, so the checkpoint is refused", err.toString().strip());
        assertFalse(out.toString().contains("NaN"), out.toString());
    }
}
