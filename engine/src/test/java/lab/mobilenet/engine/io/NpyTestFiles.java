package lab.mobilenet.engine.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds .npy files byte by byte, so each test states exactly what is on disk. */
final class NpyTestFiles {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private NpyTestFiles() {
    }

    /** Version 1.0: magic, 1, 0, u16 header length, header text (Latin-1), data. */
    static byte[] v1(String header, byte[] data) {
        byte[] text = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer length = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) text.length);
        return concat(MAGIC, new byte[] {1, 0}, length.array(), text, data);
    }

    /** Version 2.0 or 3.0: magic, major, 0, u32 header length, header text (UTF-8), data. */
    static byte[] v2or3(int major, byte[] header, byte[] data) {
        ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(header.length);
        return concat(MAGIC, new byte[] {(byte) major, 0}, length.array(), header, data);
    }

    static String dict(String descr, String fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }\n";
    }

    static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] f4(float... values) {
        return floats(ByteOrder.LITTLE_ENDIAN, values);
    }

    static byte[] f8(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] f2(int... bits) {
        ByteBuffer b = ByteBuffer.allocate(2 * bits.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : bits) {
            b.putShort((short) v);
        }
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
