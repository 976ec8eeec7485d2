package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.mobilenet.engine.op.ConvGeometry;
import lab.mobilenet.engine.op.Im2colGemm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Im2colTest {

    @ParameterizedTest(name = "in={0} k={1} s={2} p={3} {4}x{5}")
    @CsvSource({"3,3,1,1,6,7", "2,3,2,1,9,8", "2,5,1,2,7,7", "4,1,1,0,5,3", "3,3,2,0,9,11"})
    void columnsMatchANaiveLoopAndTheEngine(int in, int k, int s, int p, int h, int w) {
        ConvGeometry g = new ConvGeometry(in, 1, k, s, p, 1);
        Planes img = Fixtures.image(in * 100L + k, in, h, w);
        ColumnMatrix m = Im2col.columns(img, g);
        int oh = (h + 2 * p - k) / s + 1;
        int ow = (w + 2 * p - k) / s + 1;
        assertEquals(in * k * k, m.rows());
        assertEquals(oh * ow, m.columns());
        // naive: for every output pixel, copy its window channel by channel into one column
        float[] expected = new float[in * k * k * oh * ow];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int row = 0;
                for (int c = 0; c < in; c++) {
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int iy = y * s - p + i;
                            int ix = x * s - p + j;
                            boolean inside = iy >= 0 && ix >= 0 && iy < h && ix < w;
                            expected[row * oh * ow + y * ow + x] = inside ? img.get(c, iy, ix) : 0f;
                            row++;
                        }
                    }
                }
            }
        }
        assertArrayEquals(expected, m.values(), 0f);
        try (INDArray x = Nd4j.create(img.toArray(), new long[] {1, in, h, w}, 'c');
             INDArray cols = Im2colGemm.columns(x, g)) {
            assertArrayEquals(cols.dup('c').data().asFloat(), m.values(), 0f);
        }
    }

    @Test
    void indexHelpersMapColumnsToOutputPixelsAndRowsToTaps() {
        ConvGeometry g = new ConvGeometry(3, 4, 3, 2, 1, 1);
        int ow = 7;
        for (int col = 0; col < 35; col++) {
            Im2col.Cell cell = Im2col.outputCell(col, ow);
            assertEquals(col, Im2col.column(cell.y(), cell.x(), ow));
            assertEquals(new Im2col.Cell(cell.y() * 2 - 1, cell.x() * 2 - 1), Im2col.patchOrigin(col, ow, g));
        }
        assertEquals(new Im2col.Cell(2, 3), Im2col.outputCell(17, 7));
        for (int row = 0; row < 27; row++) {
            Im2col.Tap t = Im2col.tap(row, 3);
            assertEquals(row, Im2col.row(t.channel(), t.row(), t.col(), 3));
        }
        assertEquals(new Im2col.Tap(2, 0, 1), Im2col.tap(19, 3)); // 19 = (2·3 + 0)·3 + 1
    }

    @Test
    void aOneByOneConvolutionNeedsNoIm2colItsColumnMatrixIsTheInputReshaped() {
        Planes img = Fixtures.image(5, 4, 6, 5);
        ConvGeometry pw = ConvGeometry.pointwise(4, 2);
        assertTrue(Im2col.isPlainReshape(pw));
        assertArrayEquals(img.toArray(), Im2col.columns(img, pw).values(), 0f); // [M, H·W], same order
        assertEquals(1.0, Im2col.columns(img, pw).duplication(), 0);
        assertFalse(Im2col.isPlainReshape(ConvGeometry.standard(4, 2, 3, 1)));
    }

    @Test
    void columnMatrixCostsAboutKSquaredTimesTheImage() {
        Planes img = Fixtures.image(6, 3, 24, 18);
        ColumnMatrix m = Im2col.columns(img, ConvGeometry.standard(3, 4, 3, 1));
        assertEquals(4L * 27 * 24 * 18, m.bytes());
        assertEquals(4L * 3 * 24 * 18, m.imageBytes());
        assertEquals(9.0, m.duplication(), 0);
        ColumnMatrix five = Im2col.columns(img, ConvGeometry.standard(3, 4, 5, 1));
        assertEquals(25.0, five.duplication(), 0);
    }

    @Test
    void gemmStepsReadTheKernelMatrixAndTheColumnMatrixAtTheirIndices() {
        Planes img = Fixtures.image(7, 4, 6, 7);
        ConvGeometry g = new ConvGeometry(4, 6, 3, 1, 1, 2); // grouped: each output reads 2 of 4 channels
        GemmTrace t = GemmTrace.of(img, Fixtures.randomBank(8, g, false));
        float[] a = t.kernelMatrix();
        ColumnMatrix b = t.columns();
        int depth = t.kernelMatrixColumns();
        assertEquals(18, depth);
        for (long i = 0; i < t.totalMacs(); i += 37) {
            GemmStep s = t.step(i);
            assertEquals(a[s.outRow() * depth + s.depth()], s.a(), 0f);
            assertEquals(b.get(s.matrixRow(), s.column()), s.b(), 0f);
        }
        // the GEMM itself, group by group, gives the convolution's result
        int cols = b.columns();
        float[] c = new float[6 * cols];
        for (int o = 0; o < 6; o++) {
            int grp = o / 3;
            for (int col = 0; col < cols; col++) {
                double sum = 0;
                for (int d = 0; d < depth; d++) {
                    sum += (double) a[o * depth + d] * b.get(grp * depth + d, col);
                }
                c[o * cols + col] = (float) sum;
            }
        }
        assertArrayEquals(c, t.conv().result().toArray(), 0f);
    }

    @Test
    void gemmTraceWalksTheSameStepsAsTheDirectConvolution() {
        Planes img = Fixtures.image(9, 3, 5, 5);
        KernelBank bank = KernelBank.standard(List.of(Kernels.SOBEL_X, Kernels.BOX_BLUR), 3, 1);
        GemmTrace gemm = GemmTrace.of(img, bank);
        ConvTrace conv = ConvTrace.of(img, bank);
        assertEquals(conv.totalMacs(), gemm.totalMacs());
        assertEquals(conv.step(100), gemm.step(100).conv());
        assertEquals(Im2col.column(conv.step(100).outY(), conv.step(100).outX(), 5), gemm.step(100).column());
    }
}
