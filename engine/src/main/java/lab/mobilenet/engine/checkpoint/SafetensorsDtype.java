package lab.mobilenet.engine.checkpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element types a safetensors header may name, with their size in bytes and their conversion
 * to float32.
 *
 * <p>Floating types convert exactly except {@code F64} (rounded to the nearest float). Integer and
 * boolean types are converted with Java's widening/narrowing rules ({@code (float) longValue}); they
 * only occur in our checkpoints as BatchNorm's {@code num_batches_tracked} counter, which loaders ignore.
 * Sub-byte and exotic types ({@code F4}, {@code F6_*}, {@code F8_E8M0}, ...) are not supported and make
 * the header invalid.
 */
public enum SafetensorsDtype {
    BOOL(1), U8(1), I8(1), U16(2), I16(2), U32(4), I32(4), U64(8), I64(8),
    F8_E5M2(1), F8_E4M3(1), F16(2), BF16(2), F32(4), F64(8);

    private final int byteSize;

    SafetensorsDtype(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** The dtype spelled exactly as in a safetensors header, or {@code null} if the name is not known. */
    public static SafetensorsDtype fromHeaderName(String name) {
        for (SafetensorsDtype dtype : values()) {
            if (dtype.name().equals(name)) {
                return dtype;
            }
        }
        return null;
    }

    /** The known names, for error messages. */
    static String knownNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * Decodes {@code count} elements from {@code src} (positioned at the first one, little-endian
     * order set by the caller) into {@code dst[offset ..]}.
     */
    void decode(ByteBuffer src, float[] dst, int offset, int count) {
        int end = offset + count;
        switch (this) {
            case BOOL -> { for (int i = offset; i < end; i++) dst[i] = src.get() == 0 ? 0f : 1f; }
            case U8 -> { for (int i = offset; i < end; i++) dst[i] = src.get() & 0xFF; }
            case I8 -> { for (int i = offset; i < end; i++) dst[i] = src.get(); }
            case U16 -> { for (int i = offset; i < end; i++) dst[i] = src.getShort() & 0xFFFF; }
            case I16 -> { for (int i = offset; i < end; i++) dst[i] = src.getShort(); }
            case U32 -> { for (int i = offset; i < end; i++) dst[i] = src.getInt() & 0xFFFF_FFFFL; }
            case I32 -> { for (int i = offset; i < end; i++) dst[i] = src.getInt(); }
            case U64 -> { for (int i = offset; i < end; i++) dst[i] = unsignedLongToFloat(src.getLong()); }
            case I64 -> { for (int i = offset; i < end; i++) dst[i] = src.getLong(); }
            case F8_E5M2 -> { for (int i = offset; i < end; i++) dst[i] = HalfFloats.float8E5M2ToFloat(src.get()); }
            case F8_E4M3 -> { for (int i = offset; i < end; i++) dst[i] = HalfFloats.float8E4M3ToFloat(src.get()); }
            case F16 -> { for (int i = offset; i < end; i++) dst[i] = HalfFloats.float16ToFloat(src.getShort()); }
            case BF16 -> { for (int i = offset; i < end; i++) dst[i] = HalfFloats.bfloat16ToFloat(src.getShort()); }
            case F32 -> {
                src.asFloatBuffer().get(dst, offset, count);
                src.position(src.position() + count * Float.BYTES);
            }
            case F64 -> { for (int i = offset; i < end; i++) dst[i] = (float) src.getDouble(); }
            default -> throw new IllegalStateException("no decoder for " + this);
        }
    }

    private static float unsignedLongToFloat(long v) {
        // halve (keeping the lowest bit so rounding stays correct), convert, double back
        return v >= 0 ? (float) v : 2f * (float) ((v >>> 1) | (v & 1));
    }
}
