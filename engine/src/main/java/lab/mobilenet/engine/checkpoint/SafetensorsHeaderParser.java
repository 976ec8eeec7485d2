package lab.mobilenet.engine.checkpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates the header of a safetensors file: {@code u64} little-endian length N, then N bytes of
 * UTF-8 JSON mapping tensor names to {@code {"dtype", "shape", "data_offsets": [begin, end]}}.
 *
 * <p>Every size is checked against the file before anything is allocated from it, and the JSON is read
 * with a streaming parser, so a hostile header costs at most its own (bounded) size in memory. Unknown
 * fields inside a tensor entry are ignored, as the reference implementation does.
 */
final class SafetensorsHeaderParser {

    /** Same limit as the reference implementation: headers above 100 MB are refused. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    /** More dimensions than any real tensor has; bounds the memory a hostile shape can ask for. */
    static final int MAX_DIMENSIONS = 64;
    /**
     * A bound on the entry count, checked while parsing: real checkpoints have hundreds to a few thousand
     * tensors per file (timm's MobileNets 200 to 400), and a million-entry header took 3 to 10 s to refuse.
     */
    static final int MAX_TENSORS = 65_536;
    /** Tensors with no elements occupy no data, so the data section cannot bound them; this does. */
    static final int MAX_EMPTY_TENSORS = 4_096;

    private static final String METADATA_KEY = "__metadata__";
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path file;

    private SafetensorsHeaderParser(Path file) {
        this.file = file;
    }

    /** Reads the header from the start of {@code channel}; does not read the data section. */
    static SafetensorsHeader read(Path file, FileChannel channel) throws IOException, CheckpointFormatException {
        return new SafetensorsHeaderParser(file).read(channel);
    }

    private SafetensorsHeader read(FileChannel channel) throws IOException, CheckpointFormatException {
        long fileSize = channel.size();
        if (fileSize < 8) {
            throw fail("file is " + fileSize + " bytes, too short to hold the 8-byte header length");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, channel, lengthBytes, 0);
        long headerLength = lengthBytes.getLong(0);
        if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
            throw fail("header length " + Long.toUnsignedString(headerLength) + " exceeds the limit of "
                    + MAX_HEADER_BYTES + " bytes");
        }
        if (headerLength < 2) {
            throw fail("header length " + headerLength + " is below the minimum of 2 bytes ('{}')");
        }
        if (headerLength > fileSize - 8) {
            throw fail("header length " + headerLength + " runs past the end of the file (" + fileSize
                    + " bytes); the file may be truncated");
        }
        ByteBuffer json = ByteBuffer.allocate((int) headerLength);
        readFully(file, channel, json, 8);
        long dataLength = fileSize - 8 - headerLength;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, TensorInfo> tensors = parseJson(json.array(), dataLength, metadata);
        checkNoOverlap(tensors);
        return new SafetensorsHeader(headerLength, dataLength, Collections.unmodifiableMap(tensors),
                Collections.unmodifiableMap(metadata));
    }

    private Map<String, TensorInfo> parseJson(byte[] json, long dataLength, Map<String, String> metadata)
            throws IOException, CheckpointFormatException {
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        // the file's own claims bound the work: disjoint tensors cannot hold more bytes than the data section
        long claimedBytes = 0;
        int empty = 0;
        try (JsonParser parser = JSON.createParser(utf8(json))) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw fail("header is " + describe(first) + ", not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (METADATA_KEY.equals(name)) {
                    parseMetadata(parser, metadata);
                } else {
                    if (tensors.size() >= MAX_TENSORS) {
                        throw fail("header lists more than " + MAX_TENSORS + " tensors");
                    }
                    TensorInfo info = parseTensor(parser, name, dataLength);
                    claimedBytes += info.byteLength(); // each at most dataLength: no overflow before the check
                    if (claimedBytes > dataLength) {
                        tensors.put(name, info);
                        checkNoOverlap(tensors); // names two tensors that overlap, when it can
                        throw fail("the first " + (tensors.size() + 1) + " tensors claim " + claimedBytes
                                + " bytes, more than the data section's " + dataLength + "; they cannot all be disjoint");
                    }
                    if (info.byteLength() == 0 && ++empty > MAX_EMPTY_TENSORS) {
                        throw fail("header lists more than " + MAX_EMPTY_TENSORS + " empty tensors");
                    }
                    if (tensors.put(name, info) != null) {
                        throw fail("tensor '" + clip(name) + "' is listed twice");
                    }
                }
            }
            if (parser.nextToken() != null) {
                throw fail("unexpected content after the header's JSON object");
            }
        } catch (JsonProcessingException e) {
            throw fail("header is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // the JSON is parsed from memory: any I/O error is about its bytes (e.g. a bad UTF-8 sequence)
            throw fail("header is not valid UTF-8 JSON: " + e.getMessage(), e);
        }
        return tensors;
    }

    private void parseMetadata(JsonParser parser, Map<String, String> metadata)
            throws IOException, CheckpointFormatException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw fail("\"" + METADATA_KEY + "\" is " + describe(parser.currentToken()) + ", not an object of strings");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw fail("\"" + METADATA_KEY + "\" entry '" + clip(key) + "' is "
                        + describe(parser.currentToken()) + ", not a string");
            }
            metadata.put(key, parser.getText());
        }
    }

    private TensorInfo parseTensor(JsonParser parser, String name, long dataLength)
            throws IOException, CheckpointFormatException {
        String where = "tensor '" + clip(name) + "'";
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw fail(where + " is " + describe(parser.currentToken()) + ", not an object");
        }
        String dtypeName = null;
        long[] shape = null;
        long[] offsets = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "dtype" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw fail(where + " dtype is " + describe(value) + ", not a string");
                    }
                    dtypeName = parser.getText();
                }
                case "shape" -> shape = parseLongs(parser, where + " shape", MAX_DIMENSIONS);
                case "data_offsets" -> offsets = parseLongs(parser, where + " data_offsets", 2);
                default -> parser.skipChildren();
            }
        }
        if (dtypeName == null || shape == null || offsets == null) {
            String missing = dtypeName == null ? "dtype" : shape == null ? "shape" : "data_offsets";
            throw fail(where + " has no \"" + missing + "\"");
        }
        SafetensorsDtype dtype = SafetensorsDtype.fromHeaderName(dtypeName);
        if (dtype == null) {
            throw fail(where + " has unknown dtype '" + clip(dtypeName) + "' (known: " + SafetensorsDtype.knownNames() + ")");
        }
        if (offsets.length != 2) {
            throw fail(where + " data_offsets " + Arrays.toString(offsets) + " must be exactly [begin, end]");
        }
        long begin = offsets[0];
        long end = offsets[1];
        long expectedBytes;
        try {
            expectedBytes = Math.multiplyExact(Shapes.elementCount(shape), dtype.byteSize());
        } catch (ArithmeticException e) {
            throw fail(where + " shape " + Arrays.toString(shape) + " of " + dtype + " has more bytes than fit in 64 bits");
        }
        if (end < begin || end - begin != expectedBytes) {
            throw fail(where + " data_offsets [" + begin + ", " + end + "] do not match shape "
                    + Arrays.toString(shape) + " of " + dtype + " (" + expectedBytes + " bytes)");
        }
        if (end > dataLength) {
            throw fail(where + " data_offsets [" + begin + ", " + end + "] run past the end of the data section ("
                    + dataLength + " bytes); the file may be truncated");
        }
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    /**
     * The format says UTF-8. Jackson would guess UTF-16 or UTF-32 from zero bytes at the start and
     * report a bad code unit later as a plain {@code IOException} ("cannot read"): refuse such headers
     * here, from two bytes, without decoding the rest. (A UTF-8 JSON object starts with two non-zero
     * bytes; UTF-16 and UTF-32 put a zero in one of the first two.)
     */
    private byte[] utf8(byte[] json) throws CheckpointFormatException {
        for (int i = 0; i < Math.min(2, json.length); i++) {
            if (json[i] == 0) {
                throw fail("header is not UTF-8 text (a zero byte at " + i + ": UTF-16 or UTF-32?)");
            }
        }
        return json;
    }

    /** Reads a JSON array of non-negative integers that fit in a long, at most {@code maxLength} of them. */
    private long[] parseLongs(JsonParser parser, String what, int maxLength) throws IOException, CheckpointFormatException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw fail(what + " is " + describe(parser.currentToken()) + ", not an array");
        }
        long[] values = new long[maxLength];
        int count = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw fail(what + " contains " + describe(token) + "; entries must be non-negative integers");
            }
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw fail(what + " entry " + clip(parser.getText()) + " does not fit in 64 bits");
            }
            long value = parser.getLongValue();
            if (value < 0) {
                throw fail(what + " entry " + value + " is negative");
            }
            if (count == maxLength) {
                throw fail(what + " has more than " + maxLength + " entries");
            }
            values[count++] = value;
        }
        return Arrays.copyOf(values, count);
    }

    /** Tensors must occupy disjoint byte ranges; empty tensors occupy no bytes and cannot overlap. */
    private void checkNoOverlap(Map<String, TensorInfo> tensors) throws CheckpointFormatException {
        List<TensorInfo> sorted = new ArrayList<>();
        for (TensorInfo info : tensors.values()) {
            if (info.byteLength() > 0) {
                sorted.add(info);
            }
        }
        sorted.sort(Comparator.comparingLong(TensorInfo::dataBegin));
        for (int i = 1; i < sorted.size(); i++) {
            TensorInfo previous = sorted.get(i - 1);
            TensorInfo current = sorted.get(i);
            if (current.dataBegin() < previous.dataEnd()) {
                throw fail("tensors '" + clip(previous.name()) + "' [" + previous.dataBegin() + ", " + previous.dataEnd()
                        + "] and '" + clip(current.name()) + "' [" + current.dataBegin() + ", " + current.dataEnd()
                        + "] overlap");
            }
        }
    }

    /** Reads {@code buffer.remaining()} bytes at {@code position}, or fails if the file ends first. */
    static void readFully(Path file, FileChannel channel, ByteBuffer buffer, long position)
            throws IOException, CheckpointFormatException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new CheckpointFormatException(file, "file ended at byte " + at + " while " + buffer.remaining()
                        + " more bytes were expected; it may have been truncated while reading");
            }
            at += n;
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "empty";
        }
        return switch (token) {
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /** Keeps a hostile 1 MB tensor name from turning into a 1 MB error message. */
    static String clip(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private CheckpointFormatException fail(String problem) {
        return new CheckpointFormatException(file, problem);
    }

    private CheckpointFormatException fail(String problem, Throwable cause) {
        return new CheckpointFormatException(file, problem, cause);
    }
}
