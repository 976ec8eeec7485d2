package lab.mobilenet.engine.checkpoint;

import java.util.Map;

/**
 * A parsed and validated safetensors header.
 *
 * @param headerLength the JSON header's length N in bytes; the data section starts at byte 8 + N
 * @param dataLength   bytes in the file after the header (the data section, possibly with unused trailing bytes)
 * @param tensors      the tensor entries in header order
 * @param metadata     the optional {@code "__metadata__"} string map (empty if absent)
 */
record SafetensorsHeader(long headerLength, long dataLength, Map<String, TensorInfo> tensors,
                         Map<String, String> metadata) {

    /** File position where the data section starts. */
    long dataStart() {
        return 8 + headerLength;
    }
}
