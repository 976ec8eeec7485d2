package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.mobilenet.engine.op.ConvGeometry;
import org.junit.jupiter.api.Test;

class KernelBankTest {

    @Test
    void classicKernelsHaveTheirTextbookSums() {
        assertEquals(0f, sum(Kernels.SOBEL_X), 0f);
        assertEquals(0f, sum(Kernels.SOBEL_Y), 0f);
        assertEquals(0f, sum(Kernels.OUTLINE), 0f);
        assertEquals(1f, sum(Kernels.SHARPEN), 0f);
        assertEquals(1f, sum(Kernels.EMBOSS), 0f);
        assertEquals(1f, sum(Kernels.BOX_BLUR), 1e-6f);
        assertEquals(1f, sum(Kernels.GAUSSIAN_BLUR), 1e-6f);
        assertEquals(1f, sum(Kernels.GAUSSIAN_BLUR_5), 1e-6f);
        assertEquals(4f / 16, Kernels.GAUSSIAN_BLUR.get(1, 1), 0f);
        assertEquals(36f / 256, Kernels.GAUSSIAN_BLUR_5.get(2, 2), 0f);
        assertEquals(Kernels.SOBEL_X, Kernels.byId("sobel-x"));
        assertEquals(2, Kernels.ofSize(5).size());
    }

    @Test
    void standardBankAppliesEachKernelToTheMeanOfTheChannels() {
        KernelBank b = KernelBank.standard(List.of(Kernels.SOBEL_X, Kernels.SHARPEN), 3, 1);
        assertEquals(ConvGeometry.standard(3, 2, 3, 1), b.geometry());
        for (int c = 0; c < 3; c++) {
            assertEquals(2f / 3, b.weight(0, c, 1, 2), 1e-7f); // Sobel x centre-right = 2
            assertEquals(5f / 3, b.weight(1, c, 1, 1), 1e-7f); // sharpen centre = 5
        }
        assertEquals(List.of("sobel-x", "sharpen"), b.labels());
        assertEquals(2 * 3 * 9, b.params());
    }

    @Test
    void depthwiseBankGivesChannelCTheKernelCModN() {
        KernelBank b = KernelBank.depthwise(List.of(Kernels.SOBEL_X, Kernels.IDENTITY), 3, 2);
        assertTrue(b.geometry().isDepthwise());
        assertEquals(2, b.geometry().stride());
        assertArrayEquals(Kernels.SOBEL_X.weights(), b.kernel(0), 0f);
        assertArrayEquals(Kernels.IDENTITY.weights(), b.kernel(1), 0f);
        assertArrayEquals(Kernels.SOBEL_X.weights(), b.kernel(2), 0f);
    }

    @Test
    void learnedWeightsKeepPyTorchLayout() {
        float[] w = new float[2 * 3 * 3 * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = i;
        }
        KernelBank b = KernelBank.learnedStem(w, 2, 3, 3, 2);
        assertEquals(new ConvGeometry(3, 2, 3, 2, 1, 1), b.geometry()); // timm padding for 3×3 stride 2 is 1
        assertEquals(((1 * 3 + 2) * 3 + 0) * 3 + 1, b.weight(1, 2, 0, 1), 0f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelBank.learnedStem(new float[53], 2, 3, 3, 2));
        assertTrue(e.getMessage().contains("54"), e.getMessage());
    }

    @Test
    void wrongKernelSizeForTheGeometryIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> KernelBank.fromKernels(List.of(Kernels.GAUSSIAN_BLUR_5), ConvGeometry.standard(3, 1, 3, 1)));
    }

    @Test
    void factorisedStandardConvolutionEqualsDepthwiseThenPointwise() {
        Planes img = Fixtures.image(21, 3, 11, 14);
        KernelBank dw = KernelBank.depthwise(List.of(Kernels.SOBEL_X, Kernels.EMBOSS, Kernels.GAUSSIAN_BLUR), 3, 1);
        KernelBank pw = KernelBank.pointwise(new float[][] {{1, 0.5f, -1}, {0.2f, 0.3f, 0.4f}});
        float[] twoSteps = ConvTrace.of(ConvTrace.of(img, dw).result(), pw).result().toArray();
        KernelBank std = KernelBank.factorised(dw, pw);
        assertEquals(ConvGeometry.standard(3, 2, 3, 1), std.geometry());
        assertEquals(-1 * Kernels.GAUSSIAN_BLUR.get(0, 1), std.weight(0, 2, 0, 1), 0f);
        assertArrayEquals(twoSteps, ConvTrace.of(img, std).result().toArray(), 1e-5f);
    }

    private static float sum(Kernel2d k) {
        float s = 0;
        for (float v : k.weights()) {
            s += v;
        }
        return s;
    }
}
