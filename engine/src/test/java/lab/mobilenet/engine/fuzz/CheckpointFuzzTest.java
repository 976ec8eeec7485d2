package lab.mobilenet.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import lab.mobilenet.engine.checkpoint.CheckpointBinder;
import lab.mobilenet.engine.checkpoint.CheckpointFormatException;
import lab.mobilenet.engine.checkpoint.CheckpointMismatchException;
import lab.mobilenet.engine.checkpoint.SafetensorsReader;
import lab.mobilenet.engine.checkpoint.TensorData;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Seeded mutants of safetensors files through the public entry points: {@link SafetensorsReader#read} for a
 * small file with every kind of dtype, and {@link CheckpointBinder#load} for a whole checkpoint of a small
 * MobileNet. Two kinds of damage: bytes anywhere ({@link Mutator}), and edits of the JSON header that keep it
 * JSON (numbers replaced by boundary values, dtypes swapped, entries dropped), with the length field fixed
 * up or not. Every outcome must be tensors, or the project's own {@code CheckpointFormatException} /
 * {@code CheckpointMismatchException}.
 */
class CheckpointFuzzTest {
    private static final int READER_MUTANTS = Integer.getInteger("fuzz.checkpoints", 1000);
    private static final int BINDER_MUTANTS = Integer.getInteger("fuzz.checkpoints", 1000) / 5;
    private static final String[] NUMBERS = {"0", "1", "-1", "7", "9223372036854775807", "18446744073709551616",
        "4294967296", "2147483648", "1e3", "0.5", "00", "\"4\"", "null", "[]"};
    private static final String[] DTYPES = {"F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL",
        "F8_E4M3", "F8_E5M2", "C64", "f32", ""};

    @TempDir
    Path dir;

    static byte[] safetensors(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json).put(data);
        return b.array();
    }

    /** Five tensors of five dtypes (F32, F16, BF16, I64, U8) and metadata: 8 + 4·2 + 2·3 + 2·2 + 8·1 + 3 bytes. */
    static byte[] smallFile() {
        ByteBuffer data = ByteBuffer.allocate(32 + 6 + 4 + 8 + 3).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) {
            data.putFloat(i * 0.5f - 1);
        }
        data.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x7BFF); // F16 1, -2, 65504
        data.putShort((short) 0x3F80).putShort((short) 0x4049);                          // BF16 1, 3.14
        data.putLong(42);
        data.put((byte) 1).put((byte) 2).put((byte) 255);
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"a.weight\":{\"dtype\":\"F32\",\"shape\":[2,4],\"data_offsets\":[0,32]},"
                + "\"b\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[32,38]},"
                + "\"c\":{\"dtype\":\"BF16\",\"shape\":[1,2],\"data_offsets\":[38,42]},"
                + "\"n.num_batches_tracked\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[42,50]},"
                + "\"d\":{\"dtype\":\"U8\",\"shape\":[3],\"data_offsets\":[50,53]}}";
        return safetensors(header, data.array());
    }

    /** Replaces JSON tokens of the header; fixes the length field up three times in four. */
    static byte[] headerEdit(byte[] file, SplittableRandom r) {
        long length = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String json = new String(file, 8, (int) length, StandardCharsets.UTF_8);
        byte[] data = java.util.Arrays.copyOfRange(file, 8 + (int) length, file.length);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            java.util.regex.Matcher m;
            switch (r.nextInt(4)) {
                case 0 -> m = java.util.regex.Pattern.compile("-?\\d+").matcher(json);
                case 1 -> m = java.util.regex.Pattern.compile("\"(F|BF|I|U)\\d+\"").matcher(json);
                case 2 -> m = java.util.regex.Pattern.compile("\\[[^\\[\\]]*\\]").matcher(json);
                default -> m = java.util.regex.Pattern.compile("\"[^\"]*\":\\{[^{}]*\\},?").matcher(json);
            }
            List<java.util.regex.MatchResult> found = m.results().toList();
            if (found.isEmpty()) {
                continue;
            }
            java.util.regex.MatchResult hit = found.get(r.nextInt(found.size()));
            String replacement = switch (hit.group().charAt(0) == '"' && hit.group().contains("{") ? 3
                    : hit.group().startsWith("\"") ? 1 : hit.group().startsWith("[") ? 2 : 0) {
                case 1 -> "\"" + DTYPES[r.nextInt(DTYPES.length)] + "\"";
                case 2 -> r.nextBoolean() ? "[]" : "[" + NUMBERS[r.nextInt(NUMBERS.length)] + ","
                        + NUMBERS[r.nextInt(NUMBERS.length)] + "]";
                case 3 -> r.nextBoolean() ? "" : hit.group() + hit.group(); // dropped or duplicated entry
                default -> NUMBERS[r.nextInt(NUMBERS.length)];
            };
            json = json.substring(0, hit.start()) + replacement + json.substring(hit.end());
        }
        byte[] jsonBytes = json.getBytes(StandardCharsets.UTF_8);
        long declared = r.nextInt(4) == 0 ? length : jsonBytes.length;
        ByteBuffer b = ByteBuffer.allocate(8 + jsonBytes.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(declared).put(jsonBytes).put(data);
        return b.array();
    }

    private interface Attempt {
        String run(Path file) throws Exception;
    }

    private FuzzStats fuzz(String name, int count, IntFunction<byte[]> mutants, Attempt attempt) throws IOException {
        FuzzStats stats = new FuzzStats(name);
        Path file = dir.resolve("mutant.safetensors");
        for (int i = 0; i < count; i++) {
            Files.write(file, mutants.apply(i));
            long start = System.nanoTime();
            String outcome;
            try {
                outcome = attempt.run(file);
            } catch (CheckpointFormatException | CheckpointMismatchException e) {
                outcome = e instanceof CheckpointFormatException ? "format error" : "mismatch";
                if (e.getMessage().contains("\n")) {
                    stats.fail("mutant " + i + ": a message of several lines");
                }
            } catch (Throwable e) { // NOPMD: exactly what the fuzz test is looking for
                outcome = e.getClass().getSimpleName();
                stats.fail("mutant " + i + ": " + e);
            }
            long elapsed = System.nanoTime() - start;
            stats.record(outcome, elapsed);
            if (elapsed > 10_000_000_000L) {
                stats.fail("mutant " + i + " took " + elapsed / 1_000_000 + " ms");
            }
        }
        System.out.println(stats.summary());
        assertTrue(stats.failures().isEmpty(), stats.failures().size() + " " + name + " mutants misbehaved, e.g. "
                + stats.failures().subList(0, Math.min(5, stats.failures().size())));
        return stats;
    }

    @Test
    void everyMutantOfASmallFileIsReadOrRefusedAsAFormatError() throws Exception {
        byte[] seed = smallFile();
        Map<String, TensorData> clean = SafetensorsReader.read(Files.write(dir.resolve("seed.safetensors"), seed));
        assertTrue(clean.size() == 5, "the seed reads: " + clean.keySet());
        Mutator bytes = new Mutator(seed, 21);
        fuzz("safetensors bytes", READER_MUTANTS, bytes::mutant, f -> SafetensorsReader.read(f).size() + " tensors");
        fuzz("safetensors header", READER_MUTANTS, i -> headerEdit(seed, new SplittableRandom(22_000L + i)),
                f -> SafetensorsReader.read(f).size() + " tensors");
    }

    @Test
    void everyMutantOfAWholeCheckpointBindsOrIsRefused() throws Exception {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 0.35, 4);
        byte[] seed;
        try (Weights w = SeededWeights.create(net, 3)) {
            seed = write(w.tensors());
        }
        Attempt bind = f -> {
            try (Weights w = CheckpointBinder.load(net, f)) {
                return w.tensors().size() == net.params().size() ? "bound" : "bound with the wrong count";
            }
        };
        assertTrue(bind.run(Files.write(dir.resolve("seed.safetensors"), seed)).equals("bound"));
        Mutator bytes = new Mutator(seed, 31);
        fuzz("checkpoint bytes", BINDER_MUTANTS, bytes::mutant, bind);
        fuzz("checkpoint header", BINDER_MUTANTS, i -> headerEdit(seed, new SplittableRandom(32_000L + i)), bind);
    }

    /** The safetensors layout by the format's definition, float32 tensors in map order. */
    static byte[] write(Map<String, INDArray> tensors) {
        StringBuilder json = new StringBuilder("{");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, INDArray> e : tensors.entrySet()) {
            float[] v = e.getValue().dup('c').data().asFloat();
            ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float x : v) {
                b.putFloat(x);
            }
            long begin = data.size();
            data.writeBytes(b.array());
            json.append(json.length() == 1 ? "" : ",").append('"').append(e.getKey()).append("\":{\"dtype\":\"F32\","
                    + "\"shape\":").append(java.util.Arrays.toString(e.getValue().shape()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(begin).append(',').append(data.size()).append("]}");
        }
        return safetensors(json.append('}').toString(), data.toByteArray());
    }
}
