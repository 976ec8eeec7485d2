package lab.mobilenet.engine.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The narrow float formats of checkpoints against hand-worked bit patterns, and exhaustively against a
 * naive formula written from the format definitions (sign · 2^(exponent − bias) · 1.mantissa, computed
 * in double with {@link Math#pow}).
 */
class SafetensorsHalfFloatConversionTest {

    @ParameterizedTest(name = "half 0x{0} = {1}")
    @CsvSource({
            "3C00, 1.0",
            "C000, -2.0",
            "3800, 0.5",
            "7BFF, 65504.0",
            "0001, 5.9604644775390625E-8",     // 2^-24, smallest subnormal
            "03FF, 6.097555160522461E-5",      // 1023 * 2^-24, largest subnormal
            "0400, 6.103515625E-5",            // 2^-14, smallest normal
            "3555, 0.333251953125",
            "0000, 0.0",
            "7C00, Infinity",
            "FC00, -Infinity",
    })
    void halfMatchesHandWorkedValues(String hex, double expected) {
        assertEquals((float) expected, HalfFloats.float16ToFloat(Integer.parseInt(hex, 16)));
    }

    @Test
    void halfNegativeZeroKeepsItsSign() {
        assertEquals(0x8000_0000, Float.floatToRawIntBits(HalfFloats.float16ToFloat(0x8000)));
    }

    @Test
    void halfNanKeepsItsPayloadAndSign() {
        assertEquals(0x7FC0_0000, Float.floatToRawIntBits(HalfFloats.float16ToFloat(0x7E00)));   // quiet NaN
        assertEquals(0x7F80_2000, Float.floatToRawIntBits(HalfFloats.float16ToFloat(0x7C01)));   // payload 1
        assertEquals(0xFFFF_E000, Float.floatToRawIntBits(HalfFloats.float16ToFloat(0xFFFF)));
    }

    @Test
    void halfIgnoresBitsAbove16() {
        assertEquals(1.0f, HalfFloats.float16ToFloat(0xFFFF_3C00));
    }

    @Test
    void everyHalfPatternMatchesTheNaiveFormula() {
        for (int bits = 0; bits <= 0xFFFF; bits++) {
            float actual = HalfFloats.float16ToFloat(bits);
            int sign = bits >>> 15;
            int exponent = (bits >>> 10) & 0x1F;
            int mantissa = bits & 0x3FF;
            if (exponent == 31) {
                if (mantissa == 0) {
                    assertEquals(sign == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY, actual);
                } else {
                    assertTrue(Float.isNaN(actual), "0x" + Integer.toHexString(bits));
                }
                continue;
            }
            double magnitude = exponent == 0
                    ? mantissa / 1024.0 * Math.pow(2, -14)
                    : (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
            float expected = (float) (sign == 0 ? magnitude : -magnitude);
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), "0x" + Integer.toHexString(bits));
        }
    }

    @ParameterizedTest(name = "bf16 0x{0} = {1}")
    @CsvSource({
            "3F80, 1.0",
            "C000, -2.0",
            "4049, 3.140625",
            "7F7F, 3.3895313892515355E38",     // largest finite bfloat16
            "0080, 1.1754943508222875E-38",    // 2^-126
            "0001, 9.183549615799121E-41",     // 2^-133, smallest subnormal
            "7F80, Infinity",
            "FF80, -Infinity",
    })
    void bfloat16MatchesHandWorkedValues(String hex, double expected) {
        assertEquals((float) expected, HalfFloats.bfloat16ToFloat(Integer.parseInt(hex, 16)));
    }

    @Test
    void bfloat16NanKeepsItsPayload() {
        assertEquals(0x7FC1_0000, Float.floatToRawIntBits(HalfFloats.bfloat16ToFloat(0x7FC1)));
    }

    @ParameterizedTest(name = "e4m3 0x{0} = {1}")
    @CsvSource({
            "38, 1.0",
            "B8, -1.0",
            "7E, 448.0",           // 1.75 * 2^8, largest finite
            "78, 256.0",           // exponent 15 with mantissa 0 is finite in e4m3fn
            "08, 0.015625",        // 2^-6, smallest normal
            "01, 0.001953125",     // 2^-9, smallest subnormal
            "07, 0.013671875",     // 7 * 2^-9, largest subnormal
            "00, 0.0",
    })
    void float8E4M3MatchesHandWorkedValues(String hex, double expected) {
        assertEquals((float) expected, HalfFloats.float8E4M3ToFloat(Integer.parseInt(hex, 16)));
    }

    @Test
    void float8E4M3HasNanOnlyAtAllOnes() {
        assertTrue(Float.isNaN(HalfFloats.float8E4M3ToFloat(0x7F)));
        assertTrue(Float.isNaN(HalfFloats.float8E4M3ToFloat(0xFF)));
        for (int bits = 0; bits <= 0xFF; bits++) {
            if ((bits & 0x7F) != 0x7F) {
                float value = HalfFloats.float8E4M3ToFloat(bits);
                assertTrue(Float.isFinite(value), "0x" + Integer.toHexString(bits));
                int exponent = (bits >>> 3) & 0xF;
                int mantissa = bits & 7;
                double magnitude = exponent == 0 ? mantissa / 8.0 * Math.pow(2, -6) : (1 + mantissa / 8.0) * Math.pow(2, exponent - 7);
                assertEquals((float) ((bits & 0x80) == 0 ? magnitude : -magnitude), value, "0x" + Integer.toHexString(bits));
            }
        }
    }

    @ParameterizedTest(name = "e5m2 0x{0} = {1}")
    @CsvSource({
            "3C, 1.0",
            "C0, -2.0",
            "7B, 57344.0",              // 1.75 * 2^15, largest finite
            "01, 1.52587890625E-5",     // 2^-16, smallest subnormal
            "7C, Infinity",
    })
    void float8E5M2MatchesHandWorkedValues(String hex, double expected) {
        assertEquals((float) expected, HalfFloats.float8E5M2ToFloat(Integer.parseInt(hex, 16)));
    }

    @Test
    void float8E5M2NanPatternsAreNan() {
        for (int bits : new int[] {0x7D, 0x7E, 0x7F, 0xFD, 0xFE, 0xFF}) {
            assertTrue(Float.isNaN(HalfFloats.float8E5M2ToFloat(bits)), "0x" + Integer.toHexString(bits));
        }
    }
}
