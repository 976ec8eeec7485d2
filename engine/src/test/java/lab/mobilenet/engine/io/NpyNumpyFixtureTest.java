package lab.mobilenet.engine.io;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files written by numpy's own {@code np.save} / {@code write_array} ({@code tools/make_io_fixtures.py}). */
class NpyNumpyFixtureTest {

    private static Path resource(String name) throws URISyntaxException {
        var url = NpyNumpyFixtureTest.class.getResource("/checkpoint/" + name);
        assertNotNull(url, "missing test resource " + name + " (run tools/make_io_fixtures.py)");
        return Path.of(url.toURI());
    }

    @Test
    void readsNumpyFloat32Matrix() throws Exception {
        Npy.NpyArray a = Npy.read(resource("numpy_f4_2x3.npy"));
        assertArrayEquals(new long[] {2, 3}, a.shape());
        float[] data = a.data();
        assertArrayEquals(new float[] {0f, 0.25f, -1.5f, 1e-3f, 65504f, -0f}, data);
        assertEquals(0x8000_0000, Float.floatToRawIntBits(data[5]));
    }

    @Test
    void readsNumpyFloat64RoundedToFloat() throws Exception {
        Npy.NpyArray a = Npy.read(resource("numpy_f8_4.npy"));
        assertArrayEquals(new long[] {4}, a.shape());
        assertArrayEquals(new float[] {(float) 0.1, -2.5f, Float.POSITIVE_INFINITY, Float.MIN_VALUE}, a.data());
    }

    @Test
    void readsNumpyFloat16Scalar() throws Exception {
        Npy.NpyArray a = Npy.read(resource("numpy_f2_scalar.npy"));
        assertArrayEquals(new long[0], a.shape());
        assertArrayEquals(new float[] {-2f}, a.data());
    }

    @Test
    void readsNumpyBigEndianEmptyAndVersion2Files() throws Exception {
        assertArrayEquals(new float[] {1f, -2f, 0.5f}, Npy.read(resource("numpy_f4_big_endian.npy")).data());
        Npy.NpyArray empty = Npy.read(resource("numpy_f4_empty.npy"));
        assertArrayEquals(new long[] {0, 3}, empty.shape());
        assertEquals(0, empty.data().length);
        Npy.NpyArray v2 = Npy.read(resource("numpy_f4_v2.npy"));
        assertArrayEquals(new long[] {2, 3}, v2.shape());
        assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f}, v2.data());
    }

    @Test
    void refusesNumpyFortranOrderAndIntegerFiles() throws Exception {
        String fortran = assertThrows(NpyFormatException.class, () -> Npy.read(resource("numpy_f4_fortran.npy"))).getMessage();
        assertTrue(fortran.startsWith("numpy_f4_fortran.npy: fortran_order is True"), fortran);
        String integer = assertThrows(NpyFormatException.class, () -> Npy.read(resource("numpy_i4.npy"))).getMessage();
        assertTrue(integer.startsWith("numpy_i4.npy: dtype '<i4' is not supported"), integer);
    }
}
