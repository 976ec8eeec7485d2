package lab.mobilenet.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormulaTest {

    @Test
    void standardFormulaSubstitutesTheNumbersWithThousandsSeparators() {
        Formula f = Formula.standardMacs(3, 3, 8, 48, 48);
        assertEquals("D_K·D_K·M·N·D_F·D_F", f.symbolic());
        assertEquals("3·3·3·8·48·48 = 497,664", f.substituted());
        assertEquals(497_664L, f.longValue());
        assertEquals(6, f.terms().size());
        assertEquals("formula.standard-macs", f.nameKey());
    }

    @Test
    void separableIsTheSumOfDepthwiseAndPointwise() {
        Formula f = Formula.separableMacs(3, 3, 8, 48, 64);
        assertEquals("D_K·D_K·M·D_F·D_F + M·N·D_F·D_F", f.symbolic());
        assertEquals(9L * 3 * 48 * 64 + 3L * 8 * 48 * 64, f.longValue());
        assertEquals("3·3·3·48·64 + 3·8·48·64 = 82,944 + 73,728 = 156,672", f.substituted());
    }

    @Test
    void squeezeExciteIsTwoSmallFullyConnectedLayers() {
        Formula f = Formula.squeezeExciteMacs(672, 168);
        assertEquals("C·C_r + C_r·C", f.symbolic());
        assertEquals("672·168 + 168·672 = 112,896 + 112,896 = 225,792", f.substituted());
        assertEquals(2L * 672 * 168, f.longValue());
        assertEquals("formula.squeeze-excite-macs", f.nameKey());
    }

    @Test
    void ratioIsOneOverNPlusOneOverKSquared() {
        Formula r = Formula.separableRatio(3, 8);
        assertEquals(0.125 + 1.0 / 9, r.value(), 1e-15);
        assertEquals("1/8 + 1/3² = 0.2361", r.substituted());
    }

    /** MobileNet V1 paper, Table 1: a 3×3 layer, M = N = 512, D_F = 14. */
    @Test
    void paperTableOneNumbersAreReproduced() {
        assertEquals(462, Math.round(Formula.standardMacs(3, 512, 512, 14, 14).value() / 1e6));
        assertEquals(52.3, Formula.separableMacs(3, 512, 512, 14, 14).value() / 1e6, 0.05);
        assertEquals(29.6, Formula.scaledSeparableMacs(3, 512, 512, 14, 0.75, 1.0).value() / 1e6, 0.05);
        assertEquals(15.1, Formula.scaledSeparableMacs(3, 512, 512, 14, 0.75, 0.714).value() / 1e6, 0.05);
        assertEquals(2.36, Formula.standardParams(3, 512, 512).value() / 1e6, 0.005);
        assertEquals(0.27, Formula.separableParams(3, 512, 512).value() / 1e6, 0.005);
    }

    @Test
    void groupedFormulaDividesByG() {
        Formula g4 = Formula.groupedMacs(3, 12, 12, 4, 10, 10);
        assertEquals(9L * 3 * 12 * 100, g4.longValue());
        assertEquals("3·3·3·12·10·10 = 32,400", g4.substituted());
        assertEquals(9L * 12, Formula.groupedParams(3, 12, 12, 12).longValue());
    }

    @Test
    void multipliersScaleByTheirSquare() {
        assertEquals("0.75² = 0.5625", Formula.widthScaling(0.75).substituted());
        assertEquals(0.25, Formula.resolutionScaling(0.5).value(), 0);
    }

    @Test
    void im2colDuplicationIsAboutKSquaredForSamePadding() {
        Formula f = Formula.im2colDuplication(3, 3, 24, 18, 24, 18);
        assertEquals(9.0, f.value(), 0);
        assertEquals("(3·3·3·24·18) / (3·24·18) = 11,664 / 1,296 = 9", f.substituted());
    }
}
