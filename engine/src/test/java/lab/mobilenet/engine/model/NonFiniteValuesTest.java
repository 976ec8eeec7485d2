package lab.mobilenet.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NonFiniteValuesTest {
    @Test
    void countsNaNAndBothInfinitiesAndNamesTheFirst() {
        NonFiniteValues v = NonFiniteValues.in(new float[] {1f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, 0f, Float.NaN,
            Float.NEGATIVE_INFINITY});
        assertEquals(3, v.count());
        assertEquals(2, v.first());
        assertTrue(v.any());
    }

    @Test
    void finiteValuesHaveNone() {
        NonFiniteValues v = NonFiniteValues.in(new float[] {-Float.MAX_VALUE, Float.MIN_VALUE, 0f});
        assertEquals(new NonFiniteValues(0, -1), v);
        assertFalse(v.any());
    }
}
