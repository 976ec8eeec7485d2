package lab.mobilenet.app.ui.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a safetensors file for tests, by the format's definition: an 8-byte little-endian header length, a JSON
 * header {@code {"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}}}, then the raw
 * little-endian float32 data.
 */
public final class TinySafetensors {

    private TinySafetensors() {
    }

    public static void write(Path file, Map<String, INDArray> tensors) throws IOException {
        StringBuilder json = new StringBuilder("{");
        long offset = 0;
        float[][] data = new float[tensors.size()][];
        int i = 0;
        for (var e : tensors.entrySet()) {
            INDArray t = e.getValue();
            data[i] = t.castTo(DataType.FLOAT).dup('c').data().asFloat();
            long end = offset + 4L * data[i].length;
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(e.getKey()).append("\":{\"dtype\":\"F32\",\"shape\":[");
            long[] shape = t.shape();
            for (int d = 0; d < shape.length; d++) {
                json.append(d == 0 ? "" : ",").append(shape[d]);
            }
            json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
            i++;
        }
        json.append('}');
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate((int) (8 + header.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length).put(header);
        for (float[] d : data) {
            for (float v : d) {
                buf.putFloat(v);
            }
        }
        Files.write(file, buf.array());
    }
}
