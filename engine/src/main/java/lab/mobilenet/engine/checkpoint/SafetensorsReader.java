package lab.mobilenet.engine.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads <a href="https://github.com/huggingface/safetensors">safetensors</a> checkpoints, the format timm
 * publishes its weights in.
 *
 * <p>Layout: an unsigned 64-bit little-endian length N, N bytes of UTF-8 JSON describing each tensor
 * ({@code dtype}, {@code shape}, {@code data_offsets} relative to byte 8 + N), then the raw little-endian
 * data. The whole header is validated (sizes, dtypes, offsets against shapes and the file, no overlaps)
 * before any tensor memory is allocated, so a damaged or hostile file ends in a
 * {@link CheckpointFormatException}, never in an {@code OutOfMemoryError}.
 *
 * <p>Every tensor is returned as float32: {@code F16}, {@code BF16}, {@code F8_*} exactly, {@code F64}
 * rounded, integer types (e.g. BatchNorm's {@code I64 num_batches_tracked}) by a plain cast.
 */
public final class SafetensorsReader {

    /** Largest Java array we ask for (some VMs refuse {@code Integer.MAX_VALUE} exactly). */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** Data is read in chunks of this many bytes (a multiple of every element size). */
    private static final int CHUNK_BYTES = 1 << 20;

    private SafetensorsReader() {
    }

    /** Reads and validates the whole file; returns every tensor, in header order. */
    public static Map<String, TensorData> read(Path file) throws IOException, CheckpointFormatException {
        return read(file, name -> true);
    }

    /**
     * Reads the tensors whose names pass {@code wanted} (the whole header is still validated), in header order.
     * Use it to skip tensors a loader ignores, e.g. {@code name -> !name.endsWith(".num_batches_tracked")}.
     */
    public static Map<String, TensorData> read(Path file, Predicate<String> wanted)
            throws IOException, CheckpointFormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            SafetensorsHeader header = SafetensorsHeaderParser.read(file, channel);
            List<TensorInfo> selected = new ArrayList<>();
            for (TensorInfo info : header.tensors().values()) {
                if (wanted.test(info.name())) {
                    if (info.elementCount() > MAX_ELEMENTS) {
                        throw new CheckpointFormatException(file, "tensor '" + SafetensorsHeaderParser.clip(info.name())
                                + "' has " + info.elementCount() + " elements, more than one Java array can hold");
                    }
                    selected.add(info);
                }
            }
            Map<String, TensorData> tensors = new LinkedHashMap<>();
            ByteBuffer chunk = ByteBuffer.allocate(chunkSize(selected)).order(ByteOrder.LITTLE_ENDIAN);
            for (TensorInfo info : selected) {
                float[] values = readValues(file, channel, header.dataStart(), info, chunk);
                tensors.put(info.name(), new TensorData(info.name(), info.dtype().name(), info.shape(), values));
            }
            return Collections.unmodifiableMap(tensors);
        }
    }

    /** Reads and validates the header only: name to dtype, shape and byte range, in header order. */
    public static Map<String, TensorInfo> readHeader(Path file) throws IOException, CheckpointFormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return SafetensorsHeaderParser.read(file, channel).tensors();
        }
    }

    /** The header's optional {@code "__metadata__"} string map (e.g. {@code format=pt}); empty if absent. */
    public static Map<String, String> readMetadata(Path file) throws IOException, CheckpointFormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return SafetensorsHeaderParser.read(file, channel).metadata();
        }
    }

    private static int chunkSize(List<TensorInfo> tensors) {
        long largest = 8;
        for (TensorInfo info : tensors) {
            largest = Math.max(largest, info.byteLength());
        }
        return (int) Math.min(CHUNK_BYTES, largest);
    }

    private static float[] readValues(Path file, FileChannel channel, long dataStart, TensorInfo info, ByteBuffer chunk)
            throws IOException, CheckpointFormatException {
        float[] values = new float[(int) info.elementCount()];
        int elementSize = info.dtype().byteSize();
        // whole elements per chunk, so no element straddles two reads
        int elementsPerChunk = chunk.capacity() / elementSize;
        long position = dataStart + info.dataBegin();
        int done = 0;
        while (done < values.length) {
            int count = Math.min(elementsPerChunk, values.length - done);
            chunk.clear().limit(count * elementSize);
            SafetensorsHeaderParser.readFully(file, channel, chunk, position);
            chunk.flip();
            info.dtype().decode(chunk, values, done, count);
            position += (long) count * elementSize;
            done += count;
        }
        return values;
    }
}
