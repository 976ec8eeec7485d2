package lab.mobilenet.engine.io;

import lab.mobilenet.engine.checkpoint.HalfFloats;
import lab.mobilenet.engine.checkpoint.Shapes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes numpy's {@code .npy} format, used to exchange reference tensors with Python.
 *
 * <p>Layout: the magic {@code \x93NUMPY}, a version byte pair, the header length (u16 in version 1.0,
 * u32 in 2.0/3.0, little-endian), then a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and a newline,
 * then the raw elements in C order (last index fastest).
 *
 * <p>Reading accepts float32, float64 (rounded to float) and float16 (exact), either byte order, in C order;
 * everything else is a one-line {@link NpyFormatException}. Writing always produces version 1.0 {@code <f4},
 * with the header padded so the data starts on a 64-byte boundary, as numpy does.
 */
public final class Npy {

    /** An array read from a {@code .npy} file: its shape ({@code []} for a 0-d scalar) and its values in C order. */
    public record NpyArray(long[] shape, float[] data) {

        public NpyArray {
            shape = shape.clone();
            if (Shapes.elementCount(shape) != data.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs "
                        + Shapes.elementCount(shape) + " values, got " + data.length);
            }
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        public long elementCount() {
            return data.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NpyArray a && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "NpyArray" + Arrays.toString(shape);
        }
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy refuses headers above 10 000 bytes by default; we allow more but stay bounded. */
    static final int MAX_HEADER_BYTES = 1 << 20;
    /** numpy's own limit on dimensions (NPY_MAXDIMS in numpy 2). */
    static final int MAX_DIMENSIONS = 64;
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int CHUNK_BYTES = 1 << 20;

    private Npy() {
    }

    /** Reads a float16/32/64 C-order {@code .npy} file (versions 1.0, 2.0, 3.0) as float32. */
    public static NpyArray read(Path file) throws IOException, NpyFormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 10) {
                throw new NpyFormatException(file, "file is " + size + " bytes, too short for a .npy preamble");
            }
            ByteBuffer preamble = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            readFully(file, channel, preamble, 0);
            for (int i = 0; i < MAGIC.length; i++) {
                if (preamble.get(i) != MAGIC[i]) {
                    throw new NpyFormatException(file, "not a .npy file (the magic \\x93NUMPY is missing)");
                }
            }
            int major = preamble.get(6) & 0xFF;
            int minor = preamble.get(7) & 0xFF;
            long headerLength;
            int headerStart;
            if (major == 1 && minor == 0) {
                headerLength = preamble.getShort(8) & 0xFFFF;
                headerStart = 10;
            } else if ((major == 2 || major == 3) && minor == 0) {
                ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                readFully(file, channel, length, 8);
                headerLength = length.getInt(0) & 0xFFFF_FFFFL;
                headerStart = 12;
            } else {
                throw new NpyFormatException(file, "unsupported .npy format version " + major + "." + minor);
            }
            if (headerLength > MAX_HEADER_BYTES) {
                throw new NpyFormatException(file, "header length " + headerLength + " exceeds the limit of "
                        + MAX_HEADER_BYTES + " bytes");
            }
            if (headerLength > size - headerStart) {
                throw new NpyFormatException(file, "header length " + headerLength + " runs past the end of the file ("
                        + size + " bytes); the file may be truncated");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(file, channel, headerBytes, headerStart);
            headerBytes.flip();
            String text = decodeHeader(file, headerBytes, major);
            Map<String, Object> dict = new NpyHeaderParser(file, text).parseDict();
            Layout layout = layout(file, dict);
            long dataStart = headerStart + headerLength;
            long dataBytes = size - dataStart;
            long needed = layout.count * layout.itemSize;
            if (dataBytes != needed) {
                throw new NpyFormatException(file, "data is " + dataBytes + " bytes but shape " + tuple(layout.shape)
                        + " of " + layout.descr + " needs " + needed + " bytes"
                        + (dataBytes < needed ? "; the file is truncated" : "; the file has trailing bytes"));
            }
            float[] data = readData(file, channel, dataStart, layout);
            return new NpyArray(layout.shape, data);
        }
    }

    /**
     * Writes {@code data} (C order) as a version 1.0 {@code <f4} array of the given shape.
     *
     * <p>The file appears atomically: bytes go to {@code <name>.part} in the same directory, which is then
     * moved over {@code file}. A failed write leaves any previous {@code file} untouched and no {@code .part} behind.
     *
     * @throws IllegalArgumentException if a dimension is negative or the shape does not match {@code data.length}
     */
    public static void write(Path file, long[] shape, float[] data) throws IOException {
        Objects.requireNonNull(file, "file");
        if (shape.length > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("shape has " + shape.length + " dimensions, numpy allows " + MAX_DIMENSIONS);
        }
        long count = Shapes.elementCount(shape);
        if (count != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count
                    + " values, got " + data.length);
        }
        byte[] header = headerV1(shape);
        Path fileName = file.getFileName();
        if (fileName == null) {
            throw new IllegalArgumentException("not a file path: " + file);
        }
        Path part = file.resolveSibling(fileName + ".part");
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(channel, ByteBuffer.wrap(header));
                ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (int done = 0; done < data.length; ) {
                    int n = Math.min(CHUNK_BYTES / Float.BYTES, data.length - done);
                    chunk.clear();
                    chunk.asFloatBuffer().put(data, done, n);
                    chunk.limit(n * Float.BYTES);
                    writeFully(channel, chunk);
                    done += n;
                }
                channel.force(true);
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Magic, version 1.0, u16 length and the dict, padded with spaces and ended by a newline at a multiple of 64. */
    private static byte[] headerV1(long[] shape) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple(shape) + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        out.put(text.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    /** Python's tuple syntax: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    static String tuple(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(')').toString();
    }

    private record Layout(String descr, long[] shape, long count, int itemSize, ByteOrder order) {
    }

    private static Layout layout(Path file, Map<String, Object> dict) throws NpyFormatException {
        if (!dict.keySet().equals(Set.of("descr", "fortran_order", "shape"))) {
            String keys = dict.keySet().toString();
            throw new NpyFormatException(file, "header keys " + (keys.length() <= 120 ? keys : keys.substring(0, 117) + "...")
                    + " are not exactly 'descr', 'fortran_order', 'shape'");
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new NpyFormatException(file, "header 'descr' is not a simple dtype string (structured arrays are not supported)");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new NpyFormatException(file, "header 'fortran_order' is not True or False");
        }
        if (!(dict.get("shape") instanceof long[] shape)) {
            throw new NpyFormatException(file, "header 'shape' is not a tuple of integers");
        }
        int itemSize;
        switch (descr.length() == 3 ? descr.substring(1) : "") {
            case "f2" -> itemSize = 2;
            case "f4" -> itemSize = 4;
            case "f8" -> itemSize = 8;
            default -> throw new NpyFormatException(file, "dtype '" + descr + "' is not supported (use <f4, <f8 or <f2)");
        }
        ByteOrder order;
        switch (descr.charAt(0)) {
            case '<' -> order = ByteOrder.LITTLE_ENDIAN;
            case '>' -> order = ByteOrder.BIG_ENDIAN;
            default -> throw new NpyFormatException(file, "dtype '" + descr + "' has no byte order '<' or '>'");
        }
        if (fortran) {
            throw new NpyFormatException(file, "fortran_order is True; only C-order arrays are supported"
                    + " (save numpy.ascontiguousarray(a) instead)");
        }
        if (shape.length > MAX_DIMENSIONS) {
            throw new NpyFormatException(file, "shape has " + shape.length + " dimensions, more than " + MAX_DIMENSIONS);
        }
        long count;
        try {
            count = Shapes.elementCount(shape);
        } catch (ArithmeticException e) {
            throw new NpyFormatException(file, "shape " + tuple(shape) + " has more elements than fit in 64 bits");
        }
        if (count > MAX_ELEMENTS) {
            throw new NpyFormatException(file, "shape " + tuple(shape) + " has " + count
                    + " elements, more than one Java array can hold");
        }
        return new Layout(descr, shape, count, itemSize, order);
    }

    private static float[] readData(Path file, FileChannel channel, long position, Layout layout)
            throws IOException, NpyFormatException {
        float[] data = new float[(int) layout.count];
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, Math.max(8, layout.count * layout.itemSize)))
                .order(layout.order);
        int perChunk = chunk.capacity() / layout.itemSize;
        long at = position;
        for (int done = 0; done < data.length; ) {
            int n = Math.min(perChunk, data.length - done);
            chunk.clear().limit(n * layout.itemSize);
            readFully(file, channel, chunk, at);
            chunk.flip();
            switch (layout.itemSize) {
                case 4 -> chunk.asFloatBuffer().get(data, done, n);
                case 8 -> { for (int i = 0; i < n; i++) data[done + i] = (float) chunk.getDouble(); }
                default -> { for (int i = 0; i < n; i++) data[done + i] = HalfFloats.float16ToFloat(chunk.getShort()); }
            }
            at += (long) n * layout.itemSize;
            done += n;
        }
        return data;
    }

    private static String decodeHeader(Path file, ByteBuffer bytes, int major) throws NpyFormatException {
        if (major < 3) {
            return StandardCharsets.ISO_8859_1.decode(bytes).toString();
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new NpyFormatException(file, "version 3.0 header is not valid UTF-8", e);
        }
    }

    private static void readFully(Path file, FileChannel channel, ByteBuffer buffer, long position)
            throws IOException, NpyFormatException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new NpyFormatException(file, "file ended at byte " + at + " while " + buffer.remaining()
                        + " more bytes were expected; it may have been truncated while reading");
            }
            at += n;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
