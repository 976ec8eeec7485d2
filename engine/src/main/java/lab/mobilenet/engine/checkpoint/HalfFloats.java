package lab.mobilenet.engine.checkpoint;

/**
 * Exact conversions from the narrow floating-point formats found in checkpoints to {@code float}.
 *
 * <p>Every value of these formats is exactly representable as a float32, so the conversions lose
 * nothing: they only move the sign, re-bias the exponent and widen the mantissa. Java 17 has no
 * {@code Float.float16ToFloat} (it arrived in Java 20), hence this class.
 * <ul>
 *   <li>IEEE 754 binary16 ("half", safetensors {@code F16}, numpy {@code <f2}): 1 sign, 5 exponent
 *       (bias 15), 10 mantissa bits; exponent 0 = zero/subnormal, exponent 31 = infinity/NaN.</li>
 *   <li>bfloat16 ({@code BF16}): the upper 16 bits of a float32.</li>
 *   <li>float8 e5m2 ({@code F8_E5M2}): the upper 8 bits of a binary16.</li>
 *   <li>float8 e4m3fn ({@code F8_E4M3}): 1 sign, 4 exponent (bias 7), 3 mantissa bits; no
 *       infinities, and only S.1111.111 is NaN.</li>
 * </ul>
 * Arguments are bit patterns in the low bits of an {@code int}; higher bits are ignored.
 */
public final class HalfFloats {

    private HalfFloats() {
    }

    /** Converts an IEEE binary16 bit pattern (low 16 bits) to float, keeping subnormals, infinities and NaN payloads. */
    public static float float16ToFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            // infinity (mantissa 0) or NaN (payload moved to the top of the float mantissa)
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa * 2^-24; the product is exact (mantissa < 2^10)
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        // normal: re-bias the exponent from 15 to 127
        return Float.intBitsToFloat(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
    }

    /** Converts a bfloat16 bit pattern (low 16 bits) to float: it is the upper half of a float32. */
    public static float bfloat16ToFloat(int bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** Converts a float8 e5m2 bit pattern (low 8 bits) to float: it is the upper byte of a binary16. */
    public static float float8E5M2ToFloat(int bits) {
        return float16ToFloat((bits & 0xFF) << 8);
    }

    /** Converts a float8 e4m3fn bit pattern (low 8 bits) to float (finite-only format, 0x7F/0xFF are NaN). */
    public static float float8E4M3ToFloat(int bits) {
        int sign = (bits & 0x80) << 24;
        int exponent = (bits >>> 3) & 0xF;
        int mantissa = bits & 0x7;
        if (exponent == 0xF && mantissa == 0x7) {
            return Float.intBitsToFloat(sign | 0x7FC0_0000);
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa * 2^-9
            float magnitude = mantissa * 0x1p-9f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 127 - 7) << 23) | (mantissa << 20));
    }
}
